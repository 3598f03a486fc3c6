package usecase.ecg;

/**
 * How the analysis treats recordings that do not get analysed.
 *
 * @param maxAttempts attempts at analysing one revision of an ECG before it is marked failed
 */
public record AnalysisPolicy(int maxAttempts) {

    public AnalysisPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }
}
