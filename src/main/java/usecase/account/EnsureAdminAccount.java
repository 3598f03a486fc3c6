package usecase.account;

import domain.account.Password;
import domain.account.Role;
import domain.account.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import usecase.port.UserRepository;

/**
 * Creates the administrator account at first start. Without a configured password, a random one
 * is generated and handed back once so it can be shown to the operator; only its hash is stored.
 */
@ApplicationScoped
public class EnsureAdminAccount {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final CreateUser createUser;

    public EnsureAdminAccount(UserRepository users, CreateUser createUser) {
        this.users = users;
        this.createUser = createUser;
    }

    /** What happened at start-up; {@code generatedPassword} is present only when one was made up. */
    public record Result(boolean created, Optional<String> generatedPassword) {
        @Override
        public String toString() {
            return "Result[created=" + created + "]";
        }
    }

    @Transactional
    public Result execute(String username, Optional<String> configuredPassword) {
        Username name = new Username(username);
        if (users.findByUsername(name).isPresent()) {
            return new Result(false, Optional.empty());
        }
        Optional<String> generated = configuredPassword.isPresent() ? Optional.empty() : Optional.of(randomPassword());
        Password password = new Password(configuredPassword.orElseGet(generated::get));
        createUser.add(name, password, Role.ADMIN);
        return new Result(true, generated);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
