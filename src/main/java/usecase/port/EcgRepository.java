package usecase.port;

import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.Recording;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import usecase.Page;
import usecase.PageRequest;

/**
 * Where ECGs, their samples and their analysis results are kept, by owner: an id is unique per owner,
 * and no method reveals another owner's ECGs. Writers of one ECG are serialised (the last one wins),
 * and every read is one consistent snapshot of the ECG: never results of another revision, never a
 * pending report with results.
 */
public interface EcgRepository {

    /**
     * Adds a new ECG.
     *
     * @throws domain.ConflictException if its owner has an ECG with this id, or the owner no longer exists
     */
    void add(Ecg ecg);

    /** Replaces the recording, drops its results, sets it pending again and bumps its revision; false if there is none. */
    boolean replace(EcgKey key, Recording recording);

    boolean delete(EcgKey key);

    Optional<EcgSummary> findSummary(EcgKey key);

    /** The ECG's status and, once it is analysed, its beats; empty if there is none. */
    Optional<EcgBeats> findBeats(EcgKey key);

    /**
     * The samples of one lead between {@code fromS} and {@code toS} seconds from the start (clipped to the
     * lead), read and decoded without the rest of the lead where it is stored with seek points. The first
     * lead of that name is meant; empty if the ECG or the lead does not exist.
     *
     * @throws IllegalArgumentException unless {@code 0 <= fromS <= toS}, both finite
     */
    Optional<SignalWindow> findSignalWindow(EcgKey key, String lead, double fromS, double toS);

    /** The owner's ECGs, newest submission first. */
    Page<EcgSummary> list(UUID ownerId, PageRequest request);

    /**
     * ECGs as stored, with samples and results, in key order after {@code after} (null: from the start):
     * up to {@code limit} of them, fewer when their samples together pass {@code maxSamples} (at least one).
     */
    List<StoredEcg> storedPage(EcgKey after, int limit, long maxSamples);

    /** Stores an ECG exactly as it was exported; false if its owner already has one with its id. */
    boolean restore(StoredEcg stored);
}
