package usecase.fakes;

import domain.event.DomainEvent;
import domain.event.LoggedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import usecase.events.RecordEvents;
import usecase.port.EventLog;
import usecase.port.EventPublisher;

/** The event log in memory (numbered per owner, as the real one), with the events it was told to publish. */
public class InMemoryEventLog implements EventLog, EventPublisher {

    private final List<LoggedEvent> logged = new ArrayList<>();
    private final Map<UUID, Long> last = new HashMap<>();
    private final List<LoggedEvent> published = new ArrayList<>();

    /** A {@link RecordEvents} that logs and publishes here. */
    public RecordEvents recorder(Clock clock) {
        return new RecordEvents(this, this, clock);
    }

    @Override
    public synchronized List<LoggedEvent> append(List<DomainEvent> events, Instant at) {
        List<LoggedEvent> added = new ArrayList<>();
        for (DomainEvent event : events) {
            long id = last.merge(event.owner(), 1L, Long::sum);
            added.add(new LoggedEvent(id, at, event));
        }
        logged.addAll(added);
        return added;
    }

    @Override
    public synchronized List<LoggedEvent> after(UUID owner, long since, int limit) {
        return logged.stream().filter(e -> e.event().owner().equals(owner) && e.id() > since).limit(limit).toList();
    }

    @Override
    public synchronized long lastId(UUID owner) {
        return last.getOrDefault(owner, 0L);
    }

    @Override
    public synchronized long purge(Instant cutoff, long keepAtMost, int batch) {
        int before = logged.size();
        logged.removeIf(e -> e.at().isBefore(cutoff));
        return before - logged.size();
    }

    @Override
    public synchronized void publishAfterCommit(List<LoggedEvent> events) {
        published.addAll(events);
    }

    /** The domain events published so far, in order. */
    public synchronized List<DomainEvent> published() {
        return published.stream().map(LoggedEvent::event).toList();
    }
}
