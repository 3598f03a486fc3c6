package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ConflictException;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.Recording;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.RecordingAnalysisQueue;
import usecase.fakes.Recordings;

class SubmitEcgTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingAnalysisQueue queue = new RecordingAnalysisQueue();
    private final MutableClock clock = new MutableClock();
    private final SubmitEcg submitEcg = new SubmitEcg(ecgs, queue, clock);

    private final UUID owner = UUID.randomUUID();
    private final Recording recording = Recordings.of(new int[] {1, -3, 5});

    @Test
    void storesAPendingEcgUnderTheClientsIdAndQueuesItsAnalysis() {
        UUID id = UUID.randomUUID();

        SubmitEcg.Result result = submitEcg.execute(new SubmitEcg.Command(owner, id, recording));

        assertEquals(new SubmitEcg.Result(id, EcgStatus.PENDING), result);
        Ecg stored = ecgs.stored(id).orElseThrow();
        assertEquals(owner, stored.ownerId());
        assertEquals(recording, stored.recording());
        assertEquals(EcgStatus.PENDING, stored.status());
        assertEquals(MutableClock.START, stored.submittedAt());
        assertEquals(0, stored.revision());
        assertEquals(List.of(id), queue.enqueued());
    }

    @Test
    void refusesAnIdThatIsTakenAndQueuesNothing() {
        UUID id = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        submitEcg.execute(new SubmitEcg.Command(otherOwner, id, recording));

        Recording second = Recordings.of(new int[] {7, 8});
        assertThrows(ConflictException.class, () -> submitEcg.execute(new SubmitEcg.Command(owner, id, second)));

        assertEquals(List.of(id), queue.enqueued(), "only the first submission is queued");
        assertEquals(otherOwner, ecgs.stored(id).orElseThrow().ownerId());
        assertEquals(recording, ecgs.stored(id).orElseThrow().recording());
    }

    @Test
    void generatesAnIdWhenTheClientGivesNone() {
        SubmitEcg.Result result = submitEcg.execute(new SubmitEcg.Command(owner, null, recording));

        assertNotNull(result.id());
        assertTrue(ecgs.exists(result.id()));
        assertEquals(List.of(result.id()), queue.enqueued());
    }

    @Test
    void generatesADifferentIdForEverySubmission() {
        UUID first = submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id();
        UUID second = submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id();

        assertTrue(!first.equals(second));
        assertEquals(2, ecgs.size());
    }
}
