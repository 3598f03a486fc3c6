package adapters;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as an operator runs it, on each database: 200 submissions, then {@code kill -9};
 * after a restart every one of them is there and ends up analysed.
 */
class PackagedJarCrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final int SUBMISSIONS = 200;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everySubmissionSurvivesKillMinus9AndIsAnalysedAfterRestart(String database) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        try (EmbeddedPostgres postgres = "postgresql".equals(database) ? TestPostgres.start() : null) {
            if (postgres != null) {
                environment.putAll(TestPostgres.environment(postgres));
            }
            submitKillRestartAndCheck(environment);
        }
    }

    private void submitKillRestartAndCheck(Map<String, String> environment) throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, environment)) {
            app.start();
            app.as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-password"))
                    .post("/v1/admin/users").then().statusCode(201);
            RequestSpecification alice = app.as("alice", "alice-password");
            String token = alice.contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens")
                    .then().statusCode(201).extract().path("token");

            int[] first = IntStream.range(0, 5_000).map(i -> (int) Math.round(800 * Math.sin(i / 20.0 + 0.1))).toArray();
            int[] second = IntStream.range(0, 5_000).map(i -> (i % 50) - 25).toArray();
            Map<String, Object> ecg = Map.of("sampling_rate_hz", 500,
                    "leads", List.of(Map.of("name", "I", "signal", first), Map.of("name", "II", "signal", second)));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                ids.add(given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                        .contentType(ContentType.JSON).body(ecg).post("/v1/ecgs")
                        .then().statusCode(202).extract().path("id"));
            }
            app.kill();

            app.start();
            app.awaitAllDone("alice", "alice-password", SUBMISSIONS);
            app.log().lines().filter(line -> line.contains("resumed the analysis")).forEach(System.out::println);

            int expected = crossings(first) + crossings(second);
            for (String id : List.of(ids.get(0), ids.get(SUBMISSIONS / 2), ids.get(SUBMISSIONS - 1))) {
                int total = app.as("alice", "alice-password").get("/v1/ecgs/" + id).then().statusCode(200)
                        .extract().path("zero_crossings_total");
                assertEquals(expected, total);
            }
        }
    }

    private static int crossings(int[] samples) {
        int count = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((long) samples[i - 1] * samples[i] < 0) {
                count++;
            }
        }
        return count;
    }
}
