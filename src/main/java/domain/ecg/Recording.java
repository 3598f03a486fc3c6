package domain.ecg;

import domain.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client submits: an optional acquisition time, an optional sampling rate and the leads.
 *
 * @param date           when the ECG was recorded, or null when unknown; kept to the microsecond, the
 *                       precision both databases store
 * @param samplingRateHz samples per second per lead (1–10000), or null when unknown
 * @param leads          at least one, with unique names
 */
public record Recording(Instant date, Integer samplingRateHz, List<Lead> leads) {

    public static final int MIN_SAMPLING_RATE_HZ = 1;
    public static final int MAX_SAMPLING_RATE_HZ = 10_000;
    /** The electrocardiograph dates from 1901: nothing earlier is a recording date. */
    public static final Instant EARLIEST_DATE = Instant.parse("1900-01-01T00:00:00Z");
    /** The last instant every database and the archive format hold (four-digit years). */
    public static final Instant LATEST_DATE = Instant.parse("9999-12-31T23:59:59.999999Z");

    public Recording {
        Violations violations = new Violations();
        checkRate(samplingRateHz, violations);
        checkLeadList(leads, violations);
        violations.throwIfAny();
        leads = List.copyOf(leads);
        date = date == null ? null : date.truncatedTo(ChronoUnit.MICROS);
    }

    /** A copy of this recording with another date. */
    public Recording withDate(Instant newDate) {
        return new Recording(newDate, samplingRateHz, leads);
    }

    /**
     * Validates a client's submission as a whole and reports every broken rule with its path
     * ({@code leads[1].signal}), then builds the recording.
     */
    public static Recording fromDraft(Instant date, Integer samplingRateHz, List<Lead.Draft> drafts) {
        return fromDraft(date, samplingRateHz, drafts, new Violations());
    }

    /**
     * As {@link #fromDraft(Instant, Integer, List)}, adding to what a reader already found wrong (a value of
     * the wrong type, say); a field already reported is not checked again.
     */
    public static Recording fromDraft(Instant date, Integer samplingRateHz, List<Lead.Draft> drafts,
                                      Violations violations) {
        checkRate(samplingRateHz, violations);
        checkDate(date, "date", violations);
        if (drafts == null || drafts.isEmpty()) {
            violations.checkUnreported(false, "leads", "must contain at least one lead");
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
                violations.checkUnreported(false, path + "name", "duplicates the name of another lead");
            }
            if (draft.declaredSamples() != null && signal != null && draft.declaredSamples() != signal.length()
                    && !violations.has(path + "signal")) {
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

    /** Adds a violation when {@code date} is outside what Sinus stores ({@link #EARLIEST_DATE}–{@link #LATEST_DATE}). */
    public static void checkDate(Instant date, String field, Violations violations) {
        violations.checkUnreported(date == null || (!date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE)), field,
                "must be between " + EARLIEST_DATE + " and 9999-12-31T23:59:59Z");
    }

    private static void checkRate(Integer samplingRateHz, Violations violations) {
        violations.checkUnreported(samplingRateHz == null
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
