package adapters.messaging;

import domain.event.LoggedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
    private final Timer lag;

    EventFanOut(Event<LoggedEvent> local, MeterRegistry registry) {
        this.local = local;
        this.lag = Timer.builder("sinus.events.lag")
                .description("Time from an event's logging (in the transaction it reports) to its hand-over to the live streams of this instance")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    @Incoming(ChannelEventPublisher.IN)
    @Blocking
    void receive(LoggedEvent event) {
        lag.record(Duration.between(event.at(), Instant.now()).toNanos(), TimeUnit.NANOSECONDS);
        local.fire(event);
    }
}
