package usecase.events;

import domain.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import usecase.port.EventLog;
import usecase.port.EventPublisher;

/**
 * The step every use case that changes a user's data takes in its transaction: the events are logged in it and
 * announced once it commits. Take it <em>first</em>, before the change itself: logging locks the owner's event
 * counter, and when every transaction takes that lock before any row of the owner's data, none can deadlock with
 * another that holds the data and waits for the counter (deleting an account, say, locks the account and then
 * its data).
 */
@ApplicationScoped
public class RecordEvents {

    private final EventLog log;
    private final EventPublisher publisher;
    private final Clock clock;

    public RecordEvents(EventLog log, EventPublisher publisher, Clock clock) {
        this.log = log;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void record(DomainEvent... events) {
        record(List.of(events));
    }

    public void record(List<DomainEvent> events) {
        if (!events.isEmpty()) {
            publisher.publishAfterCommit(log.append(events, clock.instant()));
        }
    }
}
