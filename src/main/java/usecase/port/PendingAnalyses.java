package usecase.port;

import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The analysis worker's side of the ECG store: where work is claimed and its outcome recorded, each
 * step in its own short transaction so that no analysis ever runs inside one.
 */
public interface PendingAnalyses {

    /** A claimed attempt at analysing one revision of an ECG. */
    record Claim(EcgKey key, long revision, int attempt) {
    }

    /**
     * Counts one more attempt at analysing the ECG, if it is pending. When {@code maxAttempts} have been
     * made already (the earlier ones crashed, timed out or could not store their results), the ECG is
     * marked failed with {@code exhaustedReason} instead, so a recording that breaks the analysis cannot
     * loop forever.
     *
     * @return the claim, or empty when there is nothing (more) to do
     */
    Optional<Claim> claim(EcgKey key, int maxAttempts, String exhaustedReason, Instant now);

    /** The ECG with its samples, if it is still at the claimed revision and pending. */
    Optional<Ecg> load(Claim claim);

    /** Stores the results if the ECG is still pending at {@code claim}'s revision; false if it changed or went away. */
    boolean saveAnalysis(Claim claim, AnalysisReport report, Instant analysedAt);

    /** Marks the ECG failed with the reason, if it is still pending at {@code claim}'s revision. */
    boolean markFailed(Claim claim, String reason, Instant at);

    /** ECGs still pending that were submitted (or replaced) before {@code before}, oldest first. */
    List<EcgKey> findPending(Instant before);
}
