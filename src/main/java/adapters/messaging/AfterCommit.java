package adapters.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a send once the current transaction has committed, and never if it rolls back, so a consumer
 * never looks for a row that is not visible yet and nothing is announced that did not happen. Outside
 * a transaction the send runs at once. A send that fails is logged, never thrown into the committing
 * caller: what it announced is already committed, and the database stays the record of it.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** @param what names the send in the log, should it fail (built only then) */
    public void send(Supplier<String> what, Runnable send) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            run(what, send);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    run(what, send);
                }
            }
        });
    }

    private static void run(Supplier<String> what, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warnf("could not send %s: %s", what.get(), e.getMessage());
        }
    }
}
