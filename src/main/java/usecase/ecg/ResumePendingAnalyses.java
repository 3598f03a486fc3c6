package usecase.ecg;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import usecase.Transactions;
import usecase.port.AnalysisQueue;
import usecase.port.PendingAnalyses;

/**
 * Queues again the ECGs still pending and not claimed: at start-up all of them (the previous run stopped in
 * the middle of its work), and periodically those pending for longer than a grace period (an analysis
 * that failed because the database was away). Queuing one twice is harmless: the second analysis
 * finds it done, or loses the race to store its results; and every attempt is counted, so a recording
 * that keeps breaking the analysis ends failed instead of being queued forever.
 */
@ApplicationScoped
public class ResumePendingAnalyses {

    private final PendingAnalyses pending;
    private final AnalysisQueue queue;
    private final Clock clock;
    private final Transactions transactions;
    private final AnalysisPolicy policy;

    public ResumePendingAnalyses(PendingAnalyses pending, AnalysisQueue queue, Clock clock, Transactions transactions,
                                 AnalysisPolicy policy) {
        this.pending = pending;
        this.queue = queue;
        this.clock = clock;
        this.transactions = transactions;
        this.policy = policy;
    }

    /**
     * At start-up: what this instance claimed before it stopped is not being worked on any more, so its claims
     * are released and everything pending is queued (what another instance holds a live claim on stays its own).
     *
     * @return how many ECGs were queued
     */
    public int afterStart() {
        transactions.runInNew(() -> pending.releaseClaims(policy.instance()));
        return execute(Duration.ZERO);
    }

    /**
     * @param gracePeriod how long an ECG may have been pending before it is queued again; zero for all
     * @return how many ECGs were queued
     */
    public int execute(Duration gracePeriod) {
        Instant now = clock.instant();
        List<EcgKey> keys = pending.findPending(now.minus(gracePeriod).plusNanos(1), now);
        keys.forEach(queue::enqueue);
        return keys.size();
    }
}
