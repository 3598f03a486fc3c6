package usecase.account;

import domain.InvalidInputException;
import domain.account.User;
import domain.account.Username;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import usecase.port.ApiTokenRepository;
import usecase.port.PasswordHasher;
import usecase.port.UserRepository;
import usecase.port.VerifiedCredentials;

/**
 * Checks a caller's credentials against the stored account on every request, so that a deleted
 * user or a changed password takes effect at once, while the slow password hash is computed only
 * the first time a client presents a given password.
 */
@ApplicationScoped
public class Authenticate {

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final VerifiedCredentials verified;
    private final Clock clock;
    private final String decoyHash;

    public Authenticate(UserRepository users, ApiTokenRepository tokens, PasswordHasher hasher,
                        VerifiedCredentials verified, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.verified = verified;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password, never matches a real one");
    }

    public Optional<AuthenticatedUser> withPassword(String username, String password) {
        Optional<User> found = parse(username).flatMap(users::findByUsername);
        if (found.isEmpty()) {
            // Spend the same time as for a real account, so response times do not reveal usernames.
            hasher.verify(password, decoyHash);
            return Optional.empty();
        }
        User user = found.get();
        if (verified.contains(username, password, user.passwordHash())) {
            return Optional.of(AuthenticatedUser.of(user));
        }
        if (!hasher.verify(password, user.passwordHash())) {
            return Optional.empty();
        }
        verified.remember(username, password, user.passwordHash());
        return Optional.of(AuthenticatedUser.of(user));
    }

    public Optional<AuthenticatedUser> withToken(String secret) {
        return tokens.findOwnerOfValidToken(IssueApiToken.hashSecret(secret), clock.instant())
                .map(AuthenticatedUser::of);
    }

    private static Optional<Username> parse(String username) {
        try {
            return Optional.of(new Username(username));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
