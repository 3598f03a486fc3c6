package usecase.heartrate;

import domain.InvalidInputException;
import domain.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import usecase.port.HeartRateLog;

/**
 * The caller's readings of a period at one-second resolution, for a chart or a one-reading-per-second
 * replay: each second holds the last reading measured in it; a second without one is null, or holds the value
 * before it (forward fill; seconds before the period's first reading stay null).
 */
@ApplicationScoped
public class GetHeartRateSeries {

    private final HeartRateLog log;

    public GetHeartRateSeries(HeartRateLog log) {
        this.log = log;
    }

    public enum Fill { NONE, FORWARD }

    /** from is rounded down and to up to whole seconds. */
    public record Query(UUID owner, Instant from, Instant to, Fill fill) {

        public Query {
            Violations violations = new Violations().check(to.isAfter(from), "to", "must be after from");
            if (to.isAfter(from)) {
                violations.check(!to.isAfter(from.plus(HeartRatePolicy.MAX_WINDOW)), "to",
                        "must be at most " + HeartRatePolicy.MAX_WINDOW + " after from");
            }
            violations.throwIfAny();
        }
    }

    /** @param bpm one value per second from {@code start}, null where there is none */
    public record Series(Instant start, int stepSeconds, Integer[] bpm) {
    }

    @Transactional
    public Series execute(Query query) {
        Instant start = query.from().truncatedTo(ChronoUnit.SECONDS);
        Instant end = query.to().truncatedTo(ChronoUnit.SECONDS);
        if (end.isBefore(query.to())) {
            end = end.plusSeconds(1);
        }
        int seconds = (int) (end.getEpochSecond() - start.getEpochSecond());
        if (seconds <= 0) {
            throw InvalidInputException.of("to", "must be after from");
        }
        Integer[] values = new Integer[seconds];
        long startMillis = start.toEpochMilli();
        log.forEach(query.owner(), start, end, (millis, bpm) -> values[(int) ((millis - startMillis) / 1000)] = bpm);
        if (query.fill() == Fill.FORWARD) {
            for (int i = 1; i < seconds; i++) {
                if (values[i] == null) {
                    values[i] = values[i - 1];
                }
            }
        }
        return new Series(start, 1, values);
    }
}
