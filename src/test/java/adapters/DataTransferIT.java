package adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user outgrows H2: export everything from the packaged jar on H2, import it into the same jar on
 * PostgreSQL, and every account, token, ECG and result is there and works.
 */
class DataTransferIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void everythingExportedFromH2IsThereAfterImportIntoPostgresql() throws Exception {
        byte[] archive;
        String aliceToken;
        List<String> aliceEcgs = new ArrayList<>();
        String aliceList;
        String bobList;
        try (PackagedApp h2 = new PackagedApp(Files.createDirectories(workDir.resolve("h2")),
                Map.of("SINUS_ADMIN_PASSWORD", "h2-admin"))) {
            h2.start();
            for (String user : List.of("alice", "bob")) {
                h2.as("admin", "h2-admin").contentType(ContentType.JSON)
                        .body(Map.of("username", user, "password", user + "-password"))
                        .post("/v1/admin/users").then().statusCode(201);
            }
            aliceToken = h2.as("alice", "alice-password").contentType(ContentType.JSON).body(Map.of("name", "ward 3"))
                    .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
            for (int i = 0; i < 12; i++) {
                int[] samples = IntStream.range(0, 2_000 + i).map(k -> (int) Math.round(500 * Math.sin(k / 15.0 + 0.2))).toArray();
                Map<String, Object> ecg = Map.of("sampling_rate_hz", 360, "date", "2026-11-2" + (i % 9) + "T10:00:00Z",
                        "leads", List.of(Map.of("name", "MLII", "signal", samples), Map.of("name", "V5", "signal", new int[] {i, -i, i})));
                aliceEcgs.add(h2.as("alice", "alice-password").contentType(ContentType.JSON).body(ecg)
                        .post("/v1/ecgs").then().statusCode(202).extract().path("id"));
            }
            h2.as("bob", "bob-password").contentType(ContentType.JSON)
                    .body(Map.of("leads", List.of(Map.of("name", "I", "signal", new int[] {1, -1})))).post("/v1/ecgs")
                    .then().statusCode(202);
            awaitAllDone(h2, "alice", 12);
            awaitAllDone(h2, "bob", 1);
            aliceList = h2.as("alice", "alice-password").queryParam("size", 100).get("/v1/ecgs").asString();
            bobList = h2.as("bob", "bob-password").get("/v1/ecgs").asString();
            archive = h2.as("admin", "h2-admin").get("/v1/admin/export").then().statusCode(200).extract().asByteArray();
        }

        try (EmbeddedPostgres postgres = TestPostgres.start();
             PackagedApp pg = new PackagedApp(Files.createDirectories(workDir.resolve("pg")), Map.of(
                     "SINUS_ADMIN_PASSWORD", "pg-admin", "SINUS_DB_KIND", "postgresql",
                     "SINUS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                     "SINUS_DB_USERNAME", "postgres", "SINUS_DB_PASSWORD", "postgres"))) {
            pg.start();
            pg.as("admin", "pg-admin").contentType("application/gzip").body(archive).post("/v1/admin/import")
                    .then().statusCode(200)
                    .body("users_imported", equalTo(2)).body("users_skipped", equalTo(1))
                    .body("api_tokens_imported", equalTo(1)).body("ecgs_imported", equalTo(13));

            // imported ECGs are analysed again by the importing installation, to the same results
            awaitAllDone(pg, "alice", 12);
            awaitAllDone(pg, "bob", 1);
            assertEquals(withoutAnalysisTimes(aliceList), withoutAnalysisTimes(
                            pg.as("alice", "alice-password").queryParam("size", 100).get("/v1/ecgs").asString()),
                    "alice's ECGs, statuses, dates and results are identical");
            assertEquals(withoutAnalysisTimes(bobList), withoutAnalysisTimes(pg.as("bob", "bob-password").get("/v1/ecgs").asString()));
            given().baseUri(pg.baseUri()).header("Authorization", "Bearer " + aliceToken)
                    .get("/v1/ecgs/" + aliceEcgs.get(5)).then().statusCode(200).body("status", equalTo("done"));
            pg.as("bob", "bob-password").get("/v1/ecgs/" + aliceEcgs.get(0)).then().statusCode(404);
            pg.as("admin", "h2-admin").get("/v1/admin/users").then().statusCode(401); // this installation's admin stays
            pg.as("admin", "pg-admin").get("/v1/admin/users").then().statusCode(200);

            // Re-importing is harmless, and the samples made it across: a replacement analyses the same way.
            pg.as("admin", "pg-admin").contentType("application/gzip").body(archive).post("/v1/admin/import")
                    .then().statusCode(200).body("ecgs_imported", equalTo(0)).body("ecgs_skipped", equalTo(13));
            byte[] again = pg.as("admin", "pg-admin").get("/v1/admin/export").then().statusCode(200).extract().asByteArray();
            assertEquals(ecgLines(archive).stream().map(DataTransferIT::withoutAnalysisTimes).toList(),
                    ecgLines(again).stream().map(DataTransferIT::withoutAnalysisTimes).toList(),
                    "the ECG records, samples included, round-trip exactly");
        }
    }

    private static String withoutAnalysisTimes(String json) {
        return json.replaceAll("\"analysed_at\":\"[^\"]*\"", "");
    }

    private static List<String> ecgLines(byte[] archive) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(archive))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("\"type\":\"ecg\"")).sorted().toList();
        }
    }

    private static void awaitAllDone(PackagedApp app, String user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<String> statuses = app.as(user, user + "-password").queryParam("size", 100).get("/v1/ecgs")
                    .then().statusCode(200).extract().path("items.status");
            if (statuses.size() == count && statuses.stream().allMatch("done"::equals)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + "'s ECGs are not all done: " + statuses);
            }
            Thread.sleep(100);
        }
    }
}
