package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar on each database: heart-rate readings streamed over a WebSocket, {@code kill -9} in the middle
 * of the stream, a restart. Every reading that was acknowledged is stored, and none is stored twice (nor any that
 * was never sent). Readings acknowledged as accepted are replied to only after their group commit.
 */
class HeartRateStreamCrashIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final int READINGS = 20_000;
    private static final int KILL_AFTER_ACKS = 3_000;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedReadingSurvivesKillMinus9AndNoneIsStoredTwice(String database) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        try (EmbeddedPostgres postgres = TestPostgres.startFor(database, environment)) {
            streamKillRestartAndCheck(environment);
        }
    }

    private void streamKillRestartAndCheck(Map<String, String> environment) throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, environment)) {
            app.start();
            app.as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-password"))
                    .post("/v1/admin/users").then().statusCode(201);
            Instant t0 = Instant.now().minus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

            AtomicInteger acknowledged = new AtomicInteger(); // replies come in order: the first n readings
            StringBuilder partial = new StringBuilder();
            WebSocket.Listener listener = new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String reply = partial.toString();
                        partial.setLength(0);
                        if (!reply.contains("\"accepted\"")) {
                            throw new AssertionError("reading " + acknowledged.get() + " was not accepted: " + reply);
                        }
                        acknowledged.incrementAndGet();
                    }
                    socket.request(1);
                    return null;
                }
            };
            String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice-password".getBytes(StandardCharsets.UTF_8));
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", basic)
                    .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/v1/heart-rate/stream"), listener).join();
            int sent = 0;
            while (sent < READINGS && acknowledged.get() < KILL_AFTER_ACKS) {
                socket.sendText("{\"bpm\":" + (60 + sent % 100) + ",\"timestamp\":" + t0.plusSeconds(sent).getEpochSecond()
                        + "}", true).join();
                sent++;
                if (sent - acknowledged.get() > 500) {
                    Thread.sleep(1); // keep a window of readings in flight, so that the kill catches some mid-commit
                }
            }
            app.kill();
            int acked = acknowledged.get();
            assertTrue(acked >= KILL_AFTER_ACKS && acked <= sent, "acknowledged " + acked + " of " + sent);

            app.start();
            Set<Long> stored = new HashSet<>();
            int total = 0;
            for (int page = 0; ; page++) {
                List<String> times = app.as("alice", "alice-password").queryParam("size", 100).queryParam("page", page)
                        .get("/v1/heart-rate/readings").then().statusCode(200).extract().path("items.timestamp");
                if (times.isEmpty()) {
                    break;
                }
                for (String time : times) {
                    total++;
                    assertTrue(stored.add(Instant.parse(time).getEpochSecond()), "stored twice: " + time);
                }
            }
            assertEquals(stored.size(), total);
            for (int i = 0; i < acked; i++) {
                assertTrue(stored.contains(t0.plusSeconds(i).getEpochSecond()), "acknowledged reading " + i + " is lost");
            }
            for (long second : stored) {
                long index = second - t0.getEpochSecond();
                assertTrue(index >= 0 && index < sent, "a reading that was never sent: " + second);
            }
            System.out.printf("heart-rate crash test: %d sent, %d acknowledged, %d stored after kill -9%n", sent, acked, total);
        }
    }
}
