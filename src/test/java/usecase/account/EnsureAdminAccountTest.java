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
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;

class EnsureAdminAccountTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final EnsureAdminAccount ensureAdmin =
            new EnsureAdminAccount(users, new CreateUser(users, hasher, new MutableClock()));

    private User admin() {
        return users.findByUsername(new Username("admin")).orElseThrow();
    }

    @Test
    void createsTheAdministratorWithTheConfiguredPassword() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.of("configured-secret"));

        assertTrue(result.created());
        assertTrue(result.generatedPassword().isEmpty());
        assertEquals(Role.ADMIN, admin().role());
        assertEquals("hash:configured-secret", admin().passwordHash());
    }

    @Test
    void generatesAValidPasswordWhenNoneIsConfiguredAndStoresOnlyItsHash() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.empty());

        assertTrue(result.created());
        String generated = result.generatedPassword().orElseThrow();
        assertDoesNotThrow(() -> new Password(generated));
        assertEquals("hash:" + generated, admin().passwordHash());
        assertNotEquals(generated, admin().passwordHash());
    }

    @Test
    void generatesADifferentPasswordForEveryFreshInstallation() {
        String first = ensureAdmin.execute("admin", Optional.empty()).generatedPassword().orElseThrow();
        InMemoryUserRepository otherUsers = new InMemoryUserRepository();
        String second = new EnsureAdminAccount(otherUsers, new CreateUser(otherUsers, hasher, new MutableClock()))
                .execute("admin", Optional.empty()).generatedPassword().orElseThrow();

        assertNotEquals(first, second);
    }

    @Test
    void createsTheAdministratorOnlyOnce() {
        String generated = ensureAdmin.execute("admin", Optional.empty()).generatedPassword().orElseThrow();

        EnsureAdminAccount.Result second = ensureAdmin.execute("admin", Optional.empty());

        assertFalse(second.created());
        assertTrue(second.generatedPassword().isEmpty(), "the password is handed out once only");
        assertEquals(1, users.size());
        assertEquals("hash:" + generated, admin().passwordHash(), "the first password stays valid");
    }

    @Test
    void aLaterConfiguredPasswordDoesNotOverwriteTheExistingAdministrator() {
        ensureAdmin.execute("admin", Optional.of("first-secret"));

        assertFalse(ensureAdmin.execute("admin", Optional.of("second-secret")).created());
        assertEquals("hash:first-secret", admin().passwordHash());
    }

    @Test
    void resultToStringDoesNotRevealTheGeneratedPassword() {
        EnsureAdminAccount.Result result = ensureAdmin.execute("admin", Optional.empty());

        assertFalse(result.toString().contains(result.generatedPassword().orElseThrow()));
    }
}
