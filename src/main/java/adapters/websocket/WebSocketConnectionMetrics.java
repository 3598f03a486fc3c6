package adapters.websocket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code sinus_websocket_connections{path}}: the WebSocket connections open now, per endpoint. */
@Startup
@ApplicationScoped
public class WebSocketConnectionMetrics {

    private static final Map<String, Class<?>> ENDPOINTS = Map.of(
            EventStreamEndpoint.PATH, EventStreamEndpoint.class,
            HeartRateStreamEndpoint.PATH, HeartRateStreamEndpoint.class);

    WebSocketConnectionMetrics(MeterRegistry registry, OpenConnections connections) {
        ENDPOINTS.forEach((path, endpoint) -> Gauge.builder("sinus.websocket.connections",
                        connections, open -> open.findByEndpointId(endpoint.getName()).size())
                .description("WebSocket connections open now").tag("path", path).register(registry));
    }
}
