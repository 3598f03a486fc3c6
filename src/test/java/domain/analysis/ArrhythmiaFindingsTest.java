package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ventricular flutter/fibrillation, paced rhythms and atrial fibrillation on synthetic ECGs. */
class ArrhythmiaFindingsTest {

    private static List<Finding> findings(AnalysisReport report, Finding.Kind kind) {
        return report.find(RhythmFindings.class).orElseThrow().findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 5, 6})
    void aVentricularFibrillationEpisodeIsOneCriticalFindingWithNoBeatsInsideAndLeavesTheHeartRateAlone(double hz) {
        SyntheticEcg ecg = SyntheticEcg.of(360, 60).regular(75).noise(20).fibrillation(20, 32, hz);

        AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II", "V1"));

        List<Finding> vf = findings(report, Finding.Kind.VENTRICULAR_FLUTTER_FIBRILLATION);
        assertEquals(1, vf.size(), vf.toString());
        assertTrue(vf.get(0).kind().critical());
        assertEquals(20, vf.get(0).startS(), 2.5, "start");
        assertEquals(32, vf.get(0).endS(), 2.5, "end");
        Beats beats = report.find(Beats.class).orElseThrow();
        for (int i = 0; i < beats.count(); i++) {
            double t = beats.timeSeconds(i);
            assertTrue(t < vf.get(0).startS() || t >= vf.get(0).endS(), "a beat inside the episode at " + t);
        }
        int[] match = SyntheticEcg.matches(ecg.beatTimes(), beats);
        assertEquals(0, match[1], "no wave counted as a beat");
        assertTrue(match[0] >= ecg.beatTimes().length - 2, "the beats around the episode are found: " + match[0]);
        assertEquals(75, report.find(EcgHeartRate.class).orElseThrow().meanBpm(), 1.5, "the mean rate ignores the flutter waves");
        assertEquals(75, report.find(EcgHeartRate.class).orElseThrow().maxBpm(), 3, "so does the fastest rate");
    }

    @Test
    void fastRegularRhythmsAndRunsOfWideBeatsAreNoFibrillation() {
        SyntheticEcg sinusTachycardia = SyntheticEcg.of(360, 60).regular(160).noise(30);
        SyntheticEcg bigeminy = SyntheticEcg.of(360, 60).regular(90).ventricularEvery(2, 0.6).noise(30);

        for (SyntheticEcg ecg : List.of(sinusTachycardia, bigeminy)) {
            AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II", "V1"));
            assertEquals(List.of(), findings(report, Finding.Kind.VENTRICULAR_FLUTTER_FIBRILLATION));
        }
    }

    @ParameterizedTest
    @CsvSource({"360, 0.001, 3000", "500, 0.002, 2000", "1000, 0.0005, 5000", "1000, 0.002, 1500"})
    void pacingSpikesAreNoBeatsAndThePacedBeatsAreClassedPaced(int rate, double spikeS, double spikeUv) {
        SyntheticEcg ecg = SyntheticEcg.of(rate, 30).regular(70).noise(20).paced(spikeUv, spikeS);
        int[] samples = ecg.samples();
        // two spikes that capture nothing (failure to capture), of 0.5 ms at 4 mV, between beats
        double[] lone = {5.2, 17.9};
        for (double t : lone) {
            samples[(int) Math.round(t * rate)] += 4000;
        }

        AnalysisReport report = SyntheticEcg.analyse(SyntheticEcg.recording(rate, Signal.wrap(samples)));

        Beats beats = report.find(Beats.class).orElseThrow();
        double[] expected = ecg.beatTimes();
        assertEquals(expected.length, beats.count(), "one beat per paced complex, none per spike");
        for (int i = 0; i < beats.count(); i++) {
            assertEquals(expected[i], beats.timeSeconds(i), 0.02, "beat " + i + " sits on its QRS, not on the spike 40 ms before");
            if (i > 0 && i < beats.count() - 1) {
                assertEquals(BeatType.PACED, beats.type(i), "beat " + i);
            }
        }
        List<Finding> paced = findings(report, Finding.Kind.PACED_RHYTHM);
        assertEquals(1, paced.size(), paced.toString());
        assertEquals(List.of(), findings(report, Finding.Kind.PREMATURE_BEATS), "paced beats are not ventricular ectopy");
        assertEquals(70, report.find(EcgHeartRate.class).orElseThrow().meanBpm(), 1);
    }

    @Test
    void aNormalEcgHasNoPacingSpikes() {
        SyntheticEcg ecg = SyntheticEcg.of(1000, 30).regular(70).noise(40);

        Beats beats = SyntheticEcg.analyse(ecg.recording("II")).find(Beats.class).orElseThrow();

        assertTrue(Arrays.stream(beats.types()).noneMatch(t -> t == BeatType.PACED));
    }

    @Test
    void sixtySecondsOfAtrialFibrillationAreOneEpisode() {
        AnalysisReport report = SyntheticEcg.analyse(atrialFibrillation(30, 60).recording("II", "V1"));

        List<Finding> af = findings(report, Finding.Kind.ATRIAL_FIBRILLATION);
        assertEquals(1, af.size(), af.toString());
        assertEquals(30, af.get(0).startS(), 12, "start");
        assertEquals(90, af.get(0).endS(), 12, "end");
        assertEquals(List.of(), findings(report, Finding.Kind.IRREGULAR_RHYTHM));
    }

    @Test
    void twentySecondsOfAtrialFibrillationAreNoEpisode() {
        AnalysisReport report = SyntheticEcg.analyse(atrialFibrillation(30, 20).recording("II", "V1"));

        assertEquals(List.of(), findings(report, Finding.Kind.ATRIAL_FIBRILLATION));
    }

    @Test
    void irregularBeatsWithPWavesAreNoAtrialFibrillation() {
        Random random = new Random(5);
        double[] rr = new double[150];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.45 + 0.6 * random.nextDouble();
        }
        SyntheticEcg ecg = SyntheticEcg.of(360, 120).intervals(rr).noise(15);

        AnalysisReport report = SyntheticEcg.analyse(ecg.recording("II", "V1"));

        assertEquals(List.of(), findings(report, Finding.Kind.ATRIAL_FIBRILLATION));
    }

    /** 2 min: sinus rhythm at 75 bpm, atrial fibrillation (random RR 0.45–1.05 s, no P waves) from {@code from} s for {@code seconds}. */
    private static SyntheticEcg atrialFibrillation(double from, double seconds) {
        Random random = new Random(11);
        List<Double> rr = new ArrayList<>();
        double t = 0.5;
        while (t < 120) {
            double interval = t >= from && t < from + seconds ? 0.45 + 0.6 * random.nextDouble() : 0.8;
            rr.add(interval);
            t += interval;
        }
        return SyntheticEcg.of(360, 120).intervals(rr.stream().mapToDouble(Double::doubleValue).toArray())
                .withoutPWaves(from, from + seconds).noise(15);
    }
}
