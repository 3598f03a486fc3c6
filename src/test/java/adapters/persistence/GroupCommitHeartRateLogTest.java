package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import adapters.rest.TestAccounts;
import domain.ConflictException;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import usecase.PageRequest;
import usecase.port.HeartRateLog;

/** The group-committed log on the real database: blocks read back exactly, and one bad append spoils no other. */
@QuarkusTest
class GroupCommitHeartRateLogTest {

    @Inject
    HeartRateLog log;

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void readingsComeBackInTimeOrderAcrossBlocksWithEverythingStored() {
        UUID owner = UUID.fromString(TestAccounts.newUser("log-blocks").id());
        List<Reading> readings = new ArrayList<>();
        // three hours at one reading per second, sent newest first, with devices and alerts: several blocks
        for (int i = 3 * 3600 - 1; i >= 0; i--) {
            readings.add(new Reading(T0.plusSeconds(i), 40 + i % 141, i % 2 == 0 ? "strap" : null,
                    i % 3 == 0 ? Alert.HIGH : i % 3 == 1 ? Alert.LOW : null));
        }
        for (int first = 0; first < readings.size(); first += 2000) {
            log.append(owner, readings.subList(first, Math.min(readings.size(), first + 2000)), List.of()).toCompletableFuture().join();
        }
        assertEquals(3 * 3600, log.count(owner, T0, T0.plusSeconds(3 * 3600)));
        assertEquals(1800, log.count(owner, T0.plusSeconds(1800), T0.plusSeconds(3600)));
        List<Reading> page = log.page(owner, T0.plusSeconds(3599), T0.plusSeconds(7200), new PageRequest(0, 3));
        assertEquals(List.of(new Reading(T0.plusSeconds(3599), 40 + 3599 % 141, null, null),
                new Reading(T0.plusSeconds(3600), 40 + 3600 % 141, "strap", Alert.HIGH),
                new Reading(T0.plusSeconds(3601), 40 + 3601 % 141, null, Alert.LOW)), page);
        assertEquals(T0.plusSeconds(3 * 3600 - 1), log.latest(owner, 5).get(0).time());
        assertEquals(5, log.latest(owner, 5).size());
        HeartRateLog.Stats stats = log.stats(owner, T0, T0.plusSeconds(141));
        assertEquals(141, stats.count());
        assertEquals(40, stats.min());
        assertEquals(180, stats.max());
        assertEquals(Alert.HIGH, stats.worstAlert());
        long[] previous = {Long.MIN_VALUE};
        int[] seen = {0};
        log.forEach(owner, T0, T0.plusSeconds(3 * 3600), (millis, bpm) -> {
            assertEquals(true, millis > previous[0]);
            previous[0] = millis;
            seen[0]++;
        });
        assertEquals(3 * 3600, seen[0]);
    }

    @Test
    void anAppendForAnAccountThatIsGoneFailsAloneAsAConflict() {
        UUID owner = UUID.fromString(TestAccounts.newUser("log-alone").id());
        List<CompletableFuture<Void>> good = new ArrayList<>();
        CompletableFuture<Void> orphan = null;
        for (int i = 0; i < 20; i++) { // in flight together, so some share a commit with the orphan
            good.add(log.append(owner, List.of(new Reading(T0.plusSeconds(i), 70, null, null)), List.of()).toCompletableFuture());
            if (i == 10) {
                orphan = log.append(UUID.randomUUID(), List.of(new Reading(T0, 70, null, null)), List.of()).toCompletableFuture();
            }
        }
        good.forEach(CompletableFuture::join);
        CompletionException failure = assertThrows(CompletionException.class, orphan::join);
        assertInstanceOf(ConflictException.class, failure.getCause());
        assertEquals(20, log.count(owner, T0, T0.plusSeconds(20)));
    }
}
