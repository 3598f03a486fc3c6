package domain.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuNOTAREALHASHxyz";

    @Test
    void toStringShowsNameAndRoleButNeverThePasswordHash() {
        User user = new User(UUID.randomUUID(), new Username("alice"), HASH, Role.USER, Instant.EPOCH);

        String text = user.toString();

        assertTrue(text.contains("alice"));
        assertTrue(text.contains("USER"));
        assertFalse(text.contains(HASH));
        assertFalse(text.contains("$2a$"));
    }

    @Test
    void requiresAPasswordHash() {
        assertThrows(NullPointerException.class,
                () -> new User(UUID.randomUUID(), new Username("alice"), null, Role.USER, Instant.EPOCH));
    }
}
