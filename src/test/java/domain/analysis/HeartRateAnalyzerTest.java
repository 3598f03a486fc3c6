package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartRateAnalyzerTest {

    /** Beats at the given times (s), all normal, at 1000 Hz. */
    static Beats beatsAt(double... times) {
        int[] samples = Arrays.stream(times).mapToInt(t -> (int) Math.round(t * 1000)).toArray();
        BeatType[] types = new BeatType[times.length];
        Arrays.fill(types, BeatType.NORMAL);
        int[] masks = new int[times.length];
        Arrays.fill(masks, 1);
        return new Beats(1000, samples, masks, types, List.of("II"));
    }

    static double[] cumulative(double start, double... rr) {
        double[] times = new double[rr.length + 1];
        times[0] = start;
        for (int i = 0; i < rr.length; i++) {
            times[i + 1] = times[i] + rr[i];
        }
        return times;
    }

    private static EcgHeartRate rate(Beats beats) {
        return new HeartRateAnalyzer().analyse(null, new AnalysisReport(List.of(beats)));
    }

    @Test
    void readsSixtyBpmFromOneSecondIntervals() {
        EcgHeartRate rate = rate(beatsAt(cumulative(0.5, SyntheticEcg.constant(20, 1.0))));

        assertEquals(new EcgHeartRate(60.0, 60.0, 60.0, 20, null), rate);
    }

    @Test
    void takesMinimumAndMaximumFromTheMedianOfEightIntervalsSoAnEctopicBeatDoesNotMakeThem() {
        double[] rr = SyntheticEcg.constant(40, 1.0);
        Arrays.fill(rr, 20, 40, 0.5);
        rr[5] = 0.4;
        rr[6] = 1.6;

        EcgHeartRate rate = rate(beatsAt(cumulative(0, rr)));

        assertEquals(120.0, rate.maxBpm());
        assertEquals(60.0, rate.minBpm(), "not 60/1.6 = 37.5 bpm from the compensatory pause");
        assertEquals(60.0 * 40 / 30.0, rate.meanBpm(), 0.05);
    }

    @Test
    void theMinimumNeverExceedsTheMeanNorTheMaximumFallsBelowIt() {
        // A steady 72 bpm whose R peaks jitter by a sample: every median of 8 is a little shorter than the mean RR.
        double[] rr = new double[120];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i % 8 == 0 ? 60.0 / 72 + 0.012 : 60.0 / 72 - 0.0015;
        }

        EcgHeartRate rate = rate(beatsAt(cumulative(0.4, rr)));

        assertTrue(rate.minBpm() <= rate.meanBpm(), rate.toString());
        assertTrue(rate.meanBpm() <= rate.maxBpm(), rate.toString());
    }

    @Test
    void needsTwoBeats() {
        EcgHeartRate rate = rate(beatsAt(1.0));

        assertFalse(rate.available());
        assertEquals("fewer than 2 beats were detected", rate.unavailableReason());
    }
}
