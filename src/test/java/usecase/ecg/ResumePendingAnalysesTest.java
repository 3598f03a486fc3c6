package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.RecordingAnalysisQueue;
import usecase.fakes.Recordings;

class ResumePendingAnalysesTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingAnalysisQueue queue = new RecordingAnalysisQueue();
    private final MutableClock clock = new MutableClock();
    private final ResumePendingAnalyses resume = new ResumePendingAnalyses(ecgs, queue, clock);

    private EcgKey store() {
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), UUID.randomUUID(), Recordings.of(new int[] {1, -1}), clock.instant());
        ecgs.add(ecg);
        return ecg.key();
    }

    @Test
    void queuesEveryPendingEcgAndReturnsHowMany() {
        EcgKey pending1 = store();
        EcgKey done = store();
        EcgKey pending2 = store();
        EcgKey failed = store();
        new AnalyseEcg(ecgs, new usecase.Transactions(), new MutableClock(), new AnalysisPolicy(3)).execute(done);
        ecgs.markFailed(ecgs.claim(failed, 3, "exhausted", clock.instant()).orElseThrow(), "broken", clock.instant());

        int queued = resume.execute(Duration.ZERO);

        assertEquals(2, queued);
        assertEquals(2, queue.enqueued().size());
        assertEquals(Set.of(pending1, pending2), new HashSet<>(queue.enqueued()));
    }

    @Test
    void periodicRetryLeavesRecentSubmissionsToTheQueue() {
        EcgKey old = store();
        clock.advance(Duration.ofMinutes(2));
        store();

        assertEquals(1, resume.execute(Duration.ofMinutes(1)));
        assertEquals(java.util.List.of(old), queue.enqueued());
    }

    @Test
    void queuesNothingWhenNothingIsPending() {
        assertEquals(0, resume.execute(Duration.ZERO));
        assertTrue(queue.enqueued().isEmpty());
    }
}
