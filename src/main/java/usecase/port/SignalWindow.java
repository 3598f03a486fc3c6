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
}
