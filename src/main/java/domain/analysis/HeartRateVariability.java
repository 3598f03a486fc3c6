package domain.analysis;

/**
 * Heart-rate variability after the Task Force of the ESC and NASPE (1996), from normal-to-normal
 * (NN) intervals. Frequency-domain values need at least 2 minutes of recording; until then they are
 * null with {@code frequencyUnavailableReason} saying why.
 *
 * @param nnIntervals     RR intervals kept as NN: between two normal beats and within 20 % of the previous NN
 * @param meanNnMs        mean NN interval
 * @param sdnnMs          standard deviation of the NN intervals
 * @param rmssdMs         root mean square of successive NN differences
 * @param pnn50Percent    share of successive NN differences above 50 ms
 * @param lfMs2           power 0.04–0.15 Hz of the NN series (cubic spline at 4 Hz, Welch periodogram)
 * @param hfMs2           power 0.15–0.40 Hz
 * @param lfHfRatio       LF / HF
 */
public record HeartRateVariability(int nnIntervals, Double meanNnMs, Double sdnnMs, Double rmssdMs,
                                   Double pnn50Percent, Double lfMs2, Double hfMs2, Double lfHfRatio,
                                   String unavailableReason, String frequencyUnavailableReason)
        implements AnalysisResult {

    public static HeartRateVariability unavailable(String reason) {
        return new HeartRateVariability(0, null, null, null, null, null, null, null, reason, reason);
    }
}
