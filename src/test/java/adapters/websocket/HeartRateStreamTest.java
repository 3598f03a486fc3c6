package adapters.websocket;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.rest.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live stream over a real WebSocket client (the JDK's): one reply per reading, in order, and it goes on. */
@QuarkusTest
class HeartRateStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A client connection that queues every text message it receives. */
    static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client connect(String authorization) {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            client.socket = builder.buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/v1/heart-rate/stream"),
                    client).join();
            return client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        JsonNode next() throws Exception {
            String text = received.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no reply within 10 s");
            }
            return JSON.readTree(text);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void aMessageOverTheLimitEndsTheConnectionAndStoresNothing() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("hr-ws-big");
        // Vert.x closes with 1009 and the reason "Cannot process text frame of size ...", which is longer than the
        // 123 bytes a close frame may carry: the JDK's client reports that as a protocol error instead of the close.
        CompletableFuture<String> ended = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", user.basicAuthorization())
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/v1/heart-rate/stream"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        ended.complete("closed " + statusCode);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        ended.complete("a reply");
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        ended.complete("ended: " + error.getCause());
                    }
                }).join();
        String big = "[" + "{\"bpm\":70},".repeat(100_000) + "{\"bpm\":70}]"; // 1.2 MB, over the 1 MiB limit
        socket.sendText(big, true);
        String how = ended.get(10, TimeUnit.SECONDS);
        assertTrue(how.equals("closed 1009") || how.contains("CLOSE's payload length"), how);
        user.request().get("/v1/heart-rate/readings").then().statusCode(200).body("total_items", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theIssueExampleGetsExactlyThoseRepliesInOrderAndTheStreamGoesOn() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("ws-example");
        try (Client client = Client.connect(user.basicAuthorization())) {
            for (String message : List.of("{\"bpm\":72}", "{\"bpm\":48}", "{\"bpm\":35}", "{\"bpm\":155}", "{\"bpm\":190}",
                    "not json", "{\"bpm\":78}")) {
                client.send(message); // pipelined: no waiting for replies
            }
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                JsonNode reply = client.next();
                replies.add(reply.get("status").asText() + (reply.get("alert").isNull() ? "" : " " + reply.get("alert").asText()));
            }
            assertEquals(List.of("accepted", "accepted LOW", "rejected", "accepted HIGH", "rejected", "error", "accepted"),
                    replies);
            client.send("{\"bpm\":80}");
            assertEquals("accepted", client.next().get("status").asText());
            assertNull(client.received.poll(200, TimeUnit.MILLISECONDS)); // exactly one reply per reading
        }
        // sent without timestamps, within a millisecond or so: stored with the server's time of arrival
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", containsInAnyOrder(72, 48, 155, 78, 80));
    }

    @Test
    void anArrayMessageGetsAnArrayOfVerdictsAndBadMessagesGetErrors() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("ws-array");
        try (Client client = Client.connect("Bearer " + user.newToken())) {
            client.send("[{\"bpm\":60,\"device\":\"strap\"},{\"bpm\":\"x\"},{\"bpm\":170,\"timestamp\":\"2026-01-01T00:00:00Z\"}]");
            JsonNode reply = client.next();
            assertEquals(3, reply.size());
            assertEquals("accepted", reply.get(0).get("status").asText());
            assertEquals("rejected", reply.get(1).get("status").asText());
            assertEquals("HIGH", reply.get(2).get("alert").asText());
            client.send("42");
            assertEquals("error", client.next().get("status").asText());
            client.send("{\"bpm\":70,\"colour\":\"red\"}");
            assertEquals("rejected", client.next().get("status").asText());
            client.send("{\"bpm\":70}");
            assertEquals("accepted", client.next().get("status").asText());
        }
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(170, 60, 70));
    }

    /** {@code sinus_readings_total{result="throttled"}} now. */
    private static double throttled() {
        java.util.regex.Matcher sample = java.util.regex.Pattern.compile("(?m)^sinus_readings_total\\{result=\"throttled\"} (\\S+)$")
                .matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(sample.find(), "the throttled series is there");
        return Double.parseDouble(sample.group(1));
    }

    private static String readings(int n) {
        return "[" + "{\"bpm\":70},".repeat(n - 1) + "{\"bpm\":70}]";
    }

    @Test
    void aMessageBeyondTheConnectionsRateIsRefusedWholeAndTheStreamGoesOn() throws Exception {
        // the test profile's rate: 20 readings/s, 200 at once; a connection opens with its 200
        TestAccounts.User user = TestAccounts.newUser("ws-rate");
        double throttledBefore = throttled();
        try (Client client = Client.connect(user.basicAuthorization())) {
            client.send(readings(200));
            JsonNode first = client.next();
            assertEquals(200, first.size());
            first.forEach(verdict -> assertEquals("accepted", verdict.get("status").asText()));

            client.send(readings(200)); // would need 10 s of refill
            JsonNode refused = client.next();
            assertEquals(200, refused.size());
            for (JsonNode verdict : refused) {
                assertEquals("error", verdict.get("status").asText());
                assertEquals("Too many readings on this stream: at most 20 per second (200 at once); this message was "
                        + "not stored, send it again in a moment.", verdict.get("message").asText());
            }
            Thread.sleep(600); // 12 readings' worth
            client.send("{\"bpm\":71}");
            assertEquals("accepted", client.next().get("status").asText());
        }
        user.request().get("/v1/heart-rate/readings").then().body("total_items", org.hamcrest.Matchers.equalTo(201));
        assertEquals(200, throttled() - throttledBefore, 0.0);
        try (Client other = Client.connect(user.basicAuthorization())) { // each connection has its own rate
            other.send(readings(200));
            assertEquals("accepted", other.next().get(199).get("status").asText());
        }
    }

    @Test
    void theUpgradeNeedsAUserAccount() {
        TestAccounts.User user = TestAccounts.newUser("ws-auth");
        assertEquals(401, handshakeStatus(null));
        assertEquals(401, handshakeStatus("Basic " + java.util.Base64.getEncoder().encodeToString(
                (user.username() + ":wrong-password").getBytes())));
        assertEquals(401, handshakeStatus("Bearer sinus_not-a-token"));
        assertEquals(403, handshakeStatus("Basic " + java.util.Base64.getEncoder().encodeToString(
                (TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes())));
    }

    private static int handshakeStatus(String authorization) {
        CompletionException failure = assertThrows(CompletionException.class, () -> Client.connect(authorization));
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }
}
