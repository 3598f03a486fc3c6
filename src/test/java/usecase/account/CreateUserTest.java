package usecase.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ConflictException;
import domain.InvalidInputException;
import domain.account.Role;
import domain.account.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class CreateUserTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final CreateUser createUser = new CreateUser(users, hasher, new MutableClock());

    @Test
    void createsAUserWithOnlyTheHashOfThePassword() {
        User user = createUser.execute(new CreateUser.Command("alice", "correct-horse"));

        assertEquals(Role.USER, user.role());
        assertEquals("hash:correct-horse", user.passwordHash());
        assertEquals(MutableClock.START, user.createdAt());
        assertEquals(user, users.findById(user.id()).orElseThrow());
    }

    @Test
    void refusesATakenUsername() {
        createUser.execute(new CreateUser.Command("alice", "correct-horse"));

        assertThrows(ConflictException.class, () -> createUser.execute(new CreateUser.Command("alice", "other-pass")));
        assertEquals(1, users.size());
    }

    @Test
    void reportsABadUsernameAndABadPasswordTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> createUser.execute(new CreateUser.Command("a", "short")));

        assertEquals(List.of("username", "password"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertEquals(0, users.size());
        assertEquals(0, hasher.hashCalls());
    }

    @Test
    void commandToStringDoesNotRevealThePassword() {
        String text = new CreateUser.Command("alice", "correct-horse").toString();

        assertTrue(text.contains("alice"));
        assertFalse(text.contains("correct-horse"));
    }
}
