package usecase.events;

import domain.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import usecase.port.EventLog;
import usecase.port.EventPublisher;

/**
 * The step every use case that changes a user's data ends its transaction with: the events are logged in that
 * transaction and announced once it commits.
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
