package usecase.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import domain.NotFoundException;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.PrefixPasswordHasher;

class ChangePasswordTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
    private final ChangePassword changePassword = new ChangePassword(users, tokens, hasher);
    private final User alice = new User(UUID.randomUUID(), new Username("alice"), "hash:old-password", Role.USER,
            Instant.EPOCH);

    {
        users.add(alice);
    }

    private String storedHash() {
        return users.findById(alice.id()).orElseThrow().passwordHash();
    }

    @Test
    void storesOnlyTheHashOfTheNewPassword() {
        changePassword.execute(alice.id(), "new-password");

        assertEquals("hash:new-password", storedHash());
    }

    @Test
    void rejectsAnInvalidNewPasswordAndKeepsTheOldOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> changePassword.execute(alice.id(), "short"));

        assertEquals("password", e.violations().get(0).field());
        assertEquals("hash:old-password", storedHash());
        assertEquals(0, hasher.hashCalls());
    }

    @Test
    void changingThePasswordOfAnUnknownUserIsNotFound() {
        assertThrows(NotFoundException.class, () -> changePassword.execute(UUID.randomUUID(), "new-password"));
    }
}
