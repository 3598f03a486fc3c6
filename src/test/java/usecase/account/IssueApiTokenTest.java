package usecase.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.InvalidInputException;
import domain.NotFoundException;
import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.InMemoryVerifiedCredentials;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class IssueApiTokenTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
    private final MutableClock clock = new MutableClock();
    private final IssueApiToken issue = new IssueApiToken(tokens, clock);
    private final User alice = new User(UUID.randomUUID(), new Username("alice"), "hash:whatever", Role.USER,
            MutableClock.START);

    {
        users.add(alice);
    }

    private IssueApiToken.Issued issue(Duration lifetime) {
        return issue.execute(new IssueApiToken.Command(alice.id(), "laptop", lifetime, true));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertTtlRejected(IssueApiToken issue, UUID userId, Duration lifetime) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> issue.execute(new IssueApiToken.Command(userId, "laptop", lifetime, true)), "lifetime " + lifetime);
        assertEquals(List.of("ttl_seconds"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
    }

    @Test
    void secretCarriesTheSinusPrefix() {
        assertTrue(issue(Duration.ofDays(1)).secret().startsWith("sinus_"));
    }

    @Test
    void storesOnlyTheSha256HexOfTheSecret() throws Exception {
        IssueApiToken.Issued issued = issue(Duration.ofDays(1));

        ApiToken stored = tokens.all().get(0);
        assertEquals(1, tokens.all().size());
        assertNotEquals(issued.secret(), stored.secretHash());
        assertFalse(stored.secretHash().contains(issued.secret().substring("sinus_".length())));
        assertEquals(sha256Hex(issued.secret()), stored.secretHash());
        assertTrue(stored.secretHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void theIssuedSecretAuthenticatesItsUser() {
        String secret = issue(Duration.ofDays(1)).secret();
        Authenticate authenticate = new Authenticate(users, tokens, new PrefixPasswordHasher(),
                new InMemoryVerifiedCredentials(), new usecase.fakes.CountingLoginThrottle(10), clock);

        assertEquals(Optional.of(new AuthenticatedUser(alice.id(), "alice", Role.USER, false, AuthenticatedUser.stamp(alice.passwordHash()))), authenticate.withToken(secret));
    }

    @Test
    void everyTokenGetsItsOwnSecret() {
        assertNotEquals(issue(Duration.ofDays(1)).secret(), issue(Duration.ofDays(1)).secret());
    }

    @Test
    void expiresAfterTheRequestedLifetime() {
        ApiToken token = issue(Duration.ofHours(2)).token();

        assertEquals(MutableClock.START, token.createdAt());
        assertEquals(MutableClock.START.plus(Duration.ofHours(2)), token.expiresAt());
        assertEquals(alice.id(), token.userId());
        assertEquals("laptop", token.name());
    }

    @Test
    void lastsThirtyDaysWhenNoLifetimeIsGiven() {
        assertEquals(MutableClock.START.plus(Duration.ofDays(30)), issue(null).token().expiresAt());
    }

    @Test
    void acceptsLifetimesFromOneSecondUpTo365Days() {
        assertEquals(MutableClock.START.plusSeconds(1), issue(Duration.ofSeconds(1)).token().expiresAt());
        assertEquals(MutableClock.START.plus(Duration.ofDays(365)), issue(Duration.ofDays(365)).token().expiresAt());
    }

    @Test
    void rejectsALifetimeOfZeroOrLessOrAbove365Days() {
        assertTtlRejected(issue, alice.id(), Duration.ZERO);
        assertTtlRejected(issue, alice.id(), Duration.ofSeconds(-1));
        assertTtlRejected(issue, alice.id(), Duration.ofDays(365).plusSeconds(1));
        assertTtlRejected(issue, alice.id(), Duration.ofDays(366));
        assertTrue(tokens.all().isEmpty());
    }

    @Test
    void rejectsANameLongerThan100Characters() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> issue.execute(new IssueApiToken.Command(alice.id(), "n".repeat(101), null, true)));

        assertEquals("name", e.violations().get(0).field());
    }

    @Test
    void issuedToStringDoesNotRevealTheSecret() {
        IssueApiToken.Issued issued = issue(Duration.ofDays(1));

        assertFalse(issued.toString().contains(issued.secret()));
    }

    @Test
    void listsOnlyTheCallersTokens() {
        issue(Duration.ofDays(1));
        issue.execute(new IssueApiToken.Command(UUID.randomUUID(), "other", null, true));

        List<ApiToken> listed = new ListApiTokens(tokens).execute(alice.id());

        assertEquals(1, listed.size());
        assertEquals(alice.id(), listed.get(0).userId());
    }

    @Test
    void cannotRevokeAnotherUsersToken() {
        UUID tokenId = issue(Duration.ofDays(1)).token().id();

        assertThrows(NotFoundException.class, () -> new RevokeApiToken(tokens).execute(UUID.randomUUID(), tokenId));
        assertEquals(1, tokens.all().size());
    }

    @Test
    void aTokenCannotIssueTokens() {
        assertThrows(domain.ForbiddenException.class,
                () -> issue.execute(new IssueApiToken.Command(alice.id(), "child", null, false)));
        assertEquals(0, tokens.all().size());
    }
}
