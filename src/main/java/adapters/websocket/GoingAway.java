package adapters.websocket;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At the start of a graceful shutdown, every WebSocket client gets a close frame 1001 (going away), so it reconnects
 * (to another instance, or to this one once it is back) instead of holding the shutdown until its timeout.
 */
@ApplicationScoped
public class GoingAway {

    static final CloseReason SHUTTING_DOWN = new CloseReason(1001, "Sinus is shutting down; reconnect shortly");

    private final OpenConnections connections;

    GoingAway(OpenConnections connections) {
        this.connections = connections;
    }

    void closeAll(@Observes @Priority(1000) ShutdownDelayInitiatedEvent event) {
        connections.forEach(connection -> connection.close(SHUTTING_DOWN).subscribe().with(done -> { }, failure -> { }));
    }
}
