package adapters.messaging;

import adapters.config.SinusConfig;
import domain.ecg.EcgKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import usecase.Transactions;
import usecase.port.AnalysisQueue;
import usecase.port.PendingAnalyses;
import usecase.startup.PrepareDatabase;

/**
 * Sends ECG keys on the outgoing channel {@value #REQUESTS}, after the submitting transaction commits;
 * {@link AnalysisWorker} consumes the incoming channel {@value #JOBS}. By default both are joined by
 * {@link InProcessConnector} (queue {@code analysis}); either can be given a broker connector instead.
 * A work queue: each key is meant for one consumer, and when several instances compete,
 * {@link usecase.port.PendingAnalyses#claim} decides which one analyses it. Nothing here must be durable:
 * a key lost (a full buffer, a crash) belongs to an ECG still pending in the database, which the periodic
 * retry and every start-up queue again.
 * <p>
 * The backlog that {@link #admit()} bounds is the number of pending ECGs in the database (shared by every
 * instance), counted every {@code sinus.analysis.backlog-refresh-interval} and counted up by each key sent in
 * between, so a burst cannot overshoot the bound by more than what arrives between two counts.
 */
@ApplicationScoped
public class ChannelAnalysisQueue implements AnalysisQueue {

    static final String REQUESTS = "analysis-requests";
    static final String JOBS = "analysis-jobs";
    private static final Logger LOG = Logger.getLogger(ChannelAnalysisQueue.class);

    private final Emitter<EcgKey> emitter;
    private final AfterCommit afterCommit;
    private final PendingAnalyses pending;
    private final Transactions transactions;
    private final PrepareDatabase prepare;
    private final long maxBacklog;
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean stopping;

    ChannelAnalysisQueue(@Channel(REQUESTS) Emitter<EcgKey> emitter, AfterCommit afterCommit, PendingAnalyses pending,
                         Transactions transactions, PrepareDatabase prepare, SinusConfig config, MeterRegistry registry) {
        Gauge.builder("sinus.analysis.backlog", backlog, AtomicLong::get)
                .description("ECGs waiting for their analysis (all instances sharing the database)").register(registry);
        this.emitter = emitter;
        this.afterCommit = afterCommit;
        this.pending = pending;
        this.transactions = transactions;
        this.prepare = prepare;
        this.maxBacklog = config.analysis().maxBacklog();
    }

    @Override
    public void enqueue(EcgKey key) {
        afterCommit.send(() -> "ECG " + key + " to the analysis (it stays pending and is retried)", () -> {
            backlog.incrementAndGet();
            emitter.send(key);
        });
    }

    @Override
    public void admit() {
        if (backlog.get() >= maxBacklog) {
            throw new Full("Too many ECGs are waiting for their analysis; send this one again shortly.", 1);
        }
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
            backlog.set(transactions.inNew(pending::countPending));
        } catch (RuntimeException e) {
            LOG.debugf("could not count the analysis backlog: %s", e.getMessage()); // readiness reports the database
        }
    }
}
