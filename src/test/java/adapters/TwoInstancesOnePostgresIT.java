package adapters;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged jars on one PostgreSQL database, the start of a distributed deployment. ECGs are submitted
 * to one instance only, faster than its single analysis thread keeps up with, while both look for work: the
 * first through its queue and both through their periodic retry (every second here), so both are handed the
 * same ECGs at the same time. Each ECG must still be analysed exactly once. The proof is in the database:
 * every claim counts an attempt, and nothing is analysed without a claim, so an ECG analysed twice would
 * show two attempts. The two start at the same moment on the empty database, as replicas do.
 */
class TwoInstancesOnePostgresIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final int SUBMISSIONS = 200;
    private static final int CLIENTS = 4;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void everyEcgIsAnalysedExactlyOnceWhenTwoInstancesCompeteForTheWork() throws Exception {
        try (EmbeddedPostgres postgres = TestPostgres.start()) {
            Map<String, String> shared = Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "SINUS_DB_KIND", "postgresql", "SINUS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "SINUS_DB_USERNAME", "postgres", "SINUS_DB_PASSWORD", "postgres",
                    "SINUS_ANALYSIS_RETRY_INTERVAL", "PT1S",
                    "SMALLRYE_MESSAGING_WORKER_SINUS_ANALYSIS_MAX_CONCURRENCY", "1");
            try (PackagedApp a = instance("a", shared); PackagedApp b = instance("b", shared)) {
                // Both at once, as two replicas start: they race to migrate the schema and create the administrator.
                a.launch();
                b.launch();
                a.awaitReady();
                b.awaitReady();

                a.as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                        .body(Map.of("username", "alice", "password", "alice-password"))
                        .post("/v1/admin/users").then().statusCode(201);
                String token = a.as("alice", "alice-password").contentType(ContentType.JSON).body("{}")
                        .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
                List<String> ids = submit(a, token);

                b.awaitAllDone("alice", "alice-password", ids.size());

                Map<String, Integer> analysedBy = new TreeMap<>();
                try (Connection db = postgres.getPostgresDatabase().getConnection();
                     Statement query = db.createStatement();
                     ResultSet rows = query.executeQuery(
                             "select status, analysis_attempts, claimed_by, claimed_until from ecgs")) {
                    int count = 0;
                    while (rows.next()) {
                        count++;
                        assertEquals("DONE", rows.getString(1));
                        assertEquals(1, rows.getInt(2), "an ECG claimed (and so analysed) more than once");
                        assertEquals(null, rows.getObject(4), "a finished analysis holds no claim");
                        analysedBy.merge(rows.getString(3), 1, Integer::sum);
                    }
                    assertEquals(SUBMISSIONS, count);
                }
                System.out.println("ECGs analysed per instance: " + analysedBy);
                assertEquals(List.of("a", "b"), List.copyOf(analysedBy.keySet()),
                        "both instances took work, so they did compete for it: " + analysedBy);
                assertEquals(ids.get(0), b.as("alice", "alice-password").get("/v1/ecgs/" + ids.get(0))
                        .then().statusCode(200).extract().path("id"), "both serve the same data");
            }
        }
    }

    private PackagedApp instance(String name, Map<String, String> shared) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Map<String, String> environment = new java.util.HashMap<>(shared);
        environment.put("SINUS_INSTANCE_ID", name);
        return new PackagedApp(dir, environment);
    }

    /** 200 two-lead minute-long ECGs from four clients at once. */
    private static List<String> submit(PackagedApp app, String token) throws Exception {
        int[] first = IntStream.range(0, 30_000).map(i -> (int) Math.round(800 * Math.sin(i / 20.0 + 0.1))).toArray();
        int[] second = IntStream.range(0, 30_000).map(i -> (i % 50) - 25).toArray();
        Map<String, Object> ecg = Map.of("sampling_rate_hz", 500,
                "leads", List.of(Map.of("name", "I", "signal", first), Map.of("name", "II", "signal", second)));
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ecg);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = 0; i < SUBMISSIONS / CLIENTS; i++) {
                        ids.add(given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                                .contentType(ContentType.JSON).body(body).post("/v1/ecgs")
                                .then().statusCode(202).extract().path("id"));
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return ids;
    }

}
