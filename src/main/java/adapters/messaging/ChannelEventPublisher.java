package adapters.messaging;

import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import usecase.port.EventPublisher;

/**
 * Sends logged events on the outgoing channel {@value #OUT} once their transaction commits. Consumers read the
 * incoming channel {@value #IN}; by default {@link InProcessConnector} joins them (queue {@code events}) as a
 * fan-out: every incoming channel of every instance on a shared broker sees every event (configure the broker's
 * consumer group per instance for that). Nothing here must be durable: the event log is the record, and a stream
 * that misses an announcement sees the gap in the ids and reads the log.
 */
@ApplicationScoped
public class ChannelEventPublisher implements EventPublisher {

    public static final String OUT = "events-out";
    public static final String IN = "events-in";

    private final Emitter<LoggedEvent> emitter;
    private final AfterCommit afterCommit;

    ChannelEventPublisher(@Channel(OUT) Emitter<LoggedEvent> emitter, AfterCommit afterCommit) {
        this.emitter = emitter;
        this.afterCommit = afterCommit;
    }

    @Override
    public void publishAfterCommit(List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        afterCommit.send(() -> events.size() + " event(s) to the live streams (they are in the event log)",
                () -> events.forEach(emitter::send));
    }
}
