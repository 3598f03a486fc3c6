package usecase.account;

import domain.account.Password;
import domain.account.Role;
import domain.account.User;
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
    private final ChangePassword changePassword;

    public EnsureAdminAccount(UserRepository users, CreateUser createUser, ChangePassword changePassword) {
        this.users = users;
        this.createUser = createUser;
        this.changePassword = changePassword;
    }

    /** What happened at start-up; {@code generatedPassword} is present only when one was made up. */
    public record Result(Outcome outcome, Optional<String> generatedPassword) {

        public boolean created() {
            return outcome == Outcome.CREATED;
        }

        @Override
        public String toString() {
            return "Result[" + outcome + "]";
        }
    }

    public enum Outcome {
        /** The administrator was created, with the configured or a generated password. */
        CREATED,
        /** The administrator exists and keeps its password. */
        EXISTS,
        /** The administrator exists and keeps its password, although one is configured: it applies at creation only. */
        EXISTS_CONFIGURED_PASSWORD_UNUSED,
        /** The administrator's password was reset on request, and its tokens revoked. */
        RESET
    }

    /**
     * @param resetPassword set the existing administrator's password to the configured one (or a generated
     *                      one) and revoke its tokens: the way back in when the password is lost
     */
    @Transactional
    public Result execute(String username, Optional<String> configuredPassword, boolean resetPassword) {
        Username name = new Username(username);
        Optional<User> existing = users.findByUsername(name);
        Optional<String> generated = configuredPassword.isPresent() ? Optional.empty() : Optional.of(randomPassword());
        Password password = new Password(configuredPassword.orElseGet(generated::get));
        if (existing.isEmpty()) {
            createUser.add(name, password, Role.ADMIN);
            return new Result(Outcome.CREATED, generated);
        }
        if (existing.get().role() != Role.ADMIN) {
            throw new IllegalStateException("the account '" + username + "' exists but is not an administrator; "
                    + "set sinus.admin.username to another name");
        }
        if (resetPassword) {
            changePassword.execute(existing.get().id(), password.value());
            return new Result(Outcome.RESET, generated);
        }
        return new Result(configuredPassword.isPresent() ? Outcome.EXISTS_CONFIGURED_PASSWORD_UNUSED : Outcome.EXISTS,
                Optional.empty());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
