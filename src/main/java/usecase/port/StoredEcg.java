package usecase.port;

import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import java.time.Instant;

/**
 * An ECG exactly as stored: recording, status, revision and, once analysed, its results. What an
 * export carries and an import restores.
 *
 * @param analysedAt null while pending
 * @param report     null unless the analysis is done
 */
public record StoredEcg(Ecg ecg, Instant analysedAt, AnalysisReport report) {
}
