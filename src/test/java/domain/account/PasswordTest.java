package domain.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PasswordTest {

    private static void assertRejected(Executable construction) {
        InvalidInputException e = assertThrows(InvalidInputException.class, construction);
        assertEquals("password", e.violations().get(0).field());
    }

    @Test
    void acceptsEightCharacters() {
        assertEquals("12345678", new Password("12345678").value());
    }

    @Test
    void rejectsFewerThanEightCharactersOrNone() {
        assertRejected(() -> new Password("1234567"));
        assertRejected(() -> new Password(""));
        assertRejected(() -> new Password(null));
    }

    @Test
    void acceptsUpTo72BytesInUtf8() {
        assertDoesNotThrow(() -> new Password("a".repeat(72)));
        assertDoesNotThrow(() -> new Password("é".repeat(36)));
    }

    @Test
    void rejectsMoreThan72BytesInUtf8EvenWhenUnder72Characters() {
        assertRejected(() -> new Password("a".repeat(73)));
        // 37 characters, 74 bytes: bcrypt would silently ignore the tail.
        assertRejected(() -> new Password("é".repeat(37)));
    }

    @Test
    void toStringNeverRevealsThePassword() {
        String secret = "correct horse battery";

        assertFalse(new Password(secret).toString().contains(secret));
        assertFalse(new Password(secret).toString().contains("horse"));
    }

    @Test
    void violationMessageDoesNotEchoThePassword() {
        String tooLong = "s3cret-".repeat(11);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Password(tooLong));

        assertFalse(e.getMessage().contains("s3cret"));
    }
}
