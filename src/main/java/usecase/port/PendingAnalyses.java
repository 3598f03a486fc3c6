package usecase.port;

import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import java.time.Duration;
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
     * On what terms an instance claims work.
     *
     * @param instance        the claiming instance, unique among those sharing the database
     * @param timeout         how long a claim keeps the others away; an instance that stops in the middle of an
     *                        analysis leaves a claim that lapses after this long
     * @param maxAttempts     attempts at one revision before the ECG is marked failed
     * @param exhaustedReason the failure reason then
     */
    record ClaimTerms(String instance, Duration timeout, int maxAttempts, String exhaustedReason) {
    }

    /**
     * Claims the next attempt at analysing the ECG, if it is pending and nobody else holds a live claim on it
     * (on a database that supports it, an ECG another instance is claiming at this very moment is skipped
     * rather than waited for). The claim counts the attempt before it starts: when {@code maxAttempts} have
     * been made already (the earlier ones crashed, timed out or could not store their results), the ECG is
     * marked failed instead, so a recording that breaks the analysis cannot loop forever.
     *
     * @return the claim, or empty when there is nothing (more) to do or someone else is doing it
     */
    Optional<Claim> claim(EcgKey key, ClaimTerms terms, Instant now);

    /**
     * Lets go of the claims {@code instance} still holds: at its start, whatever it claimed before it stopped
     * is not being worked on any more.
     *
     * @return how many claims were released
     */
    int releaseClaims(String instance);

    /**
     * Gives up the claim (the attempt stays counted), so the ECG can be claimed again at once; nothing if the ECG
     * moved on meanwhile.
     */
    void release(Claim claim);

    /** The ECG with its samples, if it is still at the claimed revision and pending. */
    Optional<Ecg> load(Claim claim);

    /** Stores the results if the ECG is still pending at {@code claim}'s revision; false if it changed or went away. */
    boolean saveAnalysis(Claim claim, AnalysisReport report, Instant analysedAt);

    /** Marks the ECG failed with the reason, if it is still pending at {@code claim}'s revision. */
    boolean markFailed(Claim claim, String reason, Instant at);

    /**
     * ECGs still pending that were submitted (or replaced) before {@code before} and that nobody holds a live
     * claim on at {@code now}, oldest first.
     */
    List<EcgKey> findPending(Instant before, Instant now);

    /** How many ECGs wait for their analysis (claimed or not): the backlog. */
    long countPending();
}
