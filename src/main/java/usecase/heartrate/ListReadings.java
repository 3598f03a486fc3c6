package usecase.heartrate;

import domain.InvalidInputException;
import domain.heartrate.Reading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import usecase.Page;
import usecase.PageRequest;
import usecase.port.HeartRateLog;

/** The caller's readings in a period, in time order, a page at a time. */
@ApplicationScoped
public class ListReadings {

    private final HeartRateLog log;

    public ListReadings(HeartRateLog log) {
        this.log = log;
    }

    /** @param from inclusive, or null for the beginning; @param to exclusive, or null for no end */
    public record Query(UUID owner, Instant from, Instant to, PageRequest page) {

        public Query {
            if (from != null && to != null && !to.isAfter(from)) {
                throw InvalidInputException.of("to", "must be after from");
            }
        }
    }

    @Transactional
    public Page<Reading> execute(Query query) {
        Instant from = query.from() == null ? Instant.EPOCH : query.from();
        Instant to = query.to() == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : query.to();
        long total = log.count(query.owner(), from, to);
        return new Page<>(log.page(query.owner(), from, to, query.page()), query.page().page(),
                query.page().size(), total);
    }
}
