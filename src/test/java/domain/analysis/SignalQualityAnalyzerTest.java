package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalQualityAnalyzerTest {

    private static List<LeadQuality> quality(Recording recording) {
        return new SignalQualityAnalyzer().analyse(recording, new AnalysisReport(List.of())).perLead();
    }

    @Test
    void judgesACleanEcgGood() {
        LeadQuality lead = quality(SyntheticEcg.of(360, 30).regular(70).noise(20).recording("II")).get(0);

        assertEquals(new LeadQuality("II", LeadQuality.Verdict.GOOD, 0, 0, 0, true), lead);
    }

    @Test
    void reportsAFlatLineAsFlatAndUnusable() {
        LeadQuality lead = quality(new Recording(null, 360, List.of(new Lead("V1", Signal.wrap(new int[7200]))))).get(0);

        assertEquals(LeadQuality.Verdict.FLAT, lead.verdict());
        assertEquals(1.0, lead.flatFraction());
        assertFalse(lead.usable());
    }

    @Test
    void reportsALeadThatDiesHalfwayAsFlatForHalfItsWindows() {
        int[] samples = SyntheticEcg.of(360, 40).regular(70).noise(20).samples();
        java.util.Arrays.fill(samples, samples.length / 2, samples.length, 3);
        LeadQuality lead = quality(new Recording(null, 360, List.of(new Lead("V1", Signal.wrap(samples))))).get(0);

        assertEquals(LeadQuality.Verdict.FLAT, lead.verdict());
        assertEquals(0.5, lead.flatFraction(), 0.03);
    }

    @Test
    void reportsALeadClippedAtItsExtremes() {
        int[] samples = SyntheticEcg.of(360, 30).regular(70).amplitude(3).noise(20).samples();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.max(-600, Math.min(1000, samples[i]));
        }
        LeadQuality lead = quality(new Recording(null, 360, List.of(new Lead("I", Signal.wrap(samples))))).get(0);

        assertEquals(LeadQuality.Verdict.CLIPPED, lead.verdict());
        assertTrue(lead.clippedFraction() > 0.9, "clipped " + lead.clippedFraction());
    }

    @Test
    void reportsNoiseThatDrownsTheComplexesAsNoisyAndLeavesThatLeadOutBesideACleanOne() {
        List<LeadQuality> leads = quality(new Recording(null, 360, List.of(
                new Lead("I", SyntheticEcg.of(360, 30).regular(70).noise(1500).signal()),
                new Lead("II", SyntheticEcg.of(360, 30).regular(70).noise(20).signal()))));

        assertEquals(LeadQuality.Verdict.NOISY, leads.get(0).verdict());
        assertFalse(leads.get(0).usable());
        assertTrue(leads.get(1).usable());
    }

    @Test
    void usesTheLeastNoisyLeadWhenEveryLeadIsNoisy() {
        int[] partlyClean = SyntheticEcg.of(360, 30).regular(70).noise(1500).samples();
        int[] clean = SyntheticEcg.of(360, 30).regular(70).noise(20).samples();
        System.arraycopy(clean, 18 * 360, partlyClean, 18 * 360, 12 * 360); // the last 12 of 30 s are clean
        List<LeadQuality> leads = quality(new Recording(null, 360, List.of(
                new Lead("I", SyntheticEcg.of(360, 30).regular(70).noise(1500).signal()),
                new Lead("II", Signal.wrap(partlyClean)),
                new Lead("III", Signal.wrap(new int[30 * 360])))));

        assertEquals(List.of(false, true, false), leads.stream().map(LeadQuality::usable).toList());
        assertEquals(LeadQuality.Verdict.NOISY, leads.get(1).verdict(), "still reported noisy");
    }

    @Test
    void keepsAFastButCleanRhythmGood() {
        LeadQuality lead = quality(SyntheticEcg.of(360, 30).regular(160).noise(20).recording("I")).get(0);

        assertEquals(LeadQuality.Verdict.GOOD, lead.verdict());
    }

    @Test
    void judgesFlatAndClippedWithoutASamplingRate() {
        List<LeadQuality> leads = quality(new Recording(null, null, List.of(
                new Lead("I", Signal.wrap(new int[2000])), new Lead("II", SyntheticEcg.of(360, 6).regular(70).signal()))));

        assertEquals(LeadQuality.Verdict.FLAT, leads.get(0).verdict());
        assertEquals(LeadQuality.Verdict.GOOD, leads.get(1).verdict());
    }
}
