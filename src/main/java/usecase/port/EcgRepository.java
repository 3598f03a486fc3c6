package usecase.port;

import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import domain.ecg.EcgSummary;
import domain.ecg.Recording;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import usecase.Page;
import usecase.PageRequest;

/** Where ECGs, their samples and their analysis results are kept. Owner-scoped methods never reveal other users' ECGs. */
public interface EcgRepository {

    boolean exists(UUID id);

    /** Adds a new ECG; throws {@link domain.ConflictException} if its id is taken. */
    void add(Ecg ecg);

    /** Replaces the recording, drops its results, sets it pending again and bumps its revision; false if not the owner's. */
    boolean replace(UUID id, UUID ownerId, Recording recording);

    boolean delete(UUID id, UUID ownerId);

    Optional<EcgSummary> findSummary(UUID id, UUID ownerId);

    /** The ECG's status and, once it is analysed, its beats; empty if it is not the owner's. */
    Optional<EcgBeats> findBeats(UUID id, UUID ownerId);

    /** The owner's ECGs, newest submission first. */
    Page<EcgSummary> list(UUID ownerId, PageRequest request);

    /**
     * The ECG with its samples, whoever owns it, if it is still pending; for the analysis only. An ECG
     * that is no longer pending costs one row look-up, not the decoding of its samples.
     */
    Optional<Ecg> findPendingForAnalysis(UUID id);

    /** Stores the results if the ECG is still at {@code revision}; false if it changed or went away meanwhile. */
    boolean saveAnalysis(UUID id, long revision, AnalysisReport report, Instant analysedAt);

    /** Marks the ECG failed if it is still at {@code revision}. */
    boolean markFailed(UUID id, long revision, Instant at);

    /** Up to {@code limit} ECGs as stored, with samples and results, in id order after {@code after} (null: from the start). */
    List<StoredEcg> storedPage(UUID after, int limit);

    /** Stores an ECG exactly as it was exported; false if one with its id is already here. */
    boolean restore(StoredEcg stored);

    /** ECGs still pending that were submitted before {@code submittedBefore}, oldest first. */
    List<UUID> findPendingIds(Instant submittedBefore);
}
