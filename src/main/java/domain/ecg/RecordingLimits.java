package domain.ecg;

import domain.Violations;
import java.util.List;
import java.util.Locale;

/**
 * How large one recording may be, so that no single request can take the memory, the database or the
 * analysis of everyone else. Readers check these while they decode, before they allocate.
 *
 * @param maxLeads          leads per recording
 * @param maxSamplesPerLead samples in one lead
 * @param maxSamples        samples over all leads together
 */
public record RecordingLimits(int maxLeads, int maxSamplesPerLead, long maxSamples) {

    /** The largest array the JVM reliably allocates. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    public RecordingLimits {
        if (maxLeads < 1 || maxSamplesPerLead < 1 || maxSamplesPerLead > MAX_ARRAY_LENGTH || maxSamples < 1) {
            throw new IllegalArgumentException("recording limits must be positive and a lead must fit in one array");
        }
    }

    public String tooManyLeads() {
        return "must hold at most " + maxLeads + " leads";
    }

    public String tooManySamplesPerLead() {
        return String.format(Locale.ROOT, "must hold at most %,d samples", maxSamplesPerLead);
    }

    public String tooManySamples() {
        return String.format(Locale.ROOT, "must hold at most %,d samples over all leads", maxSamples);
    }

    /** Adds a violation for every limit the recording exceeds. */
    public void check(List<Lead> leads, Violations violations) {
        if (leads == null) {
            return;
        }
        violations.check(leads.size() <= maxLeads, "leads", tooManyLeads());
        long total = 0;
        for (int i = 0; i < leads.size() && i < maxLeads; i++) {
            int samples = leads.get(i).numberOfSamples();
            violations.check(samples <= maxSamplesPerLead, "leads[" + i + "].signal", tooManySamplesPerLead());
            total += samples;
        }
        violations.check(total <= maxSamples, "leads", tooManySamples());
    }

    /** Checks a whole recording against these limits and the dates Sinus stores. */
    public void check(Recording recording) {
        Violations violations = new Violations();
        Recording.checkDate(recording.date(), "date", violations);
        check(recording.leads(), violations);
        violations.throwIfAny();
    }
}
