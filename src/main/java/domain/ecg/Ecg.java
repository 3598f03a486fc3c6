package domain.ecg;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored recording owned by one user, with the state of its analysis.
 *
 * @param revision grows with every replacement of the recording, so that an analysis of an older
 *                 revision can be recognised and dropped instead of overwriting a newer one
 */
public record Ecg(UUID id, UUID ownerId, Recording recording, EcgStatus status,
                  Instant submittedAt, long revision) {

    public Ecg {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public EcgKey key() {
        return new EcgKey(ownerId, id);
    }

    /** A freshly submitted ECG, waiting for its analysis. */
    public static Ecg submitted(UUID id, UUID ownerId, Recording recording, Instant now) {
        return new Ecg(id, ownerId, recording, EcgStatus.PENDING, now, 0);
    }
}
