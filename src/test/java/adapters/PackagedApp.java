package adapters;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process, the way
 * an operator runs it: its own data directory, port and environment, output in {@code sinus.log}.
 */
final class PackagedApp implements AutoCloseable {

    private final Path workDir;
    private final Map<String, String> environment = new java.util.HashMap<>();
    private final int port;
    private Process process;

    PackagedApp(Path workDir, Map<String, String> environment) throws IOException {
        this.workDir = workDir;
        this.environment.putAll(environment);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts the jar and waits until it reports ready. */
    void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Starts the jar and waits for it to stop by itself; returns its exit code. */
    int startExpectingExit() throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the service kept running:\n" + log());
        }
        int code = process.exitValue();
        process = null;
        return code;
    }

    void launch() throws IOException {
        String jar = System.getProperty("sinus.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(jar).toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("sinus.log").toFile()));
        builder.environment().put("SINUS_DATA_DIR", dataDir().toString());
        builder.environment().put("SINUS_SECURITY_BCRYPT_COST", "10");
        builder.environment().put("SINUS_ANALYSIS_RETRY_INTERVAL", "PT2S");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Sets (or, with null, removes) an environment variable for the next start. */
    void env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
    }

    int port() {
        return port;
    }

    /** Waits until the service reports ready. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), () -> "the service died at start-up:\n" + log());
            try {
                if (given().baseUri(baseUri()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready in 60 s:\n" + log());
    }

    /** SIGTERM, the way an operator stops the service: it shuts down in order. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not stop within 60 s:\n" + log());
        }
        process = null;
    }

    /** {@link #stop()}, returning the exit code. */
    int stopAndExitCode() throws InterruptedException {
        Process stopping = process;
        stop();
        return stopping.exitValue();
    }

    /** {@code kill -9}: no shutdown hook runs and the database is not closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }

    Path dataDir() {
        return workDir.resolve("data").toAbsolutePath();
    }

    String log() {
        try {
            return Files.readString(workDir.resolve("sinus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Waits up to two minutes until all of the user's {@code expected} ECGs are done, checking at every look
     * that all of them are still stored.
     */
    void awaitAllDone(String username, String password, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int done;
        do {
            Thread.sleep(200);
            List<String> statuses = new ArrayList<>();
            for (int page = 0; page * 100 < expected; page++) {
                statuses.addAll(as(username, password).queryParam("size", 100).queryParam("page", page)
                        .get("/v1/ecgs").then().statusCode(200).extract().<List<String>>path("items.status"));
            }
            assertEquals(expected, statuses.size(), "every acknowledged submission is stored");
            done = (int) statuses.stream().filter("done"::equals).count();
        } while (done < expected && System.nanoTime() < deadline);
        assertEquals(expected, done, "every ECG ends done");
    }

    RequestSpecification as(String username, String password) {
        return given().baseUri(baseUri()).auth().preemptive().basic(username, password);
    }
}
