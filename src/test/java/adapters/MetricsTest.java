package adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.grpc.HeartRateStream;
import adapters.rest.TestAccounts;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} in the Prometheus text format shows every metric the README promises, and each one moves with
 * what it counts: the test does the thing (submits an ECG, sends readings, opens a WebSocket and a gRPC stream) and
 * reads the change. Other test classes share the application, so counters are compared before and after.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)$"); // labels may hold "}"

    /** Every sample of the scrape: "name{labels}" to value. */
    private static Map<String, Double> scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return samples;
    }

    /** The value of the one sample whose name and labels contain all of {@code parts}, 0 when there is none. */
    private static double value(Map<String, Double> samples, String name, String... parts) {
        List<Map.Entry<String, Double>> found = samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> List.of(parts).stream().allMatch(e.getKey()::contains)).toList();
        assertTrue(found.size() <= 1, () -> "more than one sample of " + name + " " + List.of(parts) + ": " + found);
        return found.isEmpty() ? 0 : found.get(0).getValue();
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void anEcgCountsItsRequestItsAnalysisAndItsDurationAndTheBacklogIsShown() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("metrics-ecg");
        Map<String, Double> before = scrape();
        int[] signal = IntStream.range(0, 3_000).map(i -> (int) Math.round(500 * Math.sin(i / 10.0))).toArray();
        String id = user.request().contentType(ContentType.JSON)
                .body(Map.of("sampling_rate_hz", 360, "leads", List.of(Map.of("name", "I", "signal", signal))))
                .post("/v1/ecgs").then().statusCode(202).extract().path("id");
        await("the analysis", () -> !"pending".equals(user.request().get("/v1/ecgs/" + id).then().extract().path("status")));
        await("the analysis counted", () -> value(scrape(), "sinus_analyses_total", "outcome=\"analysed\"")
                > value(before, "sinus_analyses_total", "outcome=\"analysed\""));

        Map<String, Double> after = scrape();
        String submitted = "uri=\"/v1/ecgs\"";
        assertEquals(1, value(after, "http_server_requests_seconds_count", "method=\"POST\"", submitted, "status=\"202\"")
                - value(before, "http_server_requests_seconds_count", "method=\"POST\"", submitted, "status=\"202\""));
        user.request().get("/v1/ecgs/" + id).then().statusCode(200);
        await("the read counted under its route", () -> value(scrape(), "http_server_requests_seconds_count",
                "method=\"GET\"", "uri=\"/v1/ecgs/{id}\"", "status=\"200\"") > 0);
        assertFalse(after.keySet().stream().anyMatch(k -> k.contains(id)), "no ECG id is a label");
        assertTrue(value(after, "sinus_analysis_duration_seconds_count") > value(before, "sinus_analysis_duration_seconds_count"));
        assertTrue(value(after, "sinus_analysis_duration_seconds_bucket", "le=\"+Inf\"") >= 1, "a histogram");
        for (String outcome : List.of("failed", "skipped", "error")) {
            assertTrue(after.containsKey("sinus_analyses_total{outcome=\"" + outcome + "\"}"), outcome);
        }
        assertTrue(after.containsKey("sinus_analysis_backlog"));
        assertTrue(value(after, "sinus_events_lag_seconds_count") > value(before, "sinus_events_lag_seconds_count"),
                "the submission's and the analysis's events passed the event bus");
    }

    @Test
    void readingsAreCountedStoredAndRejectedAndTheirAlertsByKind() {
        TestAccounts.User user = TestAccounts.newUser("metrics-hr");
        Map<String, Double> before = scrape();
        user.request().contentType(ContentType.JSON)
                .body(List.of(Map.of("bpm", 72), Map.of("bpm", 155), Map.of("bpm", 35), Map.of("bpm", 45)))
                .post("/v1/heart-rate/readings").then().statusCode(200)
                .body("status", equalTo(List.of("accepted", "accepted", "rejected", "accepted")));
        Map<String, Double> after = scrape();
        assertEquals(3, delta(before, after, "sinus_readings_total", "result=\"stored\""));
        assertEquals(1, delta(before, after, "sinus_readings_total", "result=\"rejected\""));
        assertEquals(1, delta(before, after, "sinus_alerts_total", "kind=\"high\""));
        assertEquals(1, delta(before, after, "sinus_alerts_total", "kind=\"low\""));
        assertTrue(after.containsKey("sinus_readings_total{result=\"throttled\"}"),
                "readings refused for their stream's rate (counted by HeartRateStreamTest)");
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
        return value(after, name, label) - value(before, name, label);
    }

    @Test
    void openWebSocketsAndGrpcStreamsAreGauges() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("metrics-live");
        String path = "path=\"/v1/events/stream\"";
        double socketsBefore = value(scrape(), "sinus_websocket_connections", path);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", user.basicAuthorization())
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/v1/events/stream"),
                        new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        await("the socket counted", () -> value(scrape(), "sinus_websocket_connections", path) == socketsBefore + 1);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        await("the socket gone", () -> value(scrape(), "sinus_websocket_connections", path) == socketsBefore);

        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        try {
            double streamsBefore = value(scrape(), "sinus_grpc_streams");
            HeartRateStream stream = HeartRateStream.open(channel, user.basicAuthorization());
            stream.send(70);
            assertTrue(stream.next().getSuccess());
            assertEquals(streamsBefore + 1, value(scrape(), "sinus_grpc_streams"));
            stream.requests.onCompleted();
            await("the stream gone", () -> value(scrape(), "sinus_grpc_streams") == streamsBefore);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void poolsAndJvmMemoryAreThere() {
        Map<String, Double> samples = scrape();
        assertTrue(value(samples, "agroal_max_used_count", "datasource=\"" + org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("sinus.db.kind", String.class) + "\"") >= 1,
                "the active database's pool has been used");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("agroal_active_count{")));
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("agroal_awaiting_count{")));
        assertTrue(samples.entrySet().stream().anyMatch(e -> e.getKey().startsWith("jvm_memory_used_bytes{area=\"heap\"")
                && e.getValue() > 0), "heap in use");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")));
    }
}
