package domain.analysis;

/** Marker for the typed outcome of one {@link Analyzer}. */
public interface AnalysisResult {
}
