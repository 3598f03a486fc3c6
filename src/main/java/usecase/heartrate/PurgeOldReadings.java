package usecase.heartrate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import usecase.Transactions;
import usecase.port.HeartRateLog;

/**
 * Deletes readings older than the retention period, a bounded batch per transaction, so that a large
 * backlog never holds locks or a transaction long.
 */
@ApplicationScoped
public class PurgeOldReadings {

    private final HeartRateLog log;
    private final Transactions transactions;
    private final Clock clock;
    private final HeartRatePolicy policy;

    public PurgeOldReadings(HeartRateLog log, Transactions transactions, Clock clock, HeartRatePolicy policy) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
    }

    /** @return how many readings were deleted */
    public long execute() {
        Instant cutoff = clock.instant().minus(policy.retention());
        return transactions.repeatUntilNone(() -> log.purgeOlderThan(cutoff, policy.purgeBatch()));
    }
}
