package adapters.websocket;

import adapters.http.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.SessionScoped;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.UUID;
import usecase.events.EventPolicy;
import usecase.events.ListEvents;

/**
 * The caller's events as they happen, one JSON text message each (the shape of {@code GET /v1/events}), after a
 * replay of those after {@code ?since=<event id>} (default: none, only what happens from now on). Reconnecting with
 * the last id received misses nothing and repeats nothing. Authenticated on the upgrade (session cookie, Basic,
 * bearer token); each caller receives only their own events (an administrator has none of the users').
 */
@WebSocket(path = EventStreamEndpoint.PATH)
@Authenticated
@SessionScoped
public class EventStreamEndpoint {

    public static final String PATH = "/v1/events/stream";

    private final SecurityIdentity identity;
    private final WebSocketConnection connection;
    private final ListEvents listEvents;
    private final LiveEvents live;
    private final ObjectMapper mapper;
    private final EventPolicy policy;
    private final OpenConnections connections;
    private EventStream stream;

    EventStreamEndpoint(SecurityIdentity identity, WebSocketConnection connection, ListEvents listEvents,
                        LiveEvents live, ObjectMapper mapper, EventPolicy policy, OpenConnections connections) {
        this.identity = identity;
        this.connection = connection;
        this.connections = connections;
        this.listEvents = listEvents;
        this.live = live;
        this.mapper = mapper;
        this.policy = policy;
    }

    /** Blocking (a worker thread): it reads the event log. */
    @OnOpen
    void open() {
        UUID owner = Caller.id(identity);
        long latest = listEvents.lastId(owner);
        String query = connection.handshakeRequest().query();
        List<String> since = query == null ? null
                : new QueryStringDecoder(query, false).parameters().get("since");
        long from;
        try {
            from = since == null ? latest : Long.parseLong(since.get(0));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from < 0 || from > latest) {
            connection.close(new CloseReason(EventStream.POLICY_VIOLATION,
                    "since must be an event id from 0 to your latest, " + latest)).subscribe().with(x -> { }, x -> { });
            return;
        }
        // the connection itself, not the bean proxy: events are sent from threads outside this connection's scope
        WebSocketConnection itself = connections.findByConnectionId(connection.id()).orElse(null);
        if (itself == null) {
            return; // closed already
        }
        stream = new EventStream(owner, from, itself, listEvents, mapper, policy.streamBuffer());
        live.open(stream); // before the replay, so nothing that commits meanwhile is missed
        stream.start();
    }

    @OnClose
    void close() {
        if (stream != null) {
            stream.closed();
            live.close(stream);
        }
    }
}
