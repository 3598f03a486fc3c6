package usecase.account;

import domain.ForbiddenException;
import domain.Violations;
import domain.account.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/**
 * Gives a caller a bearer token; the secret is returned once and stored only as its SHA-256. Only a
 * caller who proved their password on this request may have one: a token cannot mint further tokens, so
 * revoking a token (or changing the password, which revokes them all) really ends what it allowed.
 */
@ApplicationScoped
public class IssueApiToken {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);
    private static final String PREFIX = "sinus_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Clock clock;

    public IssueApiToken(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * @param lifetime     null for {@link #DEFAULT_LIFETIME}
     * @param withPassword whether the caller authenticated with their password on this request
     */
    public record Command(UUID userId, String name, Duration lifetime, boolean withPassword) {
    }

    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    @Transactional
    public Issued execute(Command command) {
        if (!command.withPassword()) {
            throw new ForbiddenException("issuing a token needs your password: authenticate with HTTP Basic, "
                    + "not with a token");
        }
        Duration lifetime = command.lifetime() == null ? DEFAULT_LIFETIME : command.lifetime();
        new Violations()
                .check(!lifetime.isNegative() && !lifetime.isZero() && lifetime.compareTo(MAX_LIFETIME) <= 0,
                        "ttl_seconds", "must be between 1 and " + MAX_LIFETIME.toSeconds())
                .check(command.name() == null || command.name().length() <= ApiToken.MAX_NAME_LENGTH,
                        "name", "must be at most " + ApiToken.MAX_NAME_LENGTH + " characters")
                .throwIfAny();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(UUID.randomUUID(), command.userId(), command.name(), hashSecret(secret),
                now, now.plus(lifetime));
        tokens.add(token); // a fresh random id: never already there
        return new Issued(token, secret);
    }

    static String hashSecret(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
