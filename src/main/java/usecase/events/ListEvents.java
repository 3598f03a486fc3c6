package usecase.events;

import domain.InvalidInputException;
import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import usecase.port.EventLog;

/** A user's own events after the last one they saw: the catch-up after a reconnect. */
@ApplicationScoped
public class ListEvents {

    public static final int MAX_LIMIT = 1000;

    private final EventLog log;

    public ListEvents(EventLog log) {
        this.log = log;
    }

    /** @param events in id order; {@code lastId} is the last one's id, or {@code since} when there are none */
    public record Result(List<LoggedEvent> events, long lastId) {
    }

    @Transactional
    public Result after(UUID owner, long since, int limit) {
        if (since < 0) {
            throw InvalidInputException.of("since", "must be an event id (0 or more)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<LoggedEvent> events = log.after(owner, since, limit);
        return new Result(events, events.isEmpty() ? since : events.get(events.size() - 1).id());
    }

    @Transactional
    public long lastId(UUID owner) {
        return log.lastId(owner);
    }
}
