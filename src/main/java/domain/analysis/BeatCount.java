package domain.analysis;

/** How many beats were detected, without the beats themselves: what a summary of an ECG shows. */
public record BeatCount(int count, String unavailableReason) implements AnalysisResult {

    public static BeatCount of(Beats beats) {
        return new BeatCount(beats.count(), beats.unavailableReason());
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
