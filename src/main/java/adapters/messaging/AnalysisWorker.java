package adapters.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import usecase.ecg.AnalyseEcg;
import usecase.ecg.ResumePendingAnalyses;

/**
 * Consumes the analysis channel on a bounded worker pool ({@code sinus-analysis}), and at start-up
 * queues again whatever the previous run left pending.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private final AnalyseEcg analyseEcg;
    private final ResumePendingAnalyses resumePending;

    AnalysisWorker(AnalyseEcg analyseEcg, ResumePendingAnalyses resumePending) {
        this.analyseEcg = analyseEcg;
        this.resumePending = resumePending;
    }

    @Incoming(InMemoryChannelAnalysisQueue.CHANNEL)
    @Blocking(value = "sinus-analysis", ordered = false)
    public void analyse(UUID ecgId) {
        try {
            analyseEcg.execute(ecgId);
        } catch (RuntimeException e) {
            // Never let one failure cancel the stream; the ECG stays pending and is retried at the next start.
            LOG.errorf(e, "could not analyse ECG %s; it stays pending", ecgId);
        }
    }

    void resumeAtStartup(@Observes StartupEvent event) {
        int resumed = resumePending.execute();
        if (resumed > 0) {
            LOG.infof("resumed the analysis of %d pending ECG(s)", resumed);
        }
    }
}
