package adapters.messaging;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import usecase.port.AnalysisQueue;

/**
 * Sends ECG keys on the in-process {@value #CHANNEL} channel. Inside a transaction the key is sent
 * only once the transaction has committed, so the consumer never looks for an ECG that is not
 * visible yet, and a rolled-back submission is never analysed. The database stays the source of
 * truth: what is lost from this in-memory queue in a crash is still pending there, and is queued
 * again at the next start.
 */
@ApplicationScoped
public class InMemoryChannelAnalysisQueue implements AnalysisQueue {

    static final String CHANNEL = "ecg-analysis";

    private final Emitter<EcgKey> emitter;
    private final TransactionSynchronizationRegistry transactions;

    InMemoryChannelAnalysisQueue(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<EcgKey> emitter,
                                 TransactionSynchronizationRegistry transactions) {
        this.emitter = emitter;
        this.transactions = transactions;
    }

    @Override
    public void enqueue(EcgKey key) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            emitter.send(key);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    emitter.send(key);
                }
            }
        });
    }
}
