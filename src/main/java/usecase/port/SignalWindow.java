package usecase.port;

/**
 * A stretch of one lead's samples, as stored.
 *
 * @param lead           the lead's name
 * @param samplingRateHz samples per second, or null when the recording does not say (then there is no time
 *                       axis, and the window is empty)
 * @param leadSamples    how many samples the whole lead has
 * @param firstSample    the index in the lead of {@code samples[0]}
 * @param samples        the window's samples, in the recording's units
 */
public record SignalWindow(String lead, Integer samplingRateHz, int leadSamples, int firstSample, int[] samples) {

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of a lead. */
    public record Span(int from, int to) {
    }

    /**
     * The samples of a lead of {@code leadSamples} that lie between {@code fromS} and {@code toS} seconds from its
     * start, clipped to the lead; none when the rate is unknown.
     *
     * @throws IllegalArgumentException unless {@code 0 <= fromS <= toS}, both finite
     */
    public static Span span(Integer samplingRateHz, int leadSamples, double fromS, double toS) {
        checkBounds(fromS, toS);
        if (samplingRateHz == null) {
            return new Span(0, 0);
        }
        int from = (int) Math.min(leadSamples, Math.floor(fromS * samplingRateHz));
        return new Span(from, (int) Math.max(from, Math.min(leadSamples, Math.ceil(toS * samplingRateHz))));
    }

    /** @throws IllegalArgumentException unless {@code 0 <= fromS <= toS}, both finite */
    public static void checkBounds(double fromS, double toS) {
        if (!(fromS >= 0 && fromS <= toS && Double.isFinite(toS))) {
            throw new IllegalArgumentException("a window needs 0 <= from <= to, both finite");
        }
    }
}
