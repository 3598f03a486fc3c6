package usecase.port;

import domain.event.LoggedEvent;
import java.util.List;

/**
 * Announces logged events to whoever listens (live streams), once the transaction that logged them has committed,
 * and never if it rolls back. Best effort: a listener that missed an announcement finds the event in the
 * {@link EventLog}.
 */
public interface EventPublisher {

    void publishAfterCommit(List<LoggedEvent> events);
}
