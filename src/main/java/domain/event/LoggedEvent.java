package domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the event log holds it.
 *
 * @param id the event's number in its owner's stream: 1, 2, 3, ... in the order of commit, with no gaps among
 *           committed events, so a client that knows the last id it saw knows exactly what it missed
 * @param at when it was recorded
 */
public record LoggedEvent(long id, Instant at, DomainEvent event) {

    public LoggedEvent {
        if (id < 1) {
            throw new IllegalArgumentException("event ids start at 1");
        }
        Objects.requireNonNull(at);
        Objects.requireNonNull(event);
    }
}
