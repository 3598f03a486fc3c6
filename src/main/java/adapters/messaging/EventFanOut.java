package adapters.messaging;

import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The incoming end of the event bus ({@value ChannelEventPublisher#IN}): each event is handed, in this instance, to
 * whoever observes {@link LoggedEvent} (the live streams), as a CDI event, so no other adapter touches messaging.
 */
@ApplicationScoped
public class EventFanOut {

    private final Event<LoggedEvent> local;

    EventFanOut(Event<LoggedEvent> local) {
        this.local = local;
    }

    @Incoming(ChannelEventPublisher.IN)
    void receive(LoggedEvent event) {
        local.fire(event);
    }
}
