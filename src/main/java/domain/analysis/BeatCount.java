package domain.analysis;

/** How many beats were detected, without the beats themselves: what a summary of an ECG shows. */
public record BeatCount(int count, String unavailableReason) implements AnalysisResult {
}
