package domain.analysis;

import domain.ecg.Lead;
import java.util.ArrayList;
import java.util.List;

/** Zero-crossing counts, one per lead, in the recording's lead order. */
public record ZeroCrossings(List<LeadCount> perLead) implements AnalysisResult {

    public ZeroCrossings {
        perLead = List.copyOf(perLead);
    }

    /** Names stored counts after the leads they belong to, pairing them up in lead order. */
    public static ZeroCrossings of(List<Lead> leads, List<Integer> counts) {
        List<LeadCount> perLead = new ArrayList<>();
        for (int i = 0; i < Math.min(leads.size(), counts.size()); i++) {
            perLead.add(new LeadCount(leads.get(i).name(), counts.get(i)));
        }
        return new ZeroCrossings(perLead);
    }

    public int total() {
        return perLead.stream().mapToInt(LeadCount::count).sum();
    }

    public record LeadCount(String lead, int count) {
    }
}
