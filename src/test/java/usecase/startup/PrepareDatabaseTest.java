package usecase.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.account.ChangePassword;
import usecase.account.CreateUser;
import usecase.account.EnsureAdminAccount;
import usecase.ecg.AnalysisPolicy;
import usecase.ecg.ResumePendingAnalyses;
import usecase.fakes.InMemoryApiTokenRepository;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.InMemoryUserRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.PrefixPasswordHasher;
import usecase.fakes.RecordingAnalysisQueue;

class PrepareDatabaseTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final MutableClock clock = new MutableClock();
    private final PrefixPasswordHasher hasher = new PrefixPasswordHasher();
    private final PrepareDatabase prepare = new PrepareDatabase(() -> { },
            new EnsureAdminAccount(users, new CreateUser(users, hasher, clock),
                    new ChangePassword(users, new InMemoryApiTokenRepository(users), hasher)),
            new ResumePendingAnalyses(new InMemoryEcgRepository(), new RecordingAnalysisQueue(), clock, new Transactions(),
                    new AnalysisPolicy(3, Duration.ofMinutes(5), "this-instance")));

    @Test
    void anInstanceThatLosesTheRaceToCreateTheAdministratorStartsAllTheSame() {
        User createdByTheOther = new User(UUID.randomUUID(), new Username("admin"), "hash:theirs", Role.ADMIN, clock.instant());
        users.addConcurrentlyWithTheNextAdd(createdByTheOther);

        PrepareDatabase.Result result = prepare.execute("admin", Optional.empty(), false);

        assertEquals(EnsureAdminAccount.Outcome.EXISTS, result.admin().outcome());
        assertTrue(result.admin().generatedPassword().isEmpty(), "no password is shown that was never stored");
        assertEquals(createdByTheOther, users.findByUsername(new Username("admin")).orElseThrow());
        assertTrue(prepare.isPrepared());
    }
}
