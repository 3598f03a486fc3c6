package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.analysis.ZeroCrossingAnalyzer;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import domain.event.DomainEvent;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.fakes.InMemoryEventLog;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.Recordings;
import usecase.port.PendingAnalyses;

class AnalyseEcgTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final MutableClock clock = new MutableClock();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final UUID owner = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();
    private final EcgKey key = new EcgKey(owner, id);
    private final AnalysisPolicy policy = new AnalysisPolicy(3, Duration.ofMinutes(5), "this-instance");

    private void submit(Recording recording) {
        ecgs.add(Ecg.submitted(id, owner, recording, clock.instant()));
    }

    @Test
    void storesZeroCrossingsPerLeadAndMarksTheEcgDone() {
        submit(Recordings.of(new int[] {1, -3, 5}, new int[] {5, 0, -4, 23, -9}, new int[] {-1, 0, 45}));
        clock.advance(Duration.ofSeconds(3));

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key);

        assertEquals(AnalyseEcg.Outcome.ANALYSED, outcome);
        assertEquals(EcgStatus.DONE, ecgs.stored(key).orElseThrow().status());
        ZeroCrossings crossings = ecgs.report(key).orElseThrow().find(ZeroCrossings.class).orElseThrow();
        assertEquals(List.of(
                new ZeroCrossings.LeadCount("I", 2),
                new ZeroCrossings.LeadCount("II", 2),
                new ZeroCrossings.LeadCount("III", 0)), crossings.perLead());
        assertEquals(Instant.parse("2024-03-01T10:00:03Z"), ecgs.analysedAt(key).orElseThrow());
        assertEquals(4, ecgs.findSummary(key).orElseThrow().zeroCrossingsTotal());
        // three leads of a few samples: no beats, so no heart rate and no findings
        assertEquals(List.of(new DomainEvent.EcgAnalysed(owner, id, EcgStatus.DONE, 0, null, 0)), events.published());
    }

    @Test
    void storesOneResultPerGivenAnalyzerInOrder() {
        record Marker(int n) implements AnalysisResult {
        }
        submit(Recordings.of(new int[] {1, -1}));

        new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of((r, e) -> new Marker(1), new ZeroCrossingAnalyzer(), (r, e) -> new Marker(2)))
                .execute(key);

        List<AnalysisResult> results = ecgs.report(key).orElseThrow().results();
        assertEquals(3, results.size());
        assertEquals(new Marker(1), results.get(0));
        assertTrue(results.get(1) instanceof ZeroCrossings);
        assertEquals(new Marker(2), results.get(2));
    }

    @Test
    void marksTheEcgFailedWhenAnAnalyzerThrows() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Analyzer broken = (recording, earlier) -> {
            throw new IllegalStateException("analyzer bug");
        };

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of(new ZeroCrossingAnalyzer(), broken))
                .execute(key);

        assertEquals(AnalyseEcg.Outcome.FAILED, outcome);
        assertEquals(EcgStatus.FAILED, ecgs.stored(key).orElseThrow().status());
        assertTrue(ecgs.report(key).isEmpty(), "no partial results are stored");
    }

    @Test
    void dropsResultsComputedFromARevisionThatWasReplacedMeanwhile() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Recording replacement = Recordings.of(new int[] {9, 9, 9, 9});
        Analyzer replacedWhileRunning = (recording, earlier) -> {
            ecgs.replace(key, replacement);
            return new ZeroCrossingAnalyzer().analyse(recording, earlier);
        };

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of(replacedWhileRunning)).execute(key);

        assertEquals(AnalyseEcg.Outcome.SKIPPED, outcome);
        Ecg stored = ecgs.stored(key).orElseThrow();
        assertEquals(EcgStatus.PENDING, stored.status(), "the new revision still waits for its own analysis");
        assertEquals(1, stored.revision());
        assertEquals(replacement, stored.recording());
        assertTrue(ecgs.report(key).isEmpty());
    }

    @Test
    void doesNotMarkANewerRevisionFailedWhenTheAnalysisOfAnOlderOneThrows() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Analyzer replacedThenBroken = (recording, earlier) -> {
            ecgs.replace(key, Recordings.of(new int[] {2, -2}));
            throw new IllegalStateException("analyzer bug");
        };

        new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of(replacedThenBroken)).execute(key);

        assertEquals(EcgStatus.PENDING, ecgs.stored(key).orElseThrow().status());
    }

    @Test
    void skipsAnEcgThatIsNoLongerPending() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key);
        AtomicInteger runs = new AtomicInteger();
        Analyzer counting = (recording, earlier) -> {
            runs.incrementAndGet();
            return new ZeroCrossingAnalyzer().analyse(recording, earlier);
        };

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of(counting)).execute(key);

        assertEquals(AnalyseEcg.Outcome.SKIPPED, outcome);
        assertEquals(0, runs.get(), "a done ECG is not analysed again");
        assertEquals(EcgStatus.DONE, ecgs.stored(key).orElseThrow().status());
    }

    @Test
    void skipsAFailedEcg() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        ecgs.markFailed(ecgs.claim(key, policy.claimTerms(), clock.instant()).orElseThrow(), "broken", clock.instant());

        assertEquals(AnalyseEcg.Outcome.SKIPPED, new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key));
        assertEquals(EcgStatus.FAILED, ecgs.stored(key).orElseThrow().status());
    }

    @Test
    void skipsAnEcgThatNoLongerExists() {
        assertEquals(AnalyseEcg.Outcome.SKIPPED, new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(new EcgKey(owner, UUID.randomUUID())));
    }

    @Test
    void countsEveryAttemptAndFailsARecordingWhoseAnalysisNeverCompletes() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        // Attempts that crashed the process (or could not store their results) never got to finish: claim
        // them the way the worker does, and leave them unfinished.
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(attempt, ecgs.claim(key, policy.claimTerms(), clock.instant()).orElseThrow().attempt());
            clock.advance(policy.claimTimeout()); // the crashed attempt's claim lapses
        }

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key);

        assertEquals(AnalyseEcg.Outcome.SKIPPED, outcome);
        assertEquals(EcgStatus.FAILED, ecgs.stored(key).orElseThrow().status());
        assertTrue(ecgs.findSummary(key).orElseThrow().failureReason().contains("3 attempts"));
    }

    @Test
    void aFailedAnalysisSaysWhyWithoutInternals() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Analyzer broken = (recording, earlier) -> {
            throw new IllegalStateException("analyzer bug in domain.analysis.Secret");
        };

        new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock), List.of(broken)).execute(key);

        String reason = ecgs.findSummary(key).orElseThrow().failureReason();
        assertTrue(reason.startsWith("the analysis could not process this recording"), reason);
        assertTrue(!reason.contains("domain.") && !reason.contains("Exception"), reason);
    }

    @Test
    void aReplacementStartsCountingAttemptsAfresh() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        ecgs.claim(key, policy.claimTerms(), clock.instant());
        clock.advance(policy.claimTimeout());
        ecgs.claim(key, policy.claimTerms(), clock.instant());

        ecgs.replace(key, Recordings.of(new int[] {2, -2}));

        assertEquals(AnalyseEcg.Outcome.ANALYSED, new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key));
        assertEquals(1, ecgs.attempts(key));
    }

    @Test
    void anEcgClaimedByAnotherInstanceIsLeftToItUntilItsClaimLapses() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        AnalysisPolicy other = new AnalysisPolicy(3, policy.claimTimeout(), "other-instance");
        PendingAnalyses.Claim theirs = ecgs.claim(key, other.claimTerms(), clock.instant()).orElseThrow();
        AnalyseEcg here = new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock));

        clock.advance(policy.claimTimeout().minusSeconds(1));
        assertEquals(AnalyseEcg.Outcome.SKIPPED, here.execute(key), "the other instance is analysing it");
        assertEquals(1, ecgs.attempts(key), "a refused claim counts no attempt");

        clock.advance(Duration.ofSeconds(1)); // the other instance stopped without finishing
        assertEquals(AnalyseEcg.Outcome.ANALYSED, here.execute(key));
        assertEquals(2, ecgs.attempts(key));
        assertEquals(false, ecgs.saveAnalysis(theirs, new domain.analysis.AnalysisReport(List.of()), clock.instant()),
                "a lapsed claim can no longer store results over the ones stored since");
    }

    @Test
    void aFinishedAttemptEndsItsClaim() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key);

        ecgs.replace(key, Recordings.of(new int[] {2, -2}));

        assertEquals(AnalyseEcg.Outcome.ANALYSED, new AnalyseEcg(ecgs, new Transactions(), clock, policy, events.recorder(clock)).execute(key),
                "the replacement is analysed at once, not after the earlier claim's timeout");
    }

    /** Transactions of a database that goes away after the first one and comes back when told. */
    private static final class FlakyTransactions extends Transactions {
        int started;
        boolean down;

        @Override
        public <T> T inNew(java.util.function.Supplier<T> work) {
            if (++started > 1) {
                down = true;
            }
            if (down) {
                throw new IllegalStateException("the database is away");
            }
            return work.get();
        }

        @Override
        public void runInNew(Runnable work) {
            if (down) {
                throw new IllegalStateException("the database is away");
            }
            work.run();
        }
    }

    @Test
    void anAttemptThatLosesTheDatabaseGivesItsClaimBackOnceTheDatabaseIsThere() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        FlakyTransactions transactions = new FlakyTransactions();
        AnalyseEcg analyse = new AnalyseEcg(ecgs, transactions, clock, policy, events.recorder(clock));

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> analyse.execute(key));
        assertTrue(ecgs.claim(key, policy.claimTerms(), clock.instant()).isEmpty(),
                "the claim is still held while the database is away");

        analyse.releaseAbandoned(); // still away: kept
        assertTrue(ecgs.claim(key, policy.claimTerms(), clock.instant()).isEmpty());
        transactions.down = false;
        analyse.releaseAbandoned();

        PendingAnalyses.Claim again = ecgs.claim(key, policy.claimTerms(), clock.instant()).orElseThrow(() ->
                new AssertionError("claimable at once, not only when the claim lapses"));
        assertEquals(2, again.attempt(), "the failed attempt stays counted");
    }
}
