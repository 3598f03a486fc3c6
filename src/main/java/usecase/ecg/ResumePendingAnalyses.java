package usecase.ecg;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/** Queues again every ECG still pending, e.g. after the service stopped in the middle of its work. */
@ApplicationScoped
public class ResumePendingAnalyses {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;

    public ResumePendingAnalyses(EcgRepository ecgs, AnalysisQueue queue) {
        this.ecgs = ecgs;
        this.queue = queue;
    }

    /** @return how many ECGs were queued */
    public int execute() {
        List<UUID> pending = ecgs.findPendingIds();
        pending.forEach(queue::enqueue);
        return pending.size();
    }
}
