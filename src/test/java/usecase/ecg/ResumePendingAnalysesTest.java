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

    private static final AnalysisPolicy POLICY = new AnalysisPolicy(3, java.time.Duration.ofMinutes(5), "this-instance");

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingAnalysisQueue queue = new RecordingAnalysisQueue();
    private final MutableClock clock = new MutableClock();
    private final ResumePendingAnalyses resume = new ResumePendingAnalyses(ecgs, queue, clock, new usecase.Transactions(), POLICY);

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
        new AnalyseEcg(ecgs, new usecase.Transactions(), new MutableClock(), POLICY,
                new usecase.fakes.InMemoryEventLog().recorder(clock)).execute(done);
        ecgs.markFailed(ecgs.claim(failed, POLICY.claimTerms(), clock.instant()).orElseThrow(), "broken", clock.instant());

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

    @Test
    void leavesWhatAnotherInstanceHoldsAClaimOnUntilTheClaimLapses() {
        EcgKey claimed = store();
        EcgKey free = store();
        AnalysisPolicy other = new AnalysisPolicy(3, POLICY.claimTimeout(), "other-instance");
        ecgs.claim(claimed, other.claimTerms(), clock.instant()).orElseThrow();

        assertEquals(1, resume.afterStart(), "a start releases only this instance's own claims");
        assertEquals(java.util.List.of(free), queue.enqueued());

        clock.advance(POLICY.claimTimeout());
        assertEquals(2, resume.execute(Duration.ZERO));
    }

    @Test
    void aStartReleasesWhatThisInstanceClaimedBeforeItStopped() {
        EcgKey interrupted = store();
        ecgs.claim(interrupted, POLICY.claimTerms(), clock.instant()).orElseThrow();
        assertEquals(0, resume.execute(Duration.ZERO), "claimed, so not queued by the periodic retry");

        assertEquals(1, resume.afterStart());
        assertEquals(java.util.List.of(interrupted), queue.enqueued());
        assertEquals(AnalyseEcg.Outcome.ANALYSED, new AnalyseEcg(ecgs, new usecase.Transactions(), clock, POLICY,
                new usecase.fakes.InMemoryEventLog().recorder(clock)).execute(interrupted));
    }
}
