package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.NotFoundException;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.RecordingLimits;
import usecase.port.EcgSummary;
import domain.ecg.Recording;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import usecase.PageRequest;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.RecordingAnalysisQueue;
import usecase.fakes.Recordings;

/** Get, replace, delete and list, seen by the owner and by somebody else. */
class EcgOwnershipTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingAnalysisQueue queue = new RecordingAnalysisQueue();
    private final MutableClock clock = new MutableClock();
    private final usecase.fakes.InMemoryEventLog events = new usecase.fakes.InMemoryEventLog();

    private final GetEcg getEcg = new GetEcg(ecgs);
    private final RecordingLimits limits = new RecordingLimits(12, 1000, 10_000);
    private final ReplaceEcg replaceEcg = new ReplaceEcg(ecgs, queue, limits, events.recorder(clock));
    private final DeleteEcg deleteEcg = new DeleteEcg(ecgs, events.recorder(clock));
    private final ListEcgs listEcgs = new ListEcgs(ecgs);

    private final UUID alice = UUID.randomUUID();
    private final UUID mallory = UUID.randomUUID();
    private final Recording original = Recordings.of(new int[] {1, -3, 5});
    private final Recording replacement = Recordings.of(new int[] {4, 4}, new int[] {-1, 1});
    private UUID alicesEcg;

    @BeforeEach
    void aliceSubmitsAnEcg() {
        alicesEcg = new SubmitEcg(ecgs, queue, clock, limits, events.recorder(clock)).execute(new SubmitEcg.Command(alice, null, original)).id();
    }

    @Test
    void ownerGetsTheirEcg() {
        EcgSummary summary = getEcg.execute(new EcgKey(alice, alicesEcg));

        assertEquals(alicesEcg, summary.id());
        assertEquals(EcgStatus.PENDING, summary.status());
    }

    @Test
    void userCannotSeeAnotherUsersEcg() {
        assertThrows(NotFoundException.class, () -> getEcg.execute(new EcgKey(mallory, alicesEcg)));
    }

    @Test
    void userCannotReplaceAnotherUsersEcg() {
        assertThrows(NotFoundException.class,
                () -> replaceEcg.execute(new ReplaceEcg.Command(new EcgKey(mallory, alicesEcg), replacement)));

        assertEquals(original, ecgs.stored(new EcgKey(alice, alicesEcg)).orElseThrow().recording());
        assertEquals(List.of(alicesEcg), queue.enqueuedIds(), "nothing is queued again");
    }

    @Test
    void userCannotDeleteAnotherUsersEcg() {
        assertThrows(NotFoundException.class, () -> deleteEcg.execute(new EcgKey(mallory, alicesEcg)));

        assertTrue(ecgs.stored(new EcgKey(alice, alicesEcg)).isPresent());
        // (that its event is never announced takes the rollback of a real transaction: EventsApiTest)
    }

    @Test
    void anotherUsersEcgLooksExactlyLikeAMissingOne() {
        String asStranger = assertThrows(NotFoundException.class, () -> getEcg.execute(new EcgKey(mallory, alicesEcg))).getMessage();
        deleteEcg.execute(new EcgKey(alice, alicesEcg));
        String whenMissing = assertThrows(NotFoundException.class, () -> getEcg.execute(new EcgKey(alice, alicesEcg))).getMessage();

        assertEquals(whenMissing, asStranger);
    }

    @Test
    void ownerReplacesTheRecordingWhichIsAnalysedAgain() {
        new AnalyseEcg(ecgs, new usecase.Transactions(), clock, new AnalysisPolicy(3, java.time.Duration.ofMinutes(5), "this-instance"), events.recorder(clock)).execute(new EcgKey(alice, alicesEcg));

        replaceEcg.execute(new ReplaceEcg.Command(new EcgKey(alice, alicesEcg), replacement));

        assertEquals(replacement, ecgs.stored(new EcgKey(alice, alicesEcg)).orElseThrow().recording());
        assertEquals(EcgStatus.PENDING, ecgs.stored(new EcgKey(alice, alicesEcg)).orElseThrow().status());
        assertEquals(List.of(alicesEcg, alicesEcg), queue.enqueuedIds());
    }

    @Test
    void replacingAMissingEcgIsNotFoundAndQueuesNothing() {
        UUID missing = UUID.randomUUID();

        assertThrows(NotFoundException.class,
                () -> replaceEcg.execute(new ReplaceEcg.Command(new EcgKey(alice, missing), replacement)));
        assertFalse(queue.enqueuedIds().contains(missing));
    }

    @Test
    void ownerDeletesTheirEcg() {
        deleteEcg.execute(new EcgKey(alice, alicesEcg));

        assertFalse(ecgs.stored(new EcgKey(alice, alicesEcg)).isPresent());
        assertEquals(List.of(new domain.event.DomainEvent.EcgSubmitted(alice, alicesEcg),
                new domain.event.DomainEvent.EcgDeleted(alice, alicesEcg)), events.published());
        assertThrows(NotFoundException.class, () -> deleteEcg.execute(new EcgKey(alice, alicesEcg)));
    }

    @Test
    void listShowsOnlyTheCallersOwnEcgs() {
        assertEquals(List.of(alicesEcg),
                listEcgs.execute(alice, new PageRequest(0, 10)).items().stream().map(EcgSummary::id).toList());
        assertTrue(listEcgs.execute(mallory, new PageRequest(0, 10)).items().isEmpty());
    }
}
