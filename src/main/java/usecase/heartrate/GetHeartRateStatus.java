package usecase.heartrate;

import domain.Violations;
import domain.heartrate.Reading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import usecase.port.HeartRateLog;

/**
 * The caller's latest readings and a summary of a recent window: whether an alert was raised in it (HIGH
 * wins over LOW when both were), and count, mean, minimum and maximum. Two index ranges, whatever the
 * size of the history.
 */
@ApplicationScoped
public class GetHeartRateStatus {

    public static final int DEFAULT_RECENT = 10;
    public static final int MAX_RECENT = 1000;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final HeartRateLog log;
    private final Clock clock;

    public GetHeartRateStatus(HeartRateLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public record Query(UUID owner, int recent, Duration window) {

        public Query {
            new Violations()
                    .check(recent >= 1 && recent <= MAX_RECENT, "recent", "must be between 1 and " + MAX_RECENT)
                    .check(!window.isNegative() && !window.isZero() && window.compareTo(HeartRatePolicy.MAX_WINDOW) <= 0,
                            "window", "must be a positive duration of at most " + HeartRatePolicy.MAX_WINDOW)
                    .throwIfAny();
        }
    }

    /** @param recent newest first */
    public record Status(List<Reading> recent, Instant windowStart, Instant windowEnd, HeartRateLog.Stats stats) {
    }

    @Transactional
    public Status execute(Query query) {
        Instant now = clock.instant();
        Instant from = now.minus(query.window());
        // up to the clock drift readings may be stamped with: a reading stored a moment ago counts
        Instant to = now.plus(domain.heartrate.Readings.MAX_CLOCK_AHEAD).plusMillis(1);
        return new Status(log.latest(query.owner(), query.recent()), from, now, log.stats(query.owner(), from, to));
    }
}
