package usecase.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ConflictException;
import domain.NotFoundException;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryUserRepository;

class DeleteUserTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final DeleteUser deleteUser = new DeleteUser(users);

    private User stored(String name, Role role) {
        User user = new User(UUID.randomUUID(), new Username(name), "hash:x", role, Instant.EPOCH);
        users.add(user);
        return user;
    }

    @Test
    void deletesAUser() {
        User alice = stored("alice", Role.USER);

        deleteUser.execute(alice.id());

        assertFalse(users.findById(alice.id()).isPresent());
    }

    @Test
    void refusesToDeleteAnAdministrator() {
        User admin = stored("admin", Role.ADMIN);

        assertThrows(ConflictException.class, () -> deleteUser.execute(admin.id()));

        assertTrue(users.findById(admin.id()).isPresent());
    }

    @Test
    void deletingAnUnknownUserIsNotFound() {
        assertThrows(NotFoundException.class, () -> deleteUser.execute(UUID.randomUUID()));
    }
}
