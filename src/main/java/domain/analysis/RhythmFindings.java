package domain.analysis;

import java.util.List;

/** Every rhythm finding in time order, or the reason there are none to give. */
public record RhythmFindings(List<Finding> findings, String unavailableReason) implements AnalysisResult {

    public RhythmFindings {
        findings = List.copyOf(findings);
    }

    public static RhythmFindings unavailable(String reason) {
        return new RhythmFindings(List.of(), reason);
    }
}
