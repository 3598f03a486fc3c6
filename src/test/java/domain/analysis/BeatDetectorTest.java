package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BeatDetectorTest {

    private static Beats beats(Recording recording) {
        return SyntheticEcg.analyse(recording).find(Beats.class).orElseThrow();
    }

    @Test
    void findsEveryBeatOfANoisyEcgAt72BpmAndReads72Bpm() {
        SyntheticEcg ecg = SyntheticEcg.of(360, 60).regular(72).noise(60).wander(300);
        AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II"));

        Beats beats = report.find(Beats.class).orElseThrow();
        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0], "every beat found");
        assertEquals(0, match[1], "nothing else found");
        assertEquals(72, report.find(EcgHeartRate.class).orElseThrow().meanBpm(), 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 128, 250, 500, 1000, 2000})
    void findsEveryBeatAtAnySamplingRateFrom100HzTo2kHz(int rate) {
        SyntheticEcg ecg = SyntheticEcg.of(rate, 30).regular(65).noise(40);

        Beats beats = beats(ecg.recording("II"));

        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0]);
        assertEquals(0, match[1]);
        assertEquals(rate, beats.samplingRateHz());
    }

    @Test
    void placesTheBeatOnTheRPeakOfTheRawSignal() {
        SyntheticEcg ecg = SyntheticEcg.of(500, 20).regular(60);

        Beats beats = beats(ecg.recording("II"));

        double[] expected = ecg.beatTimes();
        for (int i = 0; i < beats.count(); i++) {
            assertEquals(expected[i], beats.timeSeconds(i), 0.004, "beat " + i);
        }
    }

    @Test
    void relearnsItsThresholdsWithin3SecondsOfASuddenDropInAmplitude() {
        int rate = 360;
        int[] loud = SyntheticEcg.of(rate, 30).regular(70).amplitude(4).samples();
        int[] quiet = SyntheticEcg.of(rate, 30).regular(70).amplitude(0.5).noise(10).samples();
        int[] both = new int[loud.length + quiet.length];
        System.arraycopy(loud, 0, both, 0, loud.length);
        System.arraycopy(quiet, 0, both, loud.length, quiet.length);

        Beats beats = beats(SyntheticEcg.recording(rate, Signal.wrap(both)));

        long found = java.util.stream.IntStream.range(0, beats.count()).filter(i -> beats.timeSeconds(i) > 33).count();
        long expected = java.util.Arrays.stream(SyntheticEcg.of(rate, 30).regular(70).beatTimes()).filter(t -> t > 3).count();
        assertEquals(expected, found);
    }

    @Test
    void detectsWideVentricularBeatsAndClassifiesThem() {
        SyntheticEcg ecg = SyntheticEcg.of(360, 60).regular(70).ventricularEvery(4, 0.6).noise(30);

        Beats beats = beats(ecg.recording("II"));

        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0]);
        assertEquals(0, match[1]);
        boolean[] ventricular = ecg.ventricular();
        for (int i = 0; i < beats.count(); i++) {
            assertEquals(ventricular[i] ? BeatType.VENTRICULAR_PREMATURE : BeatType.NORMAL, beats.type(i), "beat " + i);
        }
    }

    @Test
    void followsARunOfVentricularTachycardiaAt180BpmAndBack() {
        double[] rr = new double[60];
        java.util.Arrays.fill(rr, 0.85);
        java.util.Arrays.fill(rr, 20, 40, 60.0 / 180);
        // the beats end at 41 s: the last 9 s are noise alone, like asystole, and must stay free of beats
        SyntheticEcg ecg = SyntheticEcg.of(360, 50).intervals(rr).noise(30);
        for (int i = 21; i <= 40; i++) {
            ecg.ventricular(i);
        }

        AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II"));

        Beats beats = report.find(Beats.class).orElseThrow();
        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0], "every beat, sinus and ventricular");
        assertEquals(0, match[1]);
        List<Finding> tachycardia = report.find(RhythmFindings.class).orElseThrow().findings().stream()
                .filter(f -> f.kind() == Finding.Kind.TACHYCARDIA).toList();
        assertEquals(1, tachycardia.size(), tachycardia.toString());
    }

    @Test
    void detectsASustainedWideComplexTachycardiaEvenWhenItsLeadLooksNoisy() {
        SyntheticEcg ecg = SyntheticEcg.of(360, 60).regular(170).noise(30);
        for (int i = 0; i < ecg.beatTimes().length; i++) {
            ecg.ventricular(i);
        }

        AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II"));

        Beats beats = report.find(Beats.class).orElseThrow();
        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0]);
        assertEquals(0, match[1]);
        assertTrue(report.find(SignalQuality.class).orElseThrow().perLead().get(0).usable());
        assertEquals(170, report.find(EcgHeartRate.class).orElseThrow().meanBpm(), 1);
    }

    @Test
    void classifiesAnEarlyBeatOfNormalShapeAsSupraventricularPremature() {
        double[] rr = SyntheticEcg.constant(30, 0.8);
        rr[10] = 0.5;
        rr[11] = 1.1;
        SyntheticEcg ecg = SyntheticEcg.of(360, 30).intervals(rr);

        Beats beats = beats(ecg.recording("II"));

        assertEquals(BeatType.SUPRAVENTRICULAR_PREMATURE, beats.type(11));
        assertEquals(1, java.util.Arrays.stream(beats.types()).filter(BeatType::premature).count());
    }

    @Test
    void ignoresSpikesThatOnlyOneOfTwoLeadsSees() {
        SyntheticEcg ecg = SyntheticEcg.of(360, 60).regular(60).noise(20);
        int[] spiky = ecg.seed(1).samples();
        Random random = new Random(3);
        for (int k = 0; k < 20; k++) {
            int at = (int) ((ecg.beatTimes()[5 + 2 * k] + 0.45) * 360); // between beats
            for (int j = 0; j < 6; j++) {
                spiky[at + j] += (j < 3 ? 1 : -1) * 1500 + random.nextInt(50);
            }
        }
        Recording recording = new Recording(null, 360,
                List.of(new Lead("I", Signal.wrap(spiky)), new Lead("II", ecg.seed(2).signal())));

        Beats beats = beats(recording);

        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(ecg.beatTimes().length, match[0]);
        assertEquals(0, match[1], "the spikes of lead I are not beats");
        assertEquals(List.of("I", "II"), beats.leads(10));
    }

    @Test
    void usesTheGoodLeadWhenTheOtherIsFlat() {
        SyntheticEcg ecg = SyntheticEcg.of(360, 30).regular(80).noise(20);
        Recording recording = new Recording(null, 360,
                List.of(new Lead("I", Signal.wrap(new int[30 * 360])), new Lead("II", ecg.signal())));

        Beats beats = beats(recording);

        assertEquals(ecg.beatTimes().length, SyntheticEcg.matches(ecg.beatTimes(), beats)[0]);
        assertEquals(List.of("II"), beats.leads(0));
    }

    @Test
    void reportsBeatsUnavailableWithoutASamplingRate() {
        Recording recording = new Recording(null, null, List.of(new Lead("II", SyntheticEcg.of(360, 10).regular(60).signal())));

        AnalysisReport report = SyntheticEcg.analyse(recording);

        Beats beats = report.find(Beats.class).orElseThrow();
        assertFalse(beats.available());
        assertTrue(beats.unavailableReason().contains("sampling_rate_hz"), beats.unavailableReason());
        assertEquals(beats.unavailableReason(), report.find(EcgHeartRate.class).orElseThrow().unavailableReason());
        assertEquals(beats.unavailableReason(), report.find(HeartRateVariability.class).orElseThrow().unavailableReason());
        assertEquals(beats.unavailableReason(), report.find(RhythmFindings.class).orElseThrow().unavailableReason());
        assertTrue(report.find(ZeroCrossings.class).isPresent(), "zero crossings need no rate");
    }

    @Test
    void reportsBeatsUnavailableBelow100Hz() {
        Beats beats = beats(new Recording(null, 50, List.of(new Lead("II", SyntheticEcg.of(50, 10).regular(60).signal()))));

        assertFalse(beats.available());
        assertTrue(beats.unavailableReason().contains("100"), beats.unavailableReason());
    }

    @Test
    void reportsBeatsUnavailableWhenNoLeadIsFit() {
        Beats beats = beats(new Recording(null, 360, List.of(new Lead("II", Signal.wrap(new int[3600])))));

        assertFalse(beats.available());
        assertEquals("no lead is fit for beat detection: II flat", beats.unavailableReason());
    }

    @Test
    void callsPureNoiseNoisyAndFindsNoRegularRhythmInIt() {
        int[] noise = SyntheticEcg.noiseOnly(360 * 20, 200, 7);
        AnalysisReport report = SyntheticEcg.analyse(SyntheticEcg.recording(360, Signal.wrap(noise)));

        LeadQuality quality = report.find(SignalQuality.class).orElseThrow().perLead().get(0);
        assertEquals(LeadQuality.Verdict.NOISY, quality.verdict());
        assertTrue(quality.usable(), "the only lead that is not flat or clipped is used, and reported noisy");
        Beats beats = report.find(Beats.class).orElseThrow();
        assertTrue(beats.available());
    }

    @Test
    void prefersTheCleanLeadOverANoisyOne() {
        int[] noise = SyntheticEcg.noiseOnly(360 * 20, 200, 8);
        SyntheticEcg ecg = SyntheticEcg.of(360, 20).regular(70).noise(20);
        AnalysisReport report = SyntheticEcg.analyse(SyntheticEcg.recording(360, Signal.wrap(noise), ecg.signal()));

        List<LeadQuality> quality = report.find(SignalQuality.class).orElseThrow().perLead();
        assertFalse(quality.get(0).usable());
        assertTrue(quality.get(1).usable());
        assertEquals(List.of("L2"), report.find(Beats.class).orElseThrow().leads(0));
    }

    @Test
    void isDeterministic() {
        Recording recording = SyntheticEcg.of(250, 30).regular(90).ventricularEvery(5, 0.65).noise(50).recording("I", "II");

        assertEquals(beats(recording), beats(recording));
    }
}
