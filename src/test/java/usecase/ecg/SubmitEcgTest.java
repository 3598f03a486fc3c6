package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ConflictException;
import domain.InvalidInputException;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import domain.ecg.Signal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import domain.event.DomainEvent;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.InMemoryEventLog;
import usecase.fakes.MutableClock;
import usecase.fakes.RecordingAnalysisQueue;
import usecase.fakes.Recordings;
import usecase.port.AnalysisQueue;

class SubmitEcgTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingAnalysisQueue queue = new RecordingAnalysisQueue();
    private final MutableClock clock = new MutableClock();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final SubmitEcg submitEcg = new SubmitEcg(ecgs, queue, clock, new RecordingLimits(3, 10, 20), events.recorder(clock));

    private final UUID owner = UUID.randomUUID();
    private final Recording recording = Recordings.of(new int[] {1, -3, 5});

    @Test
    void storesAPendingEcgUnderTheClientsIdAndQueuesItsAnalysis() {
        UUID id = UUID.randomUUID();

        SubmitEcg.Result result = submitEcg.execute(new SubmitEcg.Command(owner, id, recording));

        assertEquals(List.of(new DomainEvent.EcgSubmitted(owner, id)), events.published());
        assertEquals(new SubmitEcg.Result(id, EcgStatus.PENDING), result);
        Ecg stored = ecgs.stored(new EcgKey(owner, id)).orElseThrow();
        assertEquals(owner, stored.ownerId());
        assertEquals(recording, stored.recording());
        assertEquals(EcgStatus.PENDING, stored.status());
        assertEquals(MutableClock.START, stored.submittedAt());
        assertEquals(0, stored.revision());
        assertEquals(List.of(new EcgKey(owner, id)), queue.enqueued());
    }

    @Test
    void refusesNewWorkWhileTheAnalysisBacklogIsFullAndStoresNothing() {
        queue.fill();

        AnalysisQueue.Full full = assertThrows(AnalysisQueue.Full.class,
                () -> submitEcg.execute(new SubmitEcg.Command(owner, UUID.randomUUID(), recording)));

        assertEquals(7, full.retryAfterSeconds());
        assertEquals(0, ecgs.countPending());
        assertEquals(List.of(), events.published());
        assertEquals(List.of(), queue.enqueued());
    }

    @Test
    void refusesAnIdTheOwnerHasTakenAndQueuesNothing() {
        UUID id = UUID.randomUUID();
        submitEcg.execute(new SubmitEcg.Command(owner, id, recording));

        Recording second = Recordings.of(new int[] {7, 8});
        assertThrows(ConflictException.class, () -> submitEcg.execute(new SubmitEcg.Command(owner, id, second)));

        assertEquals(List.of(id), queue.enqueuedIds(), "only the first submission is queued");
        assertEquals(recording, ecgs.stored(new EcgKey(owner, id)).orElseThrow().recording());
    }

    @Test
    void anIdAnotherUserHasIsFreeForThisOne() {
        UUID id = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        submitEcg.execute(new SubmitEcg.Command(otherOwner, id, recording));

        Recording mine = Recordings.of(new int[] {7, 8});
        submitEcg.execute(new SubmitEcg.Command(owner, id, mine));

        assertEquals(mine, ecgs.stored(new EcgKey(owner, id)).orElseThrow().recording());
        assertEquals(recording, ecgs.stored(new EcgKey(otherOwner, id)).orElseThrow().recording());
    }

    @Test
    void generatesAnIdWhenTheClientGivesNone() {
        SubmitEcg.Result result = submitEcg.execute(new SubmitEcg.Command(owner, null, recording));

        assertNotNull(result.id());
        assertTrue(ecgs.stored(new EcgKey(owner, result.id())).isPresent());
        assertEquals(List.of(result.id()), queue.enqueuedIds());
    }

    @Test
    void generatesADifferentIdForEverySubmission() {
        UUID first = submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id();
        UUID second = submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id();

        assertTrue(!first.equals(second));
        assertEquals(2, ecgs.size());
    }

    @Test
    void refusesARecordingBeyondTheLimitsAndStoresNothing() {
        Recording tooManyLeads = new Recording(null, 100, List.of(new Lead("I", Signal.of(1)), new Lead("II", Signal.of(1)),
                new Lead("III", Signal.of(1)), new Lead("V1", Signal.of(1))));
        Recording tooLong = Recordings.of(new int[11]);

        assertThrows(InvalidInputException.class, () -> submitEcg.execute(new SubmitEcg.Command(owner, null, tooManyLeads)));
        assertThrows(InvalidInputException.class, () -> submitEcg.execute(new SubmitEcg.Command(owner, null, tooLong)));
        assertEquals(0, ecgs.size());
        assertTrue(queue.enqueued().isEmpty());
    }

    @Test
    void refusesADateTheDatabasesCannotHold() {
        for (String date : List.of("+999999999-12-31T23:59:59Z", "-4713-01-01T00:00:00Z", "1899-12-31T23:59:59Z")) {
            Recording dated = Recordings.of(new int[] {1, 2}).withDate(Instant.parse(date));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> submitEcg.execute(new SubmitEcg.Command(owner, null, dated)), date);
            assertEquals("date", e.violations().get(0).field());
        }
        assertEquals(0, ecgs.size());
    }
}
