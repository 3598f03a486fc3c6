package domain.analysis;

import java.util.List;

/** Zero-crossing counts, one per lead, in the recording's lead order. */
public record ZeroCrossings(List<LeadCount> perLead) implements AnalysisResult {

    public ZeroCrossings {
        perLead = List.copyOf(perLead);
    }

    public int total() {
        return perLead.stream().mapToInt(LeadCount::count).sum();
    }

    public record LeadCount(String lead, int count) {
    }
}
