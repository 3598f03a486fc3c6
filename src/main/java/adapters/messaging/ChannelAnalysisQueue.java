package adapters.messaging;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import usecase.port.AnalysisQueue;

/**
 * Sends ECG keys on the outgoing channel {@value #REQUESTS}, after the submitting transaction commits;
 * {@link AnalysisWorker} consumes the incoming channel {@value #JOBS}. By default both are joined by
 * {@link InProcessConnector} (queue {@code analysis}); either can be given a broker connector instead.
 * A work queue: each key is meant for one consumer, and when several instances compete,
 * {@link usecase.port.PendingAnalyses#claim} decides which one analyses it. Nothing here must be durable:
 * a key lost (a full buffer, a crash) belongs to an ECG still pending in the database, which the periodic
 * retry and every start-up queue again.
 * <p>
 * {@link #admit()} bounds the {@link AnalysisBacklog}.
 */
@ApplicationScoped
public class ChannelAnalysisQueue implements AnalysisQueue {

    static final String REQUESTS = "analysis-requests";
    static final String JOBS = "analysis-jobs";

    private final Emitter<EcgKey> emitter;
    private final AfterCommit afterCommit;
    private final AnalysisBacklog backlog;

    ChannelAnalysisQueue(@Channel(REQUESTS) Emitter<EcgKey> emitter, AfterCommit afterCommit, AnalysisBacklog backlog) {
        this.emitter = emitter;
        this.afterCommit = afterCommit;
        this.backlog = backlog;
    }

    @Override
    public void enqueue(EcgKey key) {
        afterCommit.send(() -> "ECG " + key + " to the analysis (it stays pending and is retried)", () -> {
            backlog.added();
            emitter.send(key);
        });
    }

    @Override
    public void admit() {
        if (backlog.full()) {
            throw new Full("Too many ECGs are waiting for their analysis; send this one again shortly.", 1);
        }
    }
}
