package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.rest.TestAccounts;
import domain.ecg.EcgStatus;
import domain.event.DomainEvent;
import domain.event.LoggedEvent;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import usecase.port.EventLog;

/** The event log on the real database: numbered per owner in commit order, no gaps, every field read back. */
@QuarkusTest
class HibernateEventLogTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00.123456Z"); // events: microseconds
    private static final Instant MEASURED = Instant.parse("2026-12-01T07:59:00.123Z"); // readings: milliseconds

    @Inject
    EventLog log;

    private static UUID newOwner() {
        return UUID.fromString(TestAccounts.newUser("event-log").id());
    }

    @Test
    void everyKindOfEventReadsBackAsItWasWritten() {
        UUID owner = newOwner();
        UUID ecg = UUID.randomUUID();
        List<DomainEvent> events = List.of(new DomainEvent.EcgSubmitted(owner, ecg),
                new DomainEvent.EcgAnalysed(owner, ecg, EcgStatus.DONE, 2273, 75.4, 3),
                DomainEvent.EcgAnalysed.failed(owner, ecg),
                new DomainEvent.HeartRateRecorded(owner, List.of(new Reading(MEASURED, 72, "chest strap", null),
                        new Reading(MEASURED.plusMillis(1), 170, null, Alert.HIGH))),
                new DomainEvent.HeartRateAlertRaised(owner, Alert.LOW, 45, MEASURED),
                new DomainEvent.EcgDeleted(owner, ecg));
        List<LoggedEvent> written = QuarkusTransaction.requiringNew().call(() -> log.append(events, AT));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), written.stream().map(LoggedEvent::id).toList());

        List<LoggedEvent> read = QuarkusTransaction.requiringNew().call(() -> log.after(owner, 0, 100));
        assertEquals(written, read);
        assertEquals(6, QuarkusTransaction.requiringNew().call(() -> log.lastId(owner)));
        assertEquals(read.subList(2, 4), QuarkusTransaction.requiringNew().call(() -> log.after(owner, 2, 2)));
    }

    @Test
    void concurrentTransactionsOfOneOwnerGetConsecutiveIdsAndARollbackGivesItsIdsBack() throws Exception {
        UUID owner = newOwner();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        boolean rollBack = (thread + i) % 5 == 0;
                        try {
                            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                                List<LoggedEvent> logged = log.append(List.of(new DomainEvent.EcgSubmitted(owner,
                                        UUID.randomUUID())), Instant.now());
                                if (rollBack) {
                                    throw new IllegalStateException("rolled back on purpose");
                                }
                                return logged.stream().map(LoggedEvent::id).toList();
                            }));
                        } catch (IllegalStateException expected) {
                            // its id is given back
                        }
                    }
                    return ids;
                }));
            }
            List<Long> committed = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                committed.addAll(result.get());
            }
            Collections.sort(committed);
            assertEquals(LongStream.rangeClosed(1, committed.size()).boxed().toList(), committed, "no gaps, no doubles");
            assertEquals(160, committed.size());
            List<LoggedEvent> stored = QuarkusTransaction.requiringNew().call(() -> log.after(owner, 0, 1000));
            assertEquals(committed, stored.stream().map(LoggedEvent::id).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void eventsOfAnOwnerThatIsGoneAreLeftOutAndOthersAreKept() {
        UUID owner = newOwner();
        List<LoggedEvent> written = QuarkusTransaction.requiringNew().call(() -> log.append(List.of(
                new DomainEvent.EcgDeleted(UUID.randomUUID(), UUID.randomUUID()),
                new DomainEvent.EcgDeleted(owner, UUID.randomUUID())), AT));
        assertEquals(1, written.size());
        assertEquals(owner, written.get(0).event().owner());
    }

    @Test
    void appendingNeedsATransaction() {
        UUID owner = newOwner();
        assertThrows(RuntimeException.class, () -> log.append(List.of(new DomainEvent.EcgDeleted(owner,
                UUID.randomUUID())), AT));
    }

    @Test
    void thePurgeDeletesEventsPastTheCutoffInBatches() {
        UUID owner = newOwner();
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 30; i++) {
                log.append(List.of(new DomainEvent.EcgDeleted(owner, UUID.randomUUID())), old.plusSeconds(i));
            }
            log.append(List.of(new DomainEvent.EcgDeleted(owner, UUID.randomUUID())), Instant.now());
        });
        long first = QuarkusTransaction.requiringNew().call(() -> log.purge(old.plusSeconds(3600), Long.MAX_VALUE / 2, 10));
        assertTrue(first >= 10 && first <= 11, "about one batch: " + first);
        long rest = 0;
        long deleted;
        while ((deleted = QuarkusTransaction.requiringNew().call(() -> log.purge(old.plusSeconds(3600), Long.MAX_VALUE / 2, 10))) > 0) {
            rest += deleted;
        }
        assertEquals(30, first + rest);
        List<LoggedEvent> left = QuarkusTransaction.requiringNew().call(() -> log.after(owner, 0, 100));
        assertEquals(List.of(31L), left.stream().map(LoggedEvent::id).toList());
        assertEquals(31, QuarkusTransaction.requiringNew().call(() -> log.lastId(owner)), "ids are never reused");
    }
}
