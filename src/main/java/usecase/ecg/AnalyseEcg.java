package usecase.ecg;

import domain.analysis.AnalysisReport;
import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import domain.analysis.Beats;
import domain.analysis.EcgHeartRate;
import domain.analysis.RhythmFindings;
import domain.ecg.EcgStatus;
import domain.event.DomainEvent;
import usecase.Transactions;
import usecase.events.RecordEvents;
import usecase.port.PendingAnalyses;

/**
 * Runs every analyzer over a pending ECG and stores the report, in three steps of which only the
 * first and the last touch the database, each in its own short transaction: claim an attempt (and
 * read the samples), analyse (CPU only, no transaction open), store the results. The claim keeps other
 * instances sharing the database off this ECG while it lasts, so each ECG is analysed once. Safe to run twice for
 * the same ECG, and safe against a replacement arriving meanwhile: results are only stored for the
 * revision they were computed from. Every attempt is counted before it starts, so a recording that
 * crashes or outlasts the analysis is marked failed after {@link AnalysisPolicy#maxAttempts()} tries.
 */
@ApplicationScoped
public class AnalyseEcg {

    private static final Logger LOG = Logger.getLogger(AnalyseEcg.class.getName());

    private final PendingAnalyses pending;
    private final Transactions transactions;
    private final Clock clock;
    private final List<Analyzer> analyzers;
    private final AnalysisPolicy policy;
    private final RecordEvents events;
    /** Claims of attempts that failed when the database went away, not given back yet. */
    private final java.util.Set<PendingAnalyses.Claim> abandoned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    public AnalyseEcg(PendingAnalyses pending, Transactions transactions, Clock clock, AnalysisPolicy policy,
                      RecordEvents events) {
        this(pending, transactions, clock, policy, events, StandardAnalyzers.all());
    }

    public AnalyseEcg(PendingAnalyses pending, Transactions transactions, Clock clock, AnalysisPolicy policy,
                      RecordEvents events, List<Analyzer> analyzers) {
        this.pending = pending;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
        this.analyzers = List.copyOf(analyzers);
    }

    /** Each analyzer sees the results of those before it. */
    private static AnalysisReport runAll(List<Analyzer> analyzers, Ecg ecg) {
        List<AnalysisResult> results = new ArrayList<>(analyzers.size());
        for (Analyzer analyzer : analyzers) {
            results.add(analyzer.analyse(ecg.recording(), new AnalysisReport(results)));
        }
        return new AnalysisReport(results);
    }

    public enum Outcome { ANALYSED, FAILED, SKIPPED }

    public Outcome execute(EcgKey key) {
        Optional<PendingAnalyses.Claim> claimed = transactions.inNew(() -> pending.claim(key, policy.claimTerms(),
                clock.instant()));
        if (claimed.isEmpty()) {
            return Outcome.SKIPPED;
        }
        PendingAnalyses.Claim claim = claimed.get();
        try {
            return analyse(key, claim);
        } catch (RuntimeException e) {
            // the database went away between the steps: give the claim back, so the retry that follows its return
            // can claim the ECG at once instead of waiting for the claim to lapse
            abandoned.add(claim);
            releaseAbandoned();
            throw e;
        }
    }

    /**
     * Gives back the claims of attempts that failed for want of the database, as far as it is there again; the
     * periodic retry calls this before it looks for pending ECGs.
     */
    public void releaseAbandoned() {
        for (PendingAnalyses.Claim claim : abandoned) {
            try {
                transactions.runInNew(() -> pending.release(claim));
                abandoned.remove(claim);
            } catch (RuntimeException stillAway) {
                return; // kept for the next call
            }
        }
    }

    private Outcome analyse(EcgKey key, PendingAnalyses.Claim claim) {
        Optional<Ecg> found = pending.load(claim);
        if (found.isEmpty()) {
            return Outcome.SKIPPED;
        }
        AnalysisReport report;
        try {
            report = runAll(analyzers, found.get());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A recording that breaks an analyzer is marked failed, not left pending to break it again at every start.
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "analysis of ECG " + key + " failed, reference " + reference, e);
            String reason = "the analysis could not process this recording (reference " + reference + ")";
            return reported(DomainEvent.EcgAnalysed.failed(key.ownerId(), key.id()),
                    () -> pending.markFailed(claim, reason, clock.instant())) ? Outcome.FAILED : Outcome.SKIPPED;
        }
        return store(claim, report) ? Outcome.ANALYSED : Outcome.SKIPPED;
    }

    /** The one small transactional step that stores an analysis, with the event that reports it. */
    private boolean store(PendingAnalyses.Claim claim, AnalysisReport report) {
        return reported(summary(claim.key(), report), () -> pending.saveAnalysis(claim, report, clock.instant()));
    }

    /**
     * Runs {@code write} in a transaction of its own that logs {@code event} first (see {@link RecordEvents}) and is
     * rolled back, event and all, when the write finds the ECG changed or gone.
     */
    private boolean reported(DomainEvent event, java.util.function.BooleanSupplier write) {
        try {
            return transactions.inNew(() -> {
                events.record(event);
                if (!write.getAsBoolean()) {
                    throw NotCurrent.INSTANCE;
                }
                return true;
            });
        } catch (NotCurrent e) {
            return false;
        }
    }

    /** The ECG changed or went away while it was analysed: nothing is stored, nothing reported. */
    private static final class NotCurrent extends RuntimeException {
        static final NotCurrent INSTANCE = new NotCurrent();

        private NotCurrent() {
            super("the ECG changed meanwhile", null, false, false);
        }
    }

    private static DomainEvent.EcgAnalysed summary(EcgKey key, AnalysisReport report) {
        Integer beats = report.find(Beats.class).filter(Beats::available).map(Beats::count).orElse(null);
        Double meanHr = report.find(EcgHeartRate.class).map(EcgHeartRate::meanBpm).orElse(null);
        int findings = report.find(RhythmFindings.class).map(found -> found.findings().size()).orElse(0);
        return new DomainEvent.EcgAnalysed(key.ownerId(), key.id(), EcgStatus.DONE, beats, meanHr, findings);
    }
}
