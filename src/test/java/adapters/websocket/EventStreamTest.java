package adapters.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.rest.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The live event stream over real WebSocket connections: own events only, in order, each once, slow clients cut. */
@QuarkusTest
class EventStreamTest {

    private static void postReading(TestAccounts.User user, int bpm) {
        user.request().contentType(ContentType.JSON).body(Map.of("bpm", bpm)).post("/v1/heart-rate/readings")
                .then().statusCode(200);
    }

    private static List<Long> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").asLong()).toList();
    }

    private static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static List<JsonNode> take(EventClient client, int n) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(client.next());
        }
        return events;
    }

    @Test
    void twoUsersOnTwoSocketsEachReceiveOnlyTheirOwnEvents() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        TestAccounts.User bob = TestAccounts.newUser("stream");
        try (EventClient aliceSocket = EventClient.connect(alice.basicAuthorization(), null);
             EventClient bobSocket = EventClient.connect(bob.basicAuthorization(), null)) {
            for (int i = 0; i < 20; i++) {
                postReading(alice, 61);
                postReading(bob, 91);
            }
            List<JsonNode> alices = take(aliceSocket, 20);
            List<JsonNode> bobs = take(bobSocket, 20);
            assertEquals(oneTo(20), ids(alices));
            assertEquals(oneTo(20), ids(bobs));
            alices.forEach(e -> assertEquals(61, e.get("readings").get(0).get("bpm").asInt(), e.toString()));
            bobs.forEach(e -> assertEquals(91, e.get("readings").get(0).get("bpm").asInt(), e.toString()));
            assertNull(aliceSocket.events.poll(300, TimeUnit.MILLISECONDS), "nothing beyond alice's own 20");
            assertNull(bobSocket.events.poll(10, TimeUnit.MILLISECONDS), "nothing beyond bob's own 20");
        }
    }

    @Test
    void theStreamReplaysWhatCameAfterSinceThenGoesLive() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        for (int i = 0; i < 3; i++) {
            postReading(alice, 70 + i);
        }
        try (EventClient socket = EventClient.connect(alice.basicAuthorization(), "since=1")) {
            List<JsonNode> replayed = take(socket, 2);
            assertEquals(List.of(2L, 3L), ids(replayed));
            assertEquals(72, replayed.get(1).get("readings").get(0).get("bpm").asInt());
            postReading(alice, 90);
            JsonNode live = socket.next();
            assertEquals(4, live.get("id").asLong());
            assertEquals("heart_rate_recorded", live.get("type").asText());
        }
        try (EventClient fromNow = EventClient.connect(alice.basicAuthorization(), null)) { // no since: from now on
            postReading(alice, 95);
            assertEquals(5, fromNow.next().get("id").asLong());
        }
    }

    @Test
    void aClientThatReconnectsWithTheLastIdItSawMissesNothingAndSeesNothingTwice() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        int total = 200;
        EventClient first = EventClient.connect(alice.basicAuthorization(), "since=0");
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                postReading(alice, 60 + i % 60);
            }
        });
        List<JsonNode> seen = new ArrayList<>(take(first, 50));
        first.drop(); // mid-burst, without a close handshake
        long last = seen.get(seen.size() - 1).get("id").asLong();
        try (EventClient second = EventClient.connect(alice.basicAuthorization(), "since=" + last)) {
            seen.addAll(take(second, total - seen.size()));
            burst.get(60, TimeUnit.SECONDS);
            assertNull(second.events.poll(300, TimeUnit.MILLISECONDS), "no event twice");
        }
        assertEquals(oneTo(total), ids(seen));
        for (int i = 0; i < total; i++) {
            assertEquals(60 + i % 60, seen.get(i).get("readings").get(0).get("bpm").asInt(), "in the order posted");
        }
    }

    @Test
    void aSlowConsumerIsDisconnectedWithACloseReasonWhileAnotherKeepsReceiving() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        int posts = 10;
        int perPost = 10_000; // ten events of 1,000 readings, about 70 kB of JSON each: 7 MB in all
        try (StalledSocket slow = new StalledSocket("/v1/events/stream", alice.basicAuthorization());
             EventClient fast = EventClient.connect(alice.basicAuthorization(), null)) {
            long start = System.nanoTime();
            long t0 = Instant.now().getEpochSecond() - posts * perPost;
            for (int p = 0; p < posts; p++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < perPost; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"bpm\":").append(60 + i % 90).append(",\"timestamp\":")
                            .append(t0 + (long) p * perPost + i).append('}');
                }
                alice.request().contentType(ContentType.JSON).body(body.append(']').toString())
                        .post("/v1/heart-rate/readings").then().statusCode(200);
            }
            int expected = posts * perPost / 1000;
            double posted = (System.nanoTime() - start) / 1e9;
            List<JsonNode> received = take(fast, expected);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(oneTo(expected), ids(received));
            System.out.printf("event stream: the reading client received %d events (%d readings) in %.2f s "
                    + "(posted in %.2f s) beside a client that did not read%n", expected, posts * perPost, seconds, posted);

            StalledSocket.Drained drained = slow.drain();
            assertEquals(1008, drained.closeCode(), drained.toString());
            assertTrue(drained.closeReason().startsWith("too slow"), drained.closeReason());
            long since = Long.parseLong(drained.closeReason().substring(drained.closeReason().indexOf("since=") + 6));
            assertTrue(drained.messages() < expected, "cut off before the end: " + drained);
            assertEquals(drained.messages(), since, "the close reason's since is the last event it was sent");
        }
    }

    @Test
    void aReadingPostedReachesEveryListeningSocketOfItsUserAtOnce() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        List<EventClient> sockets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sockets.add(EventClient.connect(alice.basicAuthorization(), null));
        }
        try {
            long[] millis = new long[20];
            for (int i = 0; i < millis.length; i++) {
                long sent = System.nanoTime();
                postReading(alice, 80);
                for (EventClient socket : sockets) {
                    assertEquals(i + 1, socket.next().get("id").asLong());
                }
                millis[i] = (System.nanoTime() - sent) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("event stream: POST -> received by 3 sockets: median %d ms, max %d ms%n",
                    millis[millis.length / 2], millis[millis.length - 1]);
            assertTrue(millis[millis.length / 2] < 1000, "median " + millis[millis.length / 2] + " ms");
        } finally {
            sockets.forEach(EventClient::close);
        }
    }

    @Test
    void aSinceAfterTheLatestEventIsRefusedWithAReason() throws Exception {
        TestAccounts.User alice = TestAccounts.newUser("stream");
        try (EventClient socket = EventClient.connect(alice.basicAuthorization(), "since=5")) {
            String closed = socket.closed.get(10, TimeUnit.SECONDS);
            assertEquals("1008 since must be an event id from 0 to your latest, 0", closed);
        }
    }

    @Test
    void anUpgradeWithoutCredentialsIsRefused() {
        CompletionException refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/v1/events/stream"),
                        new WebSocket.Listener() { }).join());
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
}
