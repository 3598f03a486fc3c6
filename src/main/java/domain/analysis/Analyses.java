package domain.analysis;

/** Lookups of earlier results that later analyzers build on. */
final class Analyses {

    private Analyses() {
    }

    static Beats beats(AnalysisReport earlier) {
        return earlier.find(Beats.class).orElseGet(() -> Beats.unavailable("beats were not detected"));
    }
}
