package bench;

import java.util.List;

/**
 * ANSI/AAMI EC57 episode and duration statistics of one rhythm (VF, AF) for one record or summed over
 * records. Every ratio is NaN when its denominator is zero.
 *
 * @param referenceEpisodes reference episodes
 * @param referenceFound    reference episodes that a detected episode overlaps
 * @param detectedEpisodes  detected episodes
 * @param detectedTrue      detected episodes that overlap a reference episode
 * @param referenceS        duration of the reference episodes, in seconds
 * @param detectedS         duration of the detected episodes, in seconds
 * @param overlapS          duration covered by both, in seconds
 */
record EpisodeScore(int referenceEpisodes, int referenceFound, int detectedEpisodes, int detectedTrue,
                    double referenceS, double detectedS, double overlapS) {

    static final EpisodeScore NONE = new EpisodeScore(0, 0, 0, 0, 0, 0, 0);

    /** Compares merged reference and detected episodes of a record sampled at {@code rate} Hz. */
    static EpisodeScore of(List<Span> reference, List<Span> detected, int rate) {
        return new EpisodeScore(reference.size(), overlapping(reference, detected), detected.size(),
                overlapping(detected, reference), (double) Span.total(reference) / rate,
                (double) Span.total(detected) / rate, (double) Span.overlap(reference, detected) / rate);
    }

    private static int overlapping(List<Span> episodes, List<Span> others) {
        return (int) episodes.stream().filter(e -> others.stream().anyMatch(e::overlaps)).count();
    }

    EpisodeScore plus(EpisodeScore other) {
        return new EpisodeScore(referenceEpisodes + other.referenceEpisodes, referenceFound + other.referenceFound,
                detectedEpisodes + other.detectedEpisodes, detectedTrue + other.detectedTrue,
                referenceS + other.referenceS, detectedS + other.detectedS, overlapS + other.overlapS);
    }

    boolean empty() {
        return referenceEpisodes == 0 && detectedEpisodes == 0;
    }

    double episodeSensitivity() {
        return ratio(referenceFound, referenceEpisodes);
    }

    double episodePositivePredictivity() {
        return ratio(detectedTrue, detectedEpisodes);
    }

    double durationSensitivity() {
        return ratio(overlapS, referenceS);
    }

    double durationPositivePredictivity() {
        return ratio(overlapS, detectedS);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
