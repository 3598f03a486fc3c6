package domain.analysis;

import java.util.List;

/** The quality of every lead, in the recording's lead order. */
public record SignalQuality(List<LeadQuality> perLead) implements AnalysisResult {

    public SignalQuality {
        perLead = List.copyOf(perLead);
    }
}
