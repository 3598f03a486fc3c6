package usecase.account;

import domain.ConflictException;
import domain.account.Password;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import domain.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import usecase.port.PasswordHasher;
import usecase.port.UserRepository;

/** The administrator opens an account for a user. */
@ApplicationScoped
public class CreateUser {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public CreateUser(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public record Command(String username, String password) {
        @Override
        public String toString() {
            return "Command[" + username + "]";
        }
    }

    @Transactional
    public User execute(Command command) {
        Violations violations = new Violations();
        Username username = violations.attempt(() -> new Username(command.username()));
        Password password = violations.attempt(() -> new Password(command.password()));
        violations.throwIfAny();
        return add(username, password, Role.USER);
    }

    User add(Username username, Password password, Role role) {
        User user = new User(UUID.randomUUID(), username, hasher.hash(password.value()), role, clock.instant());
        if (!users.add(user)) {
            throw new ConflictException("the username " + username + " is taken");
        }
        return user;
    }
}
