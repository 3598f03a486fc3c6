package usecase.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.InMemoryVerifiedCredentials;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class AuthenticateTest {

    private static final String PASSWORD = "correct-horse";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final InMemoryVerifiedCredentials verified = new InMemoryVerifiedCredentials();
    private final MutableClock clock = new MutableClock();
    private final Authenticate authenticate = new Authenticate(users, tokens, hasher, verified, clock);

    private final User alice = new User(UUID.randomUUID(), new Username("alice"), hasher.hash(PASSWORD), Role.USER,
            MutableClock.START);

    {
        users.add(alice);
    }

    private AuthenticatedUser asAlice() {
        return new AuthenticatedUser(alice.id(), "alice", Role.USER);
    }

    private String issueTokenForAlice(Duration lifetime) {
        return new IssueApiToken(tokens, clock).execute(new IssueApiToken.Command(alice.id(), "cli", lifetime)).secret();
    }

    @Test
    void rightPasswordAuthenticatesTheUser() {
        assertEquals(Optional.of(asAlice()), authenticate.withPassword("alice", PASSWORD));
    }

    @Test
    void wrongPasswordDoesNotAuthenticate() {
        assertTrue(authenticate.withPassword("alice", "wrong-horse").isEmpty());
    }

    @Test
    void usernamesAreCaseSensitive() {
        assertTrue(authenticate.withPassword("Alice", PASSWORD).isEmpty());
    }

    @Test
    void unknownUserDoesNotAuthenticateButStillPaysForAHashCheck() {
        int before = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("bob", PASSWORD).isEmpty());

        assertEquals(before + 1, hasher.verifyCalls(), "the hash is checked so timing does not reveal usernames");
    }

    @Test
    void malformedUsernameDoesNotAuthenticateButStillPaysForAHashCheck() {
        int before = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("a b", PASSWORD).isEmpty());

        assertEquals(before + 1, hasher.verifyCalls());
    }

    @Test
    void theDecoyHashMatchesNoPasswordOfAnUnknownUser() {
        assertTrue(authenticate.withPassword("bob", "decoy password, never matches a real one").isEmpty());
    }

    @Test
    void samePasswordAgainIsNotHashedAgain() {
        authenticate.withPassword("alice", PASSWORD);
        int afterFirst = hasher.verifyCalls();

        Optional<AuthenticatedUser> second = authenticate.withPassword("alice", PASSWORD);

        assertEquals(Optional.of(asAlice()), second);
        assertEquals(afterFirst, hasher.verifyCalls());
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        authenticate.withPassword("alice", "wrong-horse");
        int afterFirst = hasher.verifyCalls();

        assertTrue(authenticate.withPassword("alice", "wrong-horse").isEmpty());

        assertEquals(afterFirst + 1, hasher.verifyCalls());
        assertEquals(0, verified.size());
    }

    @Test
    void oldPasswordStopsWorkingOnceThePasswordChanged() {
        assertTrue(authenticate.withPassword("alice", PASSWORD).isPresent());

        new ChangePassword(users, hasher).execute(alice.id(), "new-password");

        assertTrue(authenticate.withPassword("alice", PASSWORD).isEmpty());
        assertEquals(Optional.of(asAlice()), authenticate.withPassword("alice", "new-password"));
    }

    @Test
    void deletedUserCannotAuthenticateWithARememberedPassword() {
        authenticate.withPassword("alice", PASSWORD);

        users.delete(alice.id());

        assertTrue(authenticate.withPassword("alice", PASSWORD).isEmpty());
    }

    @Test
    void validTokenAuthenticatesItsUser() {
        String secret = issueTokenForAlice(Duration.ofHours(1));

        assertEquals(Optional.of(asAlice()), authenticate.withToken(secret));
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
}
