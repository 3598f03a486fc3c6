package adapters.messaging;

import adapters.config.SinusConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import domain.ecg.EcgKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import usecase.startup.PrepareDatabase;
import usecase.ecg.AnalyseEcg;
import usecase.ecg.ResumePendingAnalyses;

/**
 * Consumes the analysis channel on a bounded worker pool ({@code sinus-analysis}), and every
 * {@code sinus.analysis.retry-interval} queues again whatever has been pending longer than that
 * (e.g. an analysis that failed while the database was away). Start-up resumption is part of
 * {@link usecase.startup.PrepareDatabase}.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);

    private final AnalyseEcg analyseEcg;
    private final ResumePendingAnalyses resumePending;
    private final PrepareDatabase prepare;
    private final Duration retryInterval;
    private volatile boolean stopping;
    private final Timer duration;
    /** {@code sinus_analyses_total{outcome}}: analysed, failed (the ECG is marked failed), skipped (nothing to do)... */
    private final Map<AnalyseEcg.Outcome, Counter> outcomes = new EnumMap<>(AnalyseEcg.Outcome.class);
    /** ...and error (it threw: the ECG stays pending and is retried). Every series exists from the start, at 0. */
    private final Counter errors;

    AnalysisWorker(AnalyseEcg analyseEcg, ResumePendingAnalyses resumePending, PrepareDatabase prepare,
                   SinusConfig config, MeterRegistry registry) {
        this.duration = Timer.builder("sinus.analysis.duration")
                .description("Time from claiming an ECG to storing its results or its failure")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        for (AnalyseEcg.Outcome outcome : AnalyseEcg.Outcome.values()) {
            outcomes.put(outcome, outcomes(registry, outcome.name().toLowerCase()));
        }
        this.errors = outcomes(registry, "error");
        this.analyseEcg = analyseEcg;
        this.resumePending = resumePending;
        this.prepare = prepare;
        this.retryInterval = config.analysis().retryInterval();
    }

    @Incoming(ChannelAnalysisQueue.JOBS)
    @Blocking(value = "sinus-analysis", ordered = false)
    public void analyse(EcgKey key) {
        if (stopping) {
            return; // the service is stopping: the ECG stays pending, and the next start resumes it
        }
        long start = System.nanoTime();
        try {
            AnalyseEcg.Outcome outcome = analyseEcg.execute(key);
            if (outcome != AnalyseEcg.Outcome.SKIPPED) {
                duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            outcomes.get(outcome).increment();
        } catch (RuntimeException e) {
            if (stopping) {
                // the stop closed the database under this analysis: handed back, not failed (its attempt stays
                // counted, as for a crash; the claim is released at the next start, which analyses it again)
                LOG.infof("the analysis of ECG %s was cut off by the stop; it stays pending and resumes at the next start", key);
                return;
            }
            errors.increment();
            // Never let one failure cancel the stream. The ECG stays pending, its claim is given back, and
            // retryStalled queues it again; the attempt was counted, so one that keeps failing ends failed.
            LOG.errorf(e, "could not analyse ECG %s; it stays pending", key);
        }
    }

    private static Counter outcomes(MeterRegistry registry, String outcome) {
        return Counter.builder("sinus.analyses").description("Analysis attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** A retry already triggered must not run into the beans being destroyed. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** From the start of a graceful shutdown no new analysis starts: those already running finish or are handed back. */
    void onShutdownBegins(@Observes @Priority(1000) ShutdownDelayInitiatedEvent event) { // before the drain (2000)
        stopping = true;
    }

    @Scheduled(every = "${sinus.analysis.retry-interval}", delayed = "${sinus.analysis.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryStalled() {
        if (stopping || !prepare.isPrepared()) {
            return; // the start-up resumes every pending analysis once the database is there
        }
        try {
            analyseEcg.releaseAbandoned();
            int retried = resumePending.execute(retryInterval);
            if (retried > 0) {
                LOG.infof("queued %d ECG(s) pending for over %s again", retried, retryInterval);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for stalled analyses (%s); trying again in %s", e.getMessage(), retryInterval);
        }
    }
}
