package domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A bearer token that lets a client skip the slow password check on every request. Only the
 * SHA-256 of the secret is kept; the secret itself is shown to the client once, at creation.
 */
public record ApiToken(UUID id, UUID userId, String name, String secretHash, Instant createdAt, Instant expiresAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
