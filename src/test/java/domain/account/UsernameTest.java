package domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsernameTest {

    @Test
    void accepts3To64CharactersOfLettersDigitsDotUnderscoreAndDash() {
        for (String value : List.of("abc", "a.b_c-D9", "x".repeat(64), "...", "Dr.Who_2-x")) {
            assertEquals(value, new Username(value).value());
        }
    }

    @Test
    void rejectsNamesThatAreTooShortTooLongOrUseOtherCharacters() {
        for (String value : Arrays.asList(null, "", "ab", "x".repeat(65), "a b", "jörg", "a@b.c", "ann/", "ann\n")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Username(value),
                    "username '" + value + "'");
            assertEquals("username", e.violations().get(0).field());
        }
    }

    @Test
    void comparesUsernamesCaseSensitively() {
        assertNotEquals(new Username("alice"), new Username("Alice"));
        assertEquals(new Username("alice"), new Username("alice"));
    }
}
