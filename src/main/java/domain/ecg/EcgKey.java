package domain.ecg;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one ECG: ids are unique per owner, not across owners, so that choosing an id never
 * reveals whether another user has an ECG with it.
 */
public record EcgKey(UUID ownerId, UUID id) {

    public EcgKey {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return id + " of " + ownerId;
    }
}
