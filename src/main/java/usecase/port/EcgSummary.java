package usecase.port;

import domain.analysis.AnalysisReport;
import domain.ecg.EcgStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An ECG as its owner sees it: metadata, status and analysis results, without the samples.
 *
 * @param analysedAt null while the analysis is pending
 * @param analysis      once done: signal quality, beat count, heart rate, HRV and rhythm findings
 *                      (zero crossings are in {@code leads}; the beats themselves are fetched apart); else null
 * @param failureReason why the analysis failed, once it has; else null
 */
public record EcgSummary(UUID id, Instant date, Integer samplingRateHz, EcgStatus status,
                         Instant submittedAt, Instant analysedAt, List<LeadSummary> leads, AnalysisReport analysis,
                         String failureReason) {

    public EcgSummary {
        Objects.requireNonNull(id, "id");
        leads = List.copyOf(leads);
    }

    /** Zero crossings over all leads, or null while any lead has no count yet. */
    public Integer zeroCrossingsTotal() {
        int total = 0;
        for (LeadSummary lead : leads) {
            if (lead.zeroCrossings() == null) {
                return null;
            }
            total += lead.zeroCrossings();
        }
        return total;
    }
}
