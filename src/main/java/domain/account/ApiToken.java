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
    private static final java.util.regex.Pattern SECRET_HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
        if (!SECRET_HASH.matcher(secretHash).matches()) {
            throw new IllegalArgumentException("a token's secret hash is 64 hexadecimal digits (SHA-256)");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a token's name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
