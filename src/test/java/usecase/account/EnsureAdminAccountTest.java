package usecase.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.account.Password;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class EnsureAdminAccountTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final EnsureAdminAccount ensureAdmin = ensureAdminOf(users);

    private EnsureAdminAccount ensureAdminOf(InMemoryUserRepository accounts) {
        return new EnsureAdminAccount(accounts, new CreateUser(accounts, hasher, new MutableClock()),
                new ChangePassword(accounts, new InMemoryApiTokenRepository(accounts), hasher));
    }

    private User admin() {
        return users.findByUsername(new Username("admin")).orElseThrow();
    }

    @Test
    void createsTheAdministratorWithTheConfiguredPassword() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.of("configured-secret"), false);

        assertTrue(result.created());
        assertTrue(result.generatedPassword().isEmpty());
        assertEquals(Role.ADMIN, admin().role());
        assertEquals("hash:configured-secret", admin().passwordHash());
    }

    @Test
    void generatesAValidPasswordWhenNoneIsConfiguredAndStoresOnlyItsHash() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.empty(), false);

        assertTrue(result.created());
        String generated = result.generatedPassword().orElseThrow();
        assertDoesNotThrow(() -> new Password(generated));
        assertEquals("hash:" + generated, admin().passwordHash());
        assertNotEquals(generated, admin().passwordHash());
    }

    @Test
    void generatesADifferentPasswordForEveryFreshInstallation() {
        String first = ensureAdmin.execute("admin", Optional.empty(), false).generatedPassword().orElseThrow();
        InMemoryUserRepository otherUsers = new InMemoryUserRepository();
        String second = ensureAdminOf(otherUsers)
                .execute("admin", Optional.empty(), false).generatedPassword().orElseThrow();

        assertNotEquals(first, second);
    }

    @Test
    void createsTheAdministratorOnlyOnce() {
        String generated = ensureAdmin.execute("admin", Optional.empty(), false).generatedPassword().orElseThrow();

        EnsureAdminAccount.Result second = ensureAdmin.execute("admin", Optional.empty(), false);

        assertFalse(second.created());
        assertTrue(second.generatedPassword().isEmpty(), "the password is handed out once only");
        assertEquals(1, users.size());
        assertEquals("hash:" + generated, admin().passwordHash(), "the first password stays valid");
    }

    @Test
    void aLaterConfiguredPasswordDoesNotOverwriteTheExistingAdministratorButSaysSo() {
        ensureAdmin.execute("admin", Optional.of("first-secret"), false);

        EnsureAdminAccount.Result later = ensureAdmin.execute("admin", Optional.of("second-secret"), false);

        assertEquals(EnsureAdminAccount.Outcome.EXISTS_CONFIGURED_PASSWORD_UNUSED, later.outcome());
        assertEquals("hash:first-secret", admin().passwordHash());
    }

    @Test
    void aResetSetsTheExistingAdministratorsPasswordToTheConfiguredOne() {
        ensureAdmin.execute("admin", Optional.of("first-secret"), false);

        EnsureAdminAccount.Result reset = ensureAdmin.execute("admin", Optional.of("second-secret"), true);

        assertEquals(EnsureAdminAccount.Outcome.RESET, reset.outcome());
        assertEquals("hash:second-secret", admin().passwordHash());
    }

    @Test
    void aResetWithoutAConfiguredPasswordGeneratesOne() {
        ensureAdmin.execute("admin", Optional.of("first-secret"), false);

        String generated = ensureAdmin.execute("admin", Optional.empty(), true).generatedPassword().orElseThrow();

        assertEquals("hash:" + generated, admin().passwordHash());
    }

    @Test
    void resultToStringDoesNotRevealTheGeneratedPassword() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.empty(), false);

        assertFalse(result.toString().contains(result.generatedPassword().orElseThrow()));
    }
}
