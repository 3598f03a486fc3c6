package adapters.messaging;

import adapters.config.SinusConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import usecase.Transactions;
import usecase.port.PendingAnalyses;
import usecase.startup.PrepareDatabase;

/**
 * The analysis backlog that {@link ChannelAnalysisQueue#admit()} bounds: the number of pending ECGs in the database
 * (shared by every instance), counted every {@code sinus.analysis.backlog-refresh-interval} and counted up by each key
 * sent in between, so a burst cannot overshoot the bound by more than what arrives between two counts. Its own bean,
 * apart from the queue's emitter: the first count runs at start-up, before the messaging channels are connected.
 */
@ApplicationScoped
public class AnalysisBacklog {

    private static final Logger LOG = Logger.getLogger(AnalysisBacklog.class);

    private final PendingAnalyses pending;
    private final Transactions transactions;
    private final PrepareDatabase prepare;
    private final long max;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean stopping;

    AnalysisBacklog(PendingAnalyses pending, Transactions transactions, PrepareDatabase prepare, SinusConfig config,
                    MeterRegistry registry) {
        this.pending = pending;
        this.transactions = transactions;
        this.prepare = prepare;
        this.max = config.analysis().maxBacklog();
        Gauge.builder("sinus.analysis.backlog", count, AtomicLong::get)
                .description("ECGs waiting for their analysis (all instances sharing the database)").register(registry);
    }

    /** At the bound: no more work may be queued. */
    boolean full() {
        return count.get() >= max;
    }

    /** One more ECG was queued. */
    void added() {
        count.incrementAndGet();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${sinus.analysis.backlog-refresh-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        if (stopping || !prepare.isPrepared()) {
            return;
        }
        try {
            count.set(transactions.inNew(pending::countPending));
        } catch (RuntimeException e) {
            LOG.debugf("could not count the analysis backlog: %s", e.getMessage()); // readiness reports the database
        }
    }
}
