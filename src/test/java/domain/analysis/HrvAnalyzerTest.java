package domain.analysis;

import static domain.analysis.HeartRateAnalyzerTest.beatsAt;
import static domain.analysis.HeartRateAnalyzerTest.cumulative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HrvAnalyzerTest {

    private static HeartRateVariability hrv(Beats beats, double seconds) {
        Recording recording = new Recording(null, beats.samplingRateHz(),
                List.of(new Lead("II", Signal.wrap(new int[(int) (seconds * beats.samplingRateHz())]))));
        return new HrvAnalyzer().analyse(recording, new AnalysisReport(List.of(beats)));
    }

    @Test
    void hasNoVariabilityForAConstantRrSeries() {
        HeartRateVariability hrv = hrv(beatsAt(cumulative(0.5, SyntheticEcg.constant(299, 0.8))), 241);

        assertEquals(299, hrv.nnIntervals());
        assertEquals(800.0, hrv.meanNnMs());
        assertEquals(0.0, hrv.sdnnMs());
        assertEquals(0.0, hrv.rmssdMs());
        assertEquals(0.0, hrv.pnn50Percent());
        assertEquals(0.0, hrv.lfMs2(), 1e-6);
        assertEquals(0.0, hrv.hfMs2(), 1e-6);
    }

    @Test
    void computesTimeDomainValuesByTheirDefinitions() {
        // RR alternating 800 and 900 ms: every successive difference is 100 ms.
        double[] rr = new double[40];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i % 2 == 0 ? 0.8 : 0.9;
        }

        HeartRateVariability hrv = hrv(beatsAt(cumulative(0.5, rr)), 40);

        assertEquals(850.0, hrv.meanNnMs());
        assertEquals(100.0, hrv.rmssdMs());
        assertEquals(100.0, hrv.pnn50Percent());
        assertEquals(Math.sqrt(40 * 50.0 * 50.0 / 39), hrv.sdnnMs(), 0.01);
        assertNull(hrv.lfMs2());
        assertEquals("the frequency domain needs at least 2 minutes of normal beats", hrv.frequencyUnavailableReason());
    }

    @Test
    void placesBreathingAt0Point25HzInHfAndMayerWavesAt0Point1HzInLf() {
        HeartRateVariability breathing = hrv(modulated(0.25), 300);
        HeartRateVariability mayer = hrv(modulated(0.1), 300);

        assertTrue(breathing.hfMs2() > 10 * breathing.lfMs2(), breathing.toString());
        assertTrue(mayer.lfMs2() > 10 * mayer.hfMs2(), mayer.toString());
        // a 30 ms sinusoid carries 30²/2 = 450 ms² of power
        assertEquals(450, mayer.hfMs2() + mayer.lfMs2(), 45, mayer.toString());
        assertEquals(450, breathing.hfMs2() + breathing.lfMs2(), 45, breathing.toString());
    }

    @Test
    void weighsLfAgainstHf() {
        double[] times = new double[400];
        double t = 0.5;
        for (int i = 0; i < times.length; i++) {
            times[i] = t;
            t += 0.75 + 0.030 * Math.sin(2 * Math.PI * 0.1 * t) + 0.015 * Math.sin(2 * Math.PI * 0.25 * t);
        }

        HeartRateVariability hrv = hrv(beatsAt(times), 300);

        assertEquals(4.0, hrv.lfHfRatio(), 0.4, "(30/15)² = 4");
    }

    @Test
    void leavesIntervalsAroundAnEctopicBeatOutOfTheNnSeries() {
        Beats regular = beatsAt(cumulative(0.5, SyntheticEcg.constant(30, 1.0)));
        int[] samples = regular.samples();
        BeatType[] types = regular.types();
        samples[10] -= 400;
        types[10] = BeatType.VENTRICULAR_PREMATURE;
        Beats withEctopic = new Beats(1000, samples, regular.leadMasks(), types, List.of("II"));

        HeartRateVariability hrv = hrv(withEctopic, 32);

        assertEquals(28, hrv.nnIntervals());
        assertEquals(0.0, hrv.sdnnMs());
    }

    static Beats modulated(double hz) {
        double[] times = new double[400];
        double t = 0.5;
        for (int i = 0; i < times.length; i++) {
            times[i] = t;
            t += 0.75 + 0.030 * Math.sin(2 * Math.PI * hz * t);
        }
        return beatsAt(Arrays.copyOf(times, times.length));
    }
}
