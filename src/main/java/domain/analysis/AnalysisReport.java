package domain.analysis;

import java.util.List;
import java.util.Optional;

/** Everything the analyzers found about one recording, one result per analyzer. */
public record AnalysisReport(List<AnalysisResult> results) {

    public AnalysisReport {
        results = List.copyOf(results);
    }

    public <T extends AnalysisResult> Optional<T> find(Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
