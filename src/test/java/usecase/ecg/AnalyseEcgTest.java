package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.analysis.ZeroCrossingAnalyzer;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.Recordings;

class AnalyseEcgTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final MutableClock clock = new MutableClock();
    private final UUID owner = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    private void submit(Recording recording) {
        ecgs.add(Ecg.submitted(id, owner, recording, clock.instant()));
    }

    @Test
    void storesZeroCrossingsPerLeadAndMarksTheEcgDone() {
        submit(Recordings.of(new int[] {1, -3, 5}, new int[] {5, 0, -4, 23, -9}, new int[] {-1, 0, 45}));
        clock.advance(Duration.ofSeconds(3));

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, clock).execute(id);

        assertEquals(AnalyseEcg.Outcome.ANALYSED, outcome);
        assertEquals(EcgStatus.DONE, ecgs.stored(id).orElseThrow().status());
        ZeroCrossings crossings = ecgs.report(id).orElseThrow().find(ZeroCrossings.class).orElseThrow();
        assertEquals(List.of(
                new ZeroCrossings.LeadCount("I", 2),
                new ZeroCrossings.LeadCount("II", 2),
                new ZeroCrossings.LeadCount("III", 0)), crossings.perLead());
        assertEquals(Instant.parse("2024-03-01T10:00:03Z"), ecgs.analysedAt(id).orElseThrow());
        assertEquals(4, ecgs.findSummary(id, owner).orElseThrow().zeroCrossingsTotal());
    }

    @Test
    void storesOneResultPerGivenAnalyzerInOrder() {
        record Marker(int n) implements AnalysisResult {
        }
        submit(Recordings.of(new int[] {1, -1}));

        new AnalyseEcg(ecgs, clock, List.of((r, e) -> new Marker(1), new ZeroCrossingAnalyzer(), (r, e) -> new Marker(2)))
                .execute(id);

        List<AnalysisResult> results = ecgs.report(id).orElseThrow().results();
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

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, clock, List.of(new ZeroCrossingAnalyzer(), broken))
                .execute(id);

        assertEquals(AnalyseEcg.Outcome.FAILED, outcome);
        assertEquals(EcgStatus.FAILED, ecgs.stored(id).orElseThrow().status());
        assertTrue(ecgs.report(id).isEmpty(), "no partial results are stored");
    }

    @Test
    void dropsResultsComputedFromARevisionThatWasReplacedMeanwhile() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Recording replacement = Recordings.of(new int[] {9, 9, 9, 9});
        Analyzer replacedWhileRunning = (recording, earlier) -> {
            ecgs.replace(id, owner, replacement);
            return new ZeroCrossingAnalyzer().analyse(recording, earlier);
        };

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, clock, List.of(replacedWhileRunning)).execute(id);

        assertEquals(AnalyseEcg.Outcome.SKIPPED, outcome);
        Ecg stored = ecgs.stored(id).orElseThrow();
        assertEquals(EcgStatus.PENDING, stored.status(), "the new revision still waits for its own analysis");
        assertEquals(1, stored.revision());
        assertEquals(replacement, stored.recording());
        assertTrue(ecgs.report(id).isEmpty());
    }

    @Test
    void doesNotMarkANewerRevisionFailedWhenTheAnalysisOfAnOlderOneThrows() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        Analyzer replacedThenBroken = (recording, earlier) -> {
            ecgs.replace(id, owner, Recordings.of(new int[] {2, -2}));
            throw new IllegalStateException("analyzer bug");
        };

        new AnalyseEcg(ecgs, clock, List.of(replacedThenBroken)).execute(id);

        assertEquals(EcgStatus.PENDING, ecgs.stored(id).orElseThrow().status());
    }

    @Test
    void skipsAnEcgThatIsNoLongerPending() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        new AnalyseEcg(ecgs, clock).execute(id);
        AtomicInteger runs = new AtomicInteger();
        Analyzer counting = (recording, earlier) -> {
            runs.incrementAndGet();
            return new ZeroCrossingAnalyzer().analyse(recording, earlier);
        };

        AnalyseEcg.Outcome outcome = new AnalyseEcg(ecgs, clock, List.of(counting)).execute(id);

        assertEquals(AnalyseEcg.Outcome.SKIPPED, outcome);
        assertEquals(0, runs.get(), "a done ECG is not analysed again");
        assertEquals(EcgStatus.DONE, ecgs.stored(id).orElseThrow().status());
    }

    @Test
    void skipsAFailedEcg() {
        submit(Recordings.of(new int[] {1, -3, 5}));
        ecgs.markFailed(id, 0, clock.instant());

        assertEquals(AnalyseEcg.Outcome.SKIPPED, new AnalyseEcg(ecgs, clock).execute(id));
        assertEquals(EcgStatus.FAILED, ecgs.stored(id).orElseThrow().status());
    }

    @Test
    void skipsAnEcgThatNoLongerExists() {
        assertEquals(AnalyseEcg.Outcome.SKIPPED, new AnalyseEcg(ecgs, clock).execute(UUID.randomUUID()));
    }
}
