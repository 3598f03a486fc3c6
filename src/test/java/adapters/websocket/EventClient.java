package adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code /v1/events/stream} (the JDK's WebSocket): queues each event it receives, and how the server
 * closed. It reads only as fast as it is asked to ({@link #reading}): one that is not asked never reads its socket.
 */
final class EventClient implements WebSocket.Listener, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>(); // "code reason"
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;
    WebSocket socket;

    private EventClient(boolean reading) {
        this.reading = reading;
    }

    static EventClient connect(String authorization, String query) {
        return connect(authorization, query, true);
    }

    /** @param reading false: the client never reads until {@link #startReading()} */
    static EventClient connect(String authorization, String query, boolean reading) {
        EventClient client = new EventClient(reading);
        String uri = "ws://localhost:" + RestAssured.port + "/v1/events/stream" + (query == null ? "" : "?" + query);
        client.socket = HTTP.newWebSocketBuilder().header("Authorization", authorization)
                .buildAsync(URI.create(uri), client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                events.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                closed.completeExceptionally(e);
            }
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within 20 s");
        }
        return event;
    }

    /** Drops the connection without a close handshake, as a network failure would. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }
}
