package usecase.ecg;

import java.time.Duration;
import usecase.port.PendingAnalyses.ClaimTerms;

/**
 * How this instance claims analyses, and how the analysis treats recordings that do not get analysed.
 *
 * @param maxAttempts  attempts at analysing one revision of an ECG before it is marked failed
 * @param claimTimeout how long a claim on an ECG keeps other instances from analysing it too
 * @param instance     this instance's name, unique among the instances that share the database
 */
public record AnalysisPolicy(int maxAttempts, Duration claimTimeout, String instance) {

    public AnalysisPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("a claim must last a while");
        }
        if (instance.isBlank()) {
            throw new IllegalArgumentException("an instance needs a name");
        }
    }

    ClaimTerms claimTerms() {
        return new ClaimTerms(instance, claimTimeout, maxAttempts,
                "the analysis did not complete in " + maxAttempts + " attempts");
    }
}
