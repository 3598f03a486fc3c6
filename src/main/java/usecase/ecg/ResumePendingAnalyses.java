package usecase.ecg;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/**
 * Queues again the ECGs still pending: at start-up all of them (the previous run stopped in the
 * middle of its work), and periodically those pending for longer than a grace period (an analysis
 * that failed because the database was away). Queuing one twice is harmless: the second analysis
 * finds it done, or loses the race to store its results.
 */
@ApplicationScoped
public class ResumePendingAnalyses {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;
    private final Clock clock;

    public ResumePendingAnalyses(EcgRepository ecgs, AnalysisQueue queue, Clock clock) {
        this.ecgs = ecgs;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @param gracePeriod how long an ECG may have been pending before it is queued again; zero for all
     * @return how many ECGs were queued
     */
    public int execute(Duration gracePeriod) {
        List<UUID> pending = ecgs.findPendingIds(clock.instant().minus(gracePeriod).plusNanos(1));
        pending.forEach(queue::enqueue);
        return pending.size();
    }
}
