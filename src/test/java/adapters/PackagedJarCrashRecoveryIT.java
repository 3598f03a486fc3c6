package adapters;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as an operator runs it: 200 submissions, then {@code kill -9}; after a restart
 * on the same data directory every one of them is there and ends up analysed.
 */
class PackagedJarCrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final int SUBMISSIONS = 200;

    @TempDir
    Path workDir;

    private Process process;
    private int port;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void everySubmissionSurvivesKillMinus9AndIsAnalysedAfterRestart() throws Exception {
        start();
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "alice", "password", "alice-password"))
                .post("/v1/admin/users").then().statusCode(201);
        String token = alice().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens")
                .then().statusCode(201).extract().path("token");

        int[] first = IntStream.range(0, 5_000).map(i -> (int) Math.round(800 * Math.sin(i / 20.0 + 0.1))).toArray();
        int[] second = IntStream.range(0, 5_000).map(i -> (i % 50) - 25).toArray();
        Map<String, Object> ecg = Map.of("sampling_rate_hz", 500,
                "leads", List.of(Map.of("name", "I", "signal", first), Map.of("name", "II", "signal", second)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            ids.add(given().baseUri(base()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(ecg).post("/v1/ecgs")
                    .then().statusCode(202).extract().path("id"));
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no orderly close of the database
        process = null;

        start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int done;
        do {
            Thread.sleep(200);
            List<String> statuses = alice().queryParam("size", 100).get("/v1/ecgs?page=0").then().statusCode(200)
                    .extract().path("items.status");
            List<String> secondPage = alice().queryParam("size", 100).get("/v1/ecgs?page=1").then().statusCode(200)
                    .extract().path("items.status");
            statuses = new ArrayList<>(statuses);
            statuses.addAll(secondPage);
            assertEquals(SUBMISSIONS, statuses.size(), "every acknowledged submission is still stored");
            done = (int) statuses.stream().filter("done"::equals).count();
        } while (done < SUBMISSIONS && System.nanoTime() < deadline);
        assertEquals(SUBMISSIONS, done, "every ECG is analysed after the restart");
        log().lines().filter(line -> line.contains("resumed the analysis")).forEach(System.out::println);

        int expected = crossings(first) + crossings(second);
        for (String id : List.of(ids.get(0), ids.get(SUBMISSIONS / 2), ids.get(SUBMISSIONS - 1))) {
            int total = alice().get("/v1/ecgs/" + id).then().statusCode(200).extract().path("zero_crossings_total");
            assertEquals(expected, total);
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

    private void start() throws IOException, InterruptedException {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        }
        String jar = System.getProperty("sinus.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(jar).toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("sinus.log").toFile()));
        builder.environment().put("SINUS_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString());
        builder.environment().put("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("SINUS_SECURITY_BCRYPT_COST", "10");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), () -> "the service died at start-up:\n" + log());
            try {
                if (given().baseUri(base()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready in 60 s:\n" + log());
    }

    private String log() {
        try {
            return Files.readString(workDir.resolve("sinus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private RequestSpecification asAdmin() {
        return given().baseUri(base()).auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    private RequestSpecification alice() {
        return given().baseUri(base()).auth().preemptive().basic("alice", "alice-password");
    }
}
