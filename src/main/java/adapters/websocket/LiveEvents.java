package adapters.websocket;

import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each announced event to the open streams of its owner, and to nobody else's. Never waits: a stream only
 * queues what it is given (see {@link EventStream}).
 */
@ApplicationScoped
public class LiveEvents {

    private final ConcurrentHashMap<UUID, Set<EventStream>> streams = new ConcurrentHashMap<>();

    /** Each event the bus delivers to this instance (adapters.messaging.EventFanOut fires them). */
    void announce(@Observes LoggedEvent event) {
        Set<EventStream> listening = streams.get(event.event().owner());
        if (listening != null) {
            for (EventStream stream : listening) {
                stream.offer(event);
            }
        }
    }

    void open(EventStream stream) {
        streams.computeIfAbsent(stream.owner(), owner -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    void close(EventStream stream) {
        streams.computeIfPresent(stream.owner(), (owner, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }
}
