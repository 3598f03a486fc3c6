package usecase.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import usecase.Transactions;
import usecase.port.EventLog;

/** Keeps the event log bounded: events older than the retention, and the oldest beyond the cap, go. */
@ApplicationScoped
public class PurgeOldEvents {

    private final EventLog log;
    private final Transactions transactions;
    private final Clock clock;
    private final EventPolicy policy;

    public PurgeOldEvents(EventLog log, Transactions transactions, Clock clock, EventPolicy policy) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    /** Deletes in transactions of at most {@code batch} events, so no purge holds locks for long; returns the count. */
    public long execute() {
        java.time.Instant cutoff = clock.instant().minus(policy.retention());
        return transactions.repeatUntilNone(() -> log.purge(cutoff, policy.maxEvents(), policy.purgeBatch()));
    }
}
