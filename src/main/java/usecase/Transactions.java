package usecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * The transaction boundary of use cases that commit in several steps: an analysis claims its attempt,
 * analyses with no transaction open, then stores its results; an archive restore commits record by record.
 * Single-step use cases declare {@code @Transactional} on their method instead. Repository writes require a
 * transaction, so a step missing its boundary fails at once. Constructed directly (without CDI) it runs
 * the work as it is, for tests with in-memory fakes.
 */
@ApplicationScoped
public class Transactions {

    /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs {@code batch} in transactions of its own, one after the other, until one does nothing (returns 0): a
     * purge that never holds locks or a transaction for long.
     *
     * @return the sum of what the batches returned
     */
    public long repeatUntilNone(java.util.function.LongSupplier batch) {
        long total = 0;
        long done;
        do {
            done = inNew(batch::getAsLong);
            total += done;
        } while (done > 0);
        return total;
    }

    /** {@link #inNew(Supplier)} for work without a result. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runInNew(Runnable work) {
        work.run();
    }
}
