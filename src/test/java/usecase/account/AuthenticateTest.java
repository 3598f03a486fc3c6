package usecase.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.CountingLoginThrottle;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.InMemoryVerifiedCredentials;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class AuthenticateTest {

    private static final String PASSWORD = "correct-horse";
    private static final String ADDRESS = "192.0.2.7";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final InMemoryVerifiedCredentials verified = new InMemoryVerifiedCredentials();
    private final MutableClock clock = new MutableClock();
    private final CountingLoginThrottle throttle = new CountingLoginThrottle(3);
    private final Authenticate authenticate = new Authenticate(users, tokens, hasher, verified, throttle, clock);

    private final User alice = new User(UUID.randomUUID(), new Username("alice"), hasher.hash(PASSWORD), Role.USER,
            MutableClock.START);

    {
        users.add(alice);
    }

    private AuthenticatedUser asAlice() {
        return new AuthenticatedUser(alice.id(), "alice", Role.USER, true, AuthenticatedUser.stamp(alice.passwordHash()));
    }

    private AuthenticatedUser asAliceWithToken() {
        return new AuthenticatedUser(alice.id(), "alice", Role.USER, false, AuthenticatedUser.stamp(alice.passwordHash()));
    }

    private String issueTokenForAlice(Duration lifetime) {
        return new IssueApiToken(tokens, clock).execute(new IssueApiToken.Command(alice.id(), "cli", lifetime, true)).secret();
    }

    @Test
    void rightPasswordAuthenticatesTheUser() {
        assertEquals(Optional.of(asAlice()), authenticate.withPassword("alice", PASSWORD, ADDRESS));
    }

    @Test
    void wrongPasswordDoesNotAuthenticate() {
        assertTrue(authenticate.withPassword("alice", "wrong-horse", ADDRESS).isEmpty());
    }

    @Test
    void usernamesAreCaseSensitive() {
        assertTrue(authenticate.withPassword("Alice", PASSWORD, ADDRESS).isEmpty());
    }

    @Test
    void unknownUserDoesNotAuthenticateButStillPaysForAHashCheck() {
        int before = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("bob", PASSWORD, ADDRESS).isEmpty());

        assertEquals(before + 1, hasher.verifyCalls(), "the hash is checked so timing does not reveal usernames");
    }

    @Test
    void malformedUsernameDoesNotAuthenticateButStillPaysForAHashCheck() {
        int before = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("a b", PASSWORD, ADDRESS).isEmpty());

        assertEquals(before + 1, hasher.verifyCalls());
    }

    @Test
    void theDecoyHashMatchesNoPasswordOfAnUnknownUser() {
        assertTrue(authenticate.withPassword("bob", "decoy password, never matches a real one", ADDRESS).isEmpty());
    }

    @Test
    void samePasswordAgainIsNotHashedAgain() {
        authenticate.withPassword("alice", PASSWORD, ADDRESS);
        int afterFirst = hasher.verifyCalls();

        Optional<AuthenticatedUser> second = authenticate.withPassword("alice", PASSWORD, ADDRESS);

        assertEquals(Optional.of(asAlice()), second);
        assertEquals(afterFirst, hasher.verifyCalls());
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        authenticate.withPassword("alice", "wrong-horse", ADDRESS);
        int afterFirst = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("alice", "wrong-horse", ADDRESS).isEmpty());

        assertEquals(afterFirst + 1, hasher.verifyCalls());
        assertEquals(0, verified.size());
    }

    @Test
    void oldPasswordStopsWorkingOnceThePasswordChanged() {
        assertTrue(authenticate.withPassword("alice", PASSWORD, ADDRESS).isPresent());

        new ChangePassword(users, tokens, hasher).execute(alice.id(), "new-password");

        assertTrue(authenticate.withPassword("alice", PASSWORD, ADDRESS).isEmpty());
        AuthenticatedUser withNewPassword = authenticate.withPassword("alice", "new-password", ADDRESS).orElseThrow();
        assertEquals(alice.id(), withNewPassword.id());
        assertNotEquals(asAlice().passwordStamp(), withNewPassword.passwordStamp());
    }

    @Test
    void aSessionLastsUntilThePasswordChanges() {
        String stamp = authenticate.withPassword("alice", PASSWORD, ADDRESS).orElseThrow().passwordStamp();
        assertEquals(Optional.of(asAliceWithToken()), authenticate.withSession(alice.id(), stamp));
        assertTrue(authenticate.withSession(alice.id(), "forged-stamp").isEmpty());
        assertTrue(authenticate.withSession(UUID.randomUUID(), stamp).isEmpty());

        new ChangePassword(users, tokens, hasher).execute(alice.id(), "new-password");

        assertTrue(authenticate.withSession(alice.id(), stamp).isEmpty());
    }

    @Test
    void deletedUserCannotAuthenticateWithARememberedPassword() {
        authenticate.withPassword("alice", PASSWORD, ADDRESS);

        users.delete(alice.id());

        assertTrue(authenticate.withPassword("alice", PASSWORD, ADDRESS).isEmpty());
    }

    @Test
    void validTokenAuthenticatesItsUser() {
        String secret = issueTokenForAlice(Duration.ofHours(1));

        assertEquals(Optional.of(asAliceWithToken()), authenticate.withToken(secret));
    }

    @Test
    void tokenStillWorksJustBeforeItExpires() {
        String secret = issueTokenForAlice(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1).minusSeconds(1));

        assertTrue(authenticate.withToken(secret).isPresent());
    }

    @Test
    void expiredTokenDoesNotAuthenticate() {
        String secret = issueTokenForAlice(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));

        assertTrue(authenticate.withToken(secret).isEmpty());
    }

    @Test
    void unknownTokenDoesNotAuthenticate() {
        issueTokenForAlice(Duration.ofHours(1));

        assertTrue(authenticate.withToken("sinus_notAnIssuedToken").isEmpty());
    }

    @Test
    void tokenOfADeletedUserDoesNotAuthenticate() {
        String secret = issueTokenForAlice(Duration.ofHours(1));

        users.delete(alice.id());

        assertTrue(authenticate.withToken(secret).isEmpty());
    }

    @Test
    void revokedTokenDoesNotAuthenticate() {
        String secret = issueTokenForAlice(Duration.ofHours(1));
        UUID tokenId = tokens.listByUser(alice.id()).get(0).id();

        new RevokeApiToken(tokens).execute(alice.id(), tokenId);

        assertTrue(authenticate.withToken(secret).isEmpty());
    }

    @Test
    void aChangedPasswordRevokesEveryTokenOfTheAccount() {
        String secret = issueTokenForAlice(Duration.ofHours(1));

        assertEquals(1, new ChangePassword(users, tokens, hasher).execute(alice.id(), "new-password"));

        assertTrue(authenticate.withToken(secret).isEmpty());
    }

    @Test
    void wrongPasswordsBeyondTheLimitAreRefusedWithoutHashing() {
        for (int i = 0; i < 3; i++) {
            assertTrue(authenticate.withPassword("alice", "wrong-horse", ADDRESS).isEmpty());
        }
        int before = hasher.verifyCalls();

        LoginThrottledException refused = org.junit.jupiter.api.Assertions.assertThrows(LoginThrottledException.class,
                () -> authenticate.withPassword("alice", PASSWORD, "198.51.100.1"));

        assertTrue(refused.retryAfter().toSeconds() > 0);
        assertEquals(before, hasher.verifyCalls(), "a throttled check costs no hash");
    }

    @Test
    void guessesAtUnknownUsernamesCountAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertTrue(authenticate.withPassword("nobody-" + i, "guess", ADDRESS).isEmpty());
        }

        org.junit.jupiter.api.Assertions.assertThrows(LoginThrottledException.class,
                () -> authenticate.withPassword("alice", PASSWORD, ADDRESS));
        assertEquals(Optional.of(asAlice()), authenticate.withPassword("alice", PASSWORD, "198.51.100.1"));
    }

    @Test
    void aPasswordThatPassedRecentlyStillPassesWhileTheAccountIsThrottled() {
        assertTrue(authenticate.withPassword("alice", PASSWORD, ADDRESS).isPresent());
        for (int i = 0; i < 3; i++) {
            authenticate.withPassword("alice", "wrong-horse", "203.0.113.9");
        }

        assertEquals(Optional.of(asAlice()), authenticate.withPassword("alice", PASSWORD, ADDRESS));
    }

    @Test
    void aCorrectPasswordClearsTheAccountsFailures() {
        authenticate.withPassword("alice", "wrong-horse", ADDRESS);
        authenticate.withPassword("alice", "wrong-horse", ADDRESS);

        authenticate.withPassword("alice", PASSWORD, ADDRESS);

        assertEquals(0, throttle.failuresOf("alice"));
    }
}
