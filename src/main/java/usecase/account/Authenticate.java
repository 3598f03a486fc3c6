package usecase.account;

import domain.InvalidInputException;
import domain.account.User;
import domain.account.Username;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import usecase.port.ApiTokenRepository;
import usecase.port.LoginThrottle;
import usecase.port.PasswordHasher;
import usecase.port.UserRepository;
import usecase.port.VerifiedCredentials;

/**
 * Checks a caller's credentials against the stored account on every request, so that a deleted
 * user or a changed password takes effect at once, while the slow password hash is computed only
 * the first time a client presents a given password. Wrong passwords are counted per account and per
 * client address: past the throttle's limit, further checks are refused for a while without hashing,
 * so guessing is slow and cannot take the server's cores. Credentials that passed recently still pass.
 */
@ApplicationScoped
public class Authenticate {

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final VerifiedCredentials verified;
    private final LoginThrottle throttle;
    private final Clock clock;
    private volatile String decoyHash;

    public Authenticate(UserRepository users, ApiTokenRepository tokens, PasswordHasher hasher,
                        VerifiedCredentials verified, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.verified = verified;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The hash that a password for an unknown username is checked against, so that the check takes as long as for a
     * real account. Made once, when first needed (a bcrypt hash at start-up would delay every start by one hash in a
     * JVM that has not compiled bcrypt yet); {@link #prepare()} makes it ahead of time.
     */
    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            synchronized (this) {
                decoy = decoyHash;
                if (decoy == null) {
                    decoy = hasher.hash("decoy password, never matches a real one");
                    decoyHash = decoy;
                }
            }
        }
        return decoy;
    }

    /** Makes what the first check of a password needs, so that it does not pay for it (called off the start-up path). */
    public void prepare() {
        decoyHash();
    }

    /**
     * @param address the client's network address, for the per-address throttle
     * @throws LoginThrottledException when this account or address has failed too often lately
     * @throws PasswordHasher.Saturated when too many password checks are in progress
     */
    public Optional<AuthenticatedUser> withPassword(String username, String password, String address) {
        Optional<User> found = parse(username).flatMap(users::findByUsername);
        if (found.isPresent() && verified.contains(username, password, found.get().passwordHash())) {
            return Optional.of(AuthenticatedUser.of(found.get(), true));
        }
        Optional<Duration> wait = throttle.delay(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (found.isEmpty()) {
            // Spend the same time as for a real account, so response times do not reveal usernames.
            hasher.verify(password, decoyHash());
            throttle.failed(username, address);
            return Optional.empty();
        }
        User user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            throttle.failed(username, address);
            return Optional.empty();
        }
        throttle.succeeded(username);
        verified.remember(username, password, user.passwordHash());
        return Optional.of(AuthenticatedUser.of(user, true));
    }

    /**
     * A browser session made at sign-in: valid while the account exists and its password is the one the session
     * was made with.
     */
    public Optional<AuthenticatedUser> withSession(UUID userId, String passwordStamp) {
        return users.findById(userId).map(user -> AuthenticatedUser.of(user, false))
                .filter(user -> user.passwordStamp().equals(passwordStamp));
    }

    public Optional<AuthenticatedUser> withToken(String secret) {
        return tokens.findOwnerOfValidToken(IssueApiToken.hashSecret(secret), clock.instant())
                .map(user -> AuthenticatedUser.of(user, false));
    }

    private static Optional<Username> parse(String username) {
        try {
            return Optional.of(new Username(username));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
