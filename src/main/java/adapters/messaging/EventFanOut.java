package adapters.messaging;

import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The incoming end of the event bus ({@value ChannelEventPublisher#IN}): each event is handed, in this instance, to
 * whoever observes {@link LoggedEvent} (the live streams), as a CDI event, so no other adapter touches messaging.
 * On a worker thread, one event after the other in order: the committing thread (the heart-rate writer's, say)
 * only queues the event and goes back to its work, whatever the streams have to encode and send.
 */
@ApplicationScoped
public class EventFanOut {

    private final Event<LoggedEvent> local;

    EventFanOut(Event<LoggedEvent> local) {
        this.local = local;
    }

    @Incoming(ChannelEventPublisher.IN)
    @Blocking
    void receive(LoggedEvent event) {
        local.fire(event);
    }
}
