package adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL is down when the service starts, comes up, goes away under the running service and comes
 * back: meanwhile requests get 503 problems and readiness is DOWN; afterwards the service works again
 * without a restart, and nothing is lost.
 */
class DatabaseOutageIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void outageGives503AndTheServiceRecoversWhenTheDatabaseIsBack() throws Exception {
        Path pgData = Files.createDirectories(workDir.resolve("pg"));
        int pgPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        // Initialise the cluster once, then stop it: the service starts while its database is down.
        EmbeddedPostgres postgres = startPostgres(pgData, pgPort);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        postgres.close();
        Path appDir = Files.createDirectories(workDir.resolve("app"));
        try (PackagedApp app = new PackagedApp(appDir, Map.of("SINUS_ADMIN_PASSWORD", "outage-admin",
                "SINUS_DB_KIND", "postgresql", "SINUS_DB_URL", url,
                "SINUS_DB_USERNAME", "postgres", "SINUS_DB_PASSWORD", "postgres", "SINUS_DB_STARTUP_RETRY_INTERVAL", "PT1S"))) {
            app.launch();
            awaitLive(app);
            given().baseUri(app.baseUri()).get("/q/health/ready").then().statusCode(503);
            // Until the database is prepared, every route but the platform's own (/q/) waits, with the same answer.
            for (String path : List.of("/v1/admin/users", "/v1/ecgs", "/no-such-page")) {
                app.as("admin", "outage-admin").get(path).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "5")
                        .header("X-Content-Type-Options", "nosniff")
                        .body("detail", equalTo("Sinus is waiting for its database; try again shortly."))
                        .body("instance", equalTo(path));
            }

            postgres = startPostgres(pgData, pgPort);
            app.awaitReady();
            app.as("admin", "outage-admin").contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-password"))
                    .post("/v1/admin/users").then().statusCode(201);
            String token = app.as("alice", "alice-password").contentType(ContentType.JSON).body("{}")
                    .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
            RequestSpecification alice = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token);
            Map<String, Object> ecg = Map.of("leads", List.of(Map.of("name", "II", "signal", List.of(1, -3, 5, 0, -2))));
            String before = alice.contentType(ContentType.JSON).body(ecg).post("/v1/ecgs")
                    .then().statusCode(202).extract().path("id");

            postgres.close();

            given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token).get("/v1/ecgs")
                    .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
            given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(ecg).post("/v1/ecgs")
                    .then().statusCode(503).contentType("application/problem+json");
            app.as("alice", "alice-password").get("/v1/ecgs").then().statusCode(503);
            given().baseUri(app.baseUri()).get("/q/health/ready").then().statusCode(503);

            postgres = startPostgres(pgData, pgPort);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (given().baseUri(app.baseUri()).get("/q/health/ready").statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not ready 60 s after the database came back:\n" + app.log());
                }
                Thread.sleep(200);
            }
            given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token).get("/v1/ecgs/" + before)
                    .then().statusCode(200).body("id", equalTo(before));
            String after = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON).body(ecg).post("/v1/ecgs")
                    .then().statusCode(202).extract().path("id");
            awaitDone(app, token, after);
            awaitDone(app, token, before);
        } finally {
            postgres.close();
        }
    }

    /** Up and answering HTTP, though not necessarily ready. */
    private static void awaitLive(PackagedApp app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().baseUri(app.baseUri()).get("/q/health/live").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not come up without its database:\n" + app.log());
    }

    private static void awaitDone(PackagedApp app, String token, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String status = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                    .get("/v1/ecgs/" + id).then().statusCode(200).extract().path("status");
            if ("done".equals(status)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ECG " + id + " is " + status + " long after the outage:\n" + app.log());
            }
            Thread.sleep(250);
        }
    }

    /** Keeps its data directory across stops, so the second start is the same database coming back. */
    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }
}
