package domain.analysis;

import static domain.analysis.HeartRateAnalyzerTest.beatsAt;
import static domain.analysis.HeartRateAnalyzerTest.cumulative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RhythmAnalyzerTest {

    private static List<Finding> findings(Beats beats) {
        return new RhythmAnalyzer().analyse(null, new AnalysisReport(List.of(beats))).findings();
    }

    private static List<Finding> of(List<Finding> findings, Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void findsNothingInARegularRhythmAt75Bpm() {
        assertEquals(List.of(), findings(beatsAt(cumulative(0.5, SyntheticEcg.constant(200, 0.8)))));
    }

    @Test
    void findsBradycardiaOverItsSpan() {
        double[] rr = SyntheticEcg.constant(60, 0.8);
        java.util.Arrays.fill(rr, 20, 40, 1.25); // 48 bpm from beat 20 to beat 40

        List<Finding> brady = of(findings(beatsAt(cumulative(0, rr))), Finding.Kind.BRADYCARDIA);

        assertEquals(1, brady.size());
        assertEquals(16.0, brady.get(0).startS(), 1.0);
        assertEquals(41.0, brady.get(0).endS(), 1.0);
        assertEquals("mean 48 bpm, slowest 48 bpm", brady.get(0).detail());
    }

    @Test
    void findsTachycardiaForAWholeShortRecord() {
        List<Finding> tachy = of(findings(beatsAt(cumulative(0.2, SyntheticEcg.constant(15, 0.5)))), Finding.Kind.TACHYCARDIA);

        assertEquals(1, tachy.size());
        assertEquals(0.2, tachy.get(0).startS(), 1e-9);
        assertEquals(7.7, tachy.get(0).endS(), 1e-9);
        assertEquals(16, tachy.get(0).beats());
    }

    @Test
    void findsAPauseBetweenTheTwoBeatsAroundIt() {
        double[] rr = SyntheticEcg.constant(30, 0.8);
        rr[12] = 2.6;

        List<Finding> pauses = of(findings(beatsAt(cumulative(1.0, rr))), Finding.Kind.PAUSE);

        assertEquals(List.of(new Finding(Finding.Kind.PAUSE, 10.6, 13.2, 2, "RR 2.60 s")), pauses);
    }

    @Test
    void flagsRandomlyIrregularIntervalsOver30sAsAtrialFibrillation() {
        Random random = new Random(5);
        double[] rr = new double[200];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.4 + 0.6 * random.nextDouble();
        }

        List<Finding> findings = findings(beatsAt(cumulative(0.5, rr)));
        List<Finding> af = of(findings, Finding.Kind.ATRIAL_FIBRILLATION);

        assertEquals(1, af.size());
        assertEquals(0.5, af.get(0).startS(), 1e-9);
        assertTrue(af.get(0).beats() > 190, af.toString());
        assertEquals(List.of(), of(findings, Finding.Kind.IRREGULAR_RHYTHM));
    }

    @Test
    void callsIrregularIntervalsShorterThan30sAnIrregularRhythm() {
        Random random = new Random(5);
        double[] rr = new double[70];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = 0.3 + 0.2 * random.nextDouble(); // 70 intervals of 0.4 s on average: 28 s
        }

        List<Finding> findings = findings(beatsAt(cumulative(0.5, rr)));

        assertEquals(1, of(findings, Finding.Kind.IRREGULAR_RHYTHM).size(), findings.toString());
        assertEquals(List.of(), of(findings, Finding.Kind.ATRIAL_FIBRILLATION));
    }

    @Test
    void doesNotCallRegularlyAlternatingIntervalsIrregular() {
        double[] rr = new double[200];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = i % 2 == 0 ? 0.5 : 1.1;
        }

        List<Finding> findings = findings(beatsAt(cumulative(0.5, rr)));
        assertEquals(List.of(), of(findings, Finding.Kind.IRREGULAR_RHYTHM));
        assertEquals(List.of(), of(findings, Finding.Kind.ATRIAL_FIBRILLATION));
    }

    @Test
    void groupsPrematureBeatsCloseToEachOther() {
        Beats regular = beatsAt(cumulative(0.5, SyntheticEcg.constant(40, 1.0)));
        BeatType[] types = regular.types();
        types[5] = BeatType.VENTRICULAR_PREMATURE;
        types[7] = BeatType.VENTRICULAR_PREMATURE;
        types[30] = BeatType.SUPRAVENTRICULAR_PREMATURE;
        Beats beats = new Beats(1000, regular.samples(), regular.leadMasks(), types, List.of("II"));

        List<Finding> premature = of(findings(beats), Finding.Kind.PREMATURE_BEATS);

        assertEquals(List.of(
                new Finding(Finding.Kind.PREMATURE_BEATS, 4.5, 7.5, 2, "ventricular"),
                new Finding(Finding.Kind.PREMATURE_BEATS, 29.5, 30.5, 1, "supraventricular")), premature);
    }
}
