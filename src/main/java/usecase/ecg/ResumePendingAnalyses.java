package usecase.ecg;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import usecase.port.AnalysisQueue;
import usecase.port.PendingAnalyses;

/**
 * Queues again the ECGs still pending: at start-up all of them (the previous run stopped in the
 * middle of its work), and periodically those pending for longer than a grace period (an analysis
 * that failed because the database was away). Queuing one twice is harmless: the second analysis
 * finds it done, or loses the race to store its results; and every attempt is counted, so a recording
 * that keeps breaking the analysis ends failed instead of being queued forever.
 */
@ApplicationScoped
public class ResumePendingAnalyses {

    private final PendingAnalyses pending;
    private final AnalysisQueue queue;
    private final Clock clock;

    public ResumePendingAnalyses(PendingAnalyses pending, AnalysisQueue queue, Clock clock) {
        this.pending = pending;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @param gracePeriod how long an ECG may have been pending before it is queued again; zero for all
     * @return how many ECGs were queued
     */
    public int execute(Duration gracePeriod) {
        List<EcgKey> keys = pending.findPending(clock.instant().minus(gracePeriod).plusNanos(1));
        keys.forEach(queue::enqueue);
        return keys.size();
    }
}
