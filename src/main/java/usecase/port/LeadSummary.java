package usecase.port;

/**
 * What is known about one lead without its samples.
 *
 * @param zeroCrossings null until the analysis is done
 */
public record LeadSummary(String name, int numberOfSamples, Integer zeroCrossings) {
}
