package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import usecase.Transactions;
import usecase.port.ApiTokenRepository;
import usecase.port.EcgRepository;
import usecase.port.PendingAnalyses;
import usecase.port.StoredEcg;
import usecase.port.UserRepository;

/**
 * Transactions belong to use cases: every repository write requires the caller's transaction, so a use case
 * that forgets its boundary fails at once instead of committing each write on its own. Nothing is stored.
 */
@QuarkusTest
class RepositoryWritesNeedATransactionTest {

    @Inject
    UserRepository users;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    EcgRepository ecgs;

    @Inject
    PendingAnalyses pending;

    @Inject
    Transactions transactions;

    @Test
    void everyWriteOutsideATransactionFailsAndStoresNothing() {
        Instant now = Instant.now();
        User user = new User(UUID.randomUUID(), new Username("no-tx-" + UUID.randomUUID().toString().substring(0, 8)),
                "$2a$10$" + "x".repeat(53), Role.USER, now);
        ApiToken token = new ApiToken(UUID.randomUUID(), user.id(), "t", "a".repeat(64), now, now.plusSeconds(3600));
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), user.id(),
                new Recording(null, 250, List.of(new Lead("II", Signal.of(1, -1)))), now);
        PendingAnalyses.Claim claim = new PendingAnalyses.Claim(ecg.key(), 0, 1);

        List<Executable> writes = List.of(
                () -> users.add(user), () -> users.updatePasswordHash(user.id(), user.passwordHash()),
                () -> users.delete(user.id()),
                () -> tokens.add(token), () -> tokens.delete(token.id(), user.id()), () -> tokens.deleteAllOf(user.id()),
                () -> ecgs.add(ecg), () -> ecgs.replace(ecg.key(), ecg.recording()), () -> ecgs.delete(ecg.key()),
                () -> ecgs.restore(new StoredEcg(ecg, null, null)),
                () -> pending.claim(ecg.key(), new PendingAnalyses.ClaimTerms("test-instance", java.time.Duration.ofMinutes(5), 3, "unused"), now),
                () -> pending.releaseClaims("test-instance"),
                () -> pending.saveAnalysis(claim, new AnalysisReport(List.of()), now),
                () -> pending.markFailed(claim, "unused", now));
        for (Executable write : writes) {
            assertThrows(TransactionalException.class, write);
        }

        assertTrue(users.findById(user.id()).isEmpty());
        assertTrue(ecgs.findSummary(ecg.key()).isEmpty());
        // Inside a use case's transaction the same write goes through.
        assertEquals(true, transactions.inNew(() -> users.add(user)));
        assertTrue(users.findById(user.id()).isPresent());
        transactions.runInNew(() -> users.delete(user.id()));
    }
}
