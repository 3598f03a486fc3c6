package usecase.ecg;

import domain.analysis.Analyzer;
import domain.analysis.ZeroCrossingAnalyzer;
import java.util.List;

/** The analyzers every ECG goes through. A new analyzer is added here and nowhere else in the use cases. */
final class StandardAnalyzers {

    private StandardAnalyzers() {
    }

    static List<Analyzer> all() {
        return List.of(new ZeroCrossingAnalyzer());
    }
}
