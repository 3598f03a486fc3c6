package domain.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plusSeconds(3600);
    private static final String HASH = "0123456789abcdef".repeat(4);

    private static ApiToken token(Instant createdAt, Instant expiresAt) {
        return new ApiToken(UUID.randomUUID(), UUID.randomUUID(), "ci", HASH, createdAt, expiresAt);
    }

    @Test
    void isValidUntilJustBeforeItsExpiry() {
        ApiToken token = token(CREATED, EXPIRES);

        assertFalse(token.isExpiredAt(CREATED));
        assertFalse(token.isExpiredAt(EXPIRES.minusNanos(1)));
    }

    @Test
    void isExpiredFromItsExpiryOn() {
        ApiToken token = token(CREATED, EXPIRES);

        assertTrue(token.isExpiredAt(EXPIRES));
        assertTrue(token.isExpiredAt(EXPIRES.plusSeconds(1)));
    }

    @Test
    void mustExpireAfterItIsCreated() {
        assertThrows(IllegalArgumentException.class, () -> token(CREATED, CREATED));
        assertThrows(IllegalArgumentException.class, () -> token(CREATED, CREATED.minusSeconds(1)));
    }

    @Test
    void theSecretHashIsASha256InHexAndTheNameFitsItsColumn() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> new ApiToken(id, id, "ci", HASH + "0", CREATED, EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new ApiToken(id, id, "ci", HASH.toUpperCase(), CREATED, EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new ApiToken(id, id, "n".repeat(101), HASH, CREATED, EXPIRES));
    }
}
