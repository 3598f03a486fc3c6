package domain.ecg;

import domain.Violations;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client submits: an optional acquisition time, an optional sampling rate and the leads.
 *
 * @param date           when the ECG was recorded, or null when unknown
 * @param samplingRateHz samples per second per lead (1–10000), or null when unknown
 * @param leads          at least one, with unique names
 */
public record Recording(Instant date, Integer samplingRateHz, List<Lead> leads) {

    public static final int MIN_SAMPLING_RATE_HZ = 1;
    public static final int MAX_SAMPLING_RATE_HZ = 10_000;

    public Recording {
        Violations violations = new Violations();
        checkRate(samplingRateHz, violations);
        checkLeadList(leads, violations);
        violations.throwIfAny();
        leads = List.copyOf(leads);
    }

    /**
     * Validates a client's submission as a whole and reports every broken rule with its path
     * ({@code leads[1].signal}), then builds the recording.
     */
    public static Recording fromDraft(Instant date, Integer samplingRateHz, List<Lead.Draft> drafts) {
        Violations violations = new Violations();
        checkRate(samplingRateHz, violations);
        if (drafts == null || drafts.isEmpty()) {
            violations.add("leads", "must contain at least one lead");
            violations.throwIfAny();
        }
        Set<String> names = new HashSet<>();
        Lead[] leads = new Lead[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            String path = "leads[" + i + "].";
            Lead.Draft draft = drafts.get(i);
            if (draft == null) {
                violations.add("leads[" + i + "]", "must be an object");
                continue;
            }
            Signal signal = draft.samples() == null ? null : Signal.wrap(draft.samples());
            Lead.check(draft.name(), signal, path, violations);
            if (draft.name() != null && !names.add(draft.name())) {
                violations.add(path + "name", "duplicates the name of another lead");
            }
            if (draft.declaredSamples() != null && signal != null && draft.declaredSamples() != signal.length()) {
                violations.add(path + "number_of_samples",
                        "is " + draft.declaredSamples() + " but the signal has " + signal.length() + " samples");
            }
            if (violations.isEmpty()) {
                leads[i] = new Lead(draft.name(), signal);
            }
        }
        violations.throwIfAny();
        return new Recording(date, samplingRateHz, List.of(leads));
    }

    private static void checkRate(Integer samplingRateHz, Violations violations) {
        violations.check(samplingRateHz == null
                        || (samplingRateHz >= MIN_SAMPLING_RATE_HZ && samplingRateHz <= MAX_SAMPLING_RATE_HZ),
                "sampling_rate_hz", "must be between " + MIN_SAMPLING_RATE_HZ + " and " + MAX_SAMPLING_RATE_HZ);
    }

    private static void checkLeadList(List<Lead> leads, Violations violations) {
        if (leads == null || leads.isEmpty()) {
            violations.add("leads", "must contain at least one lead");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < leads.size(); i++) {
            if (!names.add(leads.get(i).name())) {
                violations.add("leads[" + i + "].name", "duplicates the name of another lead");
            }
        }
    }
}
