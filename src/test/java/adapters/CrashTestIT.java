package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crash test: the packaged jar under a mixed load (ECG submissions of 2 leads x 5,000 samples with bearer tokens,
 * heart-rate readings in batches), killed with {@code kill -9} at a random moment, restarted, and again, {@code
 * crash.rounds} times (default 5; {@code src/test/bench/crash.sh} runs more). After every restart each acknowledged
 * submission (202) and each acknowledged reading (accepted in a 200) is stored; after the last one every ECG ends
 * analysed, none is left pending. The seed of the kill moments is printed, so a failing run can be repeated with
 * {@code -Dcrash.seed=...}.
 */
class CrashTestIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 5);
    /** The load runs for a random time in [min, max) ms before the kill. */
    private static final int MIN_LOAD_MS = Integer.getInteger("crash.min-load-ms", 500);
    private static final int MAX_LOAD_MS = Integer.getInteger("crash.max-load-ms", 3_000);
    private static final int ECG_CLIENTS = 3;
    private static final int READING_CLIENTS = 2;
    private static final int READINGS_PER_BATCH = 50;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void nothingAcknowledgedIsLostOverRepeatedKillMinus9UnderLoad(String database) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        try (EmbeddedPostgres postgres = TestPostgres.startFor(database, environment)) {
            try (PackagedApp app = new PackagedApp(workDir, environment)) {
                crashRepeatedly(app, database);
            }
        }
    }

    private void crashRepeatedly(PackagedApp app, String database) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        app.start();
        app.as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", "alice-password"))
                .post("/v1/admin/users").then().statusCode(201);
        String token = app.as("alice", "alice-password").contentType(ContentType.JSON).body("{}")
                .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
        String ecg = ecgBody();
        Instant base = Instant.now().minus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Set<String> acknowledgedEcgs = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            Load load = new Load(app.port(), token, ecg, base.plus(round * 1_000_000L, ChronoUnit.SECONDS));
            load.start();
            int loadMs = MIN_LOAD_MS + random.nextInt(MAX_LOAD_MS - MIN_LOAD_MS);
            Thread.sleep(loadMs);
            app.kill();
            load.stop();
            acknowledgedEcgs.addAll(load.ecgs);

            app.start(); // after the crash: all that was acknowledged must be there (and the next round's load goes on)
            Set<String> storedEcgs = storedEcgIds(app);
            Set<String> lostEcgs = new HashSet<>(acknowledgedEcgs);
            lostEcgs.removeAll(storedEcgs);
            assertEquals(Set.of(), lostEcgs, "acknowledged ECGs lost in round " + (round + 1) + " (seed " + seed + ")");
            Set<Long> storedReadings = storedReadingTimes(app, load.from, load.from.plus(999_999, ChronoUnit.SECONDS));
            Set<Long> lostReadings = new HashSet<>(load.readings);
            lostReadings.removeAll(storedReadings);
            assertEquals(Set.of(), lostReadings, "acknowledged readings lost in round " + (round + 1) + " (seed " + seed + ")");
            System.out.printf("crash test (%s) round %d: kill -9 after %d ms of load; %d ECGs and %d readings "
                            + "acknowledged in the round, all stored (%d ECGs in all, %d readings of the round)%n",
                    database, round + 1, loadMs, load.ecgs.size(), load.readings.size(), storedEcgs.size(),
                    storedReadings.size());
        }
        app.awaitAllDone("alice", "alice-password", storedEcgIds(app).size());
        System.out.printf("crash test (%s): %d rounds (seed %d), %d acknowledged ECGs, all analysed, none pending%n",
                database, ROUNDS, seed, acknowledgedEcgs.size());
    }

    /** Clients that submit ECGs and readings as fast as the service answers, and remember what was acknowledged. */
    private static final class Load {
        final Set<String> ecgs = ConcurrentHashMap.newKeySet();
        final Set<Long> readings = ConcurrentHashMap.newKeySet();
        final Instant from;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;
        private final String bearer;
        private final String ecg;

        Load(int port, String token, String ecg, Instant from) {
            this.base = URI.create("http://127.0.0.1:" + port);
            this.bearer = "Bearer " + token;
            this.ecg = ecg;
            this.from = from;
        }

        void start() {
            for (int i = 0; i < ECG_CLIENTS; i++) {
                threads.add(daemon(this::submitEcgs));
            }
            for (int i = 0; i < READING_CLIENTS; i++) {
                long first = from.getEpochSecond() + i * 100_000L;
                threads.add(daemon(() -> sendReadings(first)));
            }
        }

        private static Thread daemon(Runnable work) {
            Thread thread = new Thread(work, "crash-test-load");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        private void submitEcgs() {
            while (running.get()) {
                try {
                    HttpResponse<String> response = http.send(post("/v1/ecgs", ecg), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        Matcher id = ID.matcher(response.body());
                        assertTrue(id.find(), response.body());
                        ecgs.add(id.group(1));
                    }
                } catch (Exception killed) {
                    pause(); // the service is gone: this submission was not acknowledged
                }
            }
        }

        private void sendReadings(long first) {
            long next = first;
            while (running.get()) {
                List<Long> batch = new ArrayList<>();
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < READINGS_PER_BATCH; i++, next++) {
                    batch.add(next);
                    body.append(i == 0 ? "" : ",").append("{\"bpm\":").append(60 + next % 60)
                            .append(",\"timestamp\":").append(next).append('}');
                }
                try {
                    HttpResponse<String> response = http.send(post("/v1/heart-rate/readings", body.append(']').toString()),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        int accepted = response.body().split("\"accepted\"", -1).length - 1;
                        assertEquals(READINGS_PER_BATCH, accepted, response.body());
                        readings.addAll(batch);
                    }
                } catch (Exception killed) {
                    pause();
                }
            }
        }

        private HttpRequest post(String path, String body) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Set<String> storedEcgIds(PackagedApp app) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            List<String> found = app.as("alice", "alice-password").queryParam("size", 100).queryParam("page", page)
                    .get("/v1/ecgs").then().statusCode(200).extract().path("items.id");
            if (found.isEmpty()) {
                return ids;
            }
            ids.addAll(found);
        }
    }

    private static Set<Long> storedReadingTimes(PackagedApp app, Instant from, Instant to) {
        Set<Long> times = new HashSet<>();
        for (int page = 0; ; page++) {
            List<String> found = app.as("alice", "alice-password").queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("size", 100).queryParam("page", page)
                    .get("/v1/heart-rate/readings").then().statusCode(200).extract().path("items.timestamp");
            if (found.isEmpty()) {
                return times;
            }
            for (String time : found) {
                assertTrue(times.add(Instant.parse(time).getEpochSecond()), "stored twice: " + time);
            }
        }
    }

    /** The reference load: 2 leads x 5,000 samples at 500 Hz. */
    private static String ecgBody() {
        String first = IntStream.range(0, 5_000).mapToObj(i -> Long.toString(Math.round(800 * Math.sin(i / 20.0 + 0.1))))
                .collect(Collectors.joining(","));
        String second = IntStream.range(0, 5_000).mapToObj(i -> Integer.toString((i % 50) - 25)).collect(Collectors.joining(","));
        return "{\"sampling_rate_hz\":500,\"leads\":[{\"name\":\"I\",\"signal\":[" + first + "]},{\"name\":\"II\",\"signal\":["
                + second + "]}]}";
    }

}
