package adapters.websocket;

import adapters.http.EventMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.LoggedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import usecase.events.ListEvents;

/**
 * One open event stream: sends the owner's events in id order, each once. Ids are consecutive per owner, so a
 * gap (an announcement missed or overtaken) is seen at once and filled from the event log before anything newer
 * goes out; an announcement of something already sent is dropped. At most {@code buffer} bytes wait for the
 * client's socket: a client that falls further behind is disconnected with a close reason, and neither the service
 * nor other clients wait for it.
 */
final class EventStream {

    /** RFC 6455 1008, policy violation: the client did not keep up, or asked for what is not there. */
    static final int POLICY_VIOLATION = 1008;
    private static final Logger LOG = Logger.getLogger(EventStream.class);
    private static final int PAGE = 500;

    private final UUID owner;
    private final WebSocketConnection connection;
    private final ListEvents listEvents;
    private final ObjectMapper mapper;
    private final long buffer;
    private final AtomicLong unsent = new AtomicLong();
    /** Guarded by this. */
    private long lastSent;
    private long newestAnnounced;
    private boolean catchingUp;
    private boolean closed;

    EventStream(UUID owner, long since, WebSocketConnection connection, ListEvents listEvents, ObjectMapper mapper,
                long buffer) {
        this.owner = owner;
        this.lastSent = since;
        this.connection = connection;
        this.listEvents = listEvents;
        this.mapper = mapper;
        this.buffer = buffer;
    }

    UUID owner() {
        return owner;
    }

    /** Replays what came after {@code since}, on the calling (worker) thread. */
    void start() {
        synchronized (this) {
            catchingUp = true;
        }
        catchUp();
    }

    /** An announced event of this owner: sent now if it is the next one, else the gap is read from the log. */
    synchronized void offer(LoggedEvent event) {
        newestAnnounced = Math.max(newestAnnounced, event.id());
        if (closed || catchingUp || event.id() <= lastSent) {
            return;
        }
        if (event.id() == lastSent + 1) {
            send(event);
            return;
        }
        catchingUp = true;
        Infrastructure.getDefaultWorkerPool().execute(this::catchUp);
    }

    synchronized void closed() {
        closed = true;
    }

    private void catchUp() {
        try {
            while (true) {
                long from;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    from = lastSent;
                }
                List<LoggedEvent> page = listEvents.after(owner, from, PAGE).events();
                synchronized (this) {
                    for (LoggedEvent event : page) {
                        if (!closed && event.id() == lastSent + 1) {
                            send(event);
                        }
                    }
                    if (page.size() < PAGE && newestAnnounced <= lastSent) {
                        catchingUp = false;
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("event stream of %s could not read the event log: %s", owner, e.getMessage());
            close(new CloseReason(CloseReason.INTERNAL_SERVER_ERROR.getCode(),
                    "the event log is unavailable; reconnect with since=" + lastSentNow()));
        }
    }

    private synchronized long lastSentNow() {
        return lastSent;
    }

    /** Called holding the lock. */
    private void send(LoggedEvent event) {
        String text;
        try {
            text = mapper.writeValueAsString(EventMessages.json(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long size = text.length();
        if (unsent.addAndGet(size) > buffer && unsent.get() > size) { // one event alone always goes
            close(new CloseReason(POLICY_VIOLATION, "too slow: more than " + buffer + " bytes of events were waiting; "
                    + "reconnect with since=" + lastSent));
            return;
        }
        lastSent = event.id();
        connection.sendText(text).subscribe().with(sent -> unsent.addAndGet(-size), failure -> unsent.addAndGet(-size));
    }

    private synchronized void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        connection.close(reason).subscribe().with(done -> { }, failure -> { });
    }
}
