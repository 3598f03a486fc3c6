package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code SINUS_LOG_JSON=true}: every line it writes is one JSON object with a level, and after
 * sign-ins (right and wrong), a token, readings and an ECG, no password, token or heart rate appears in the log, and
 * no request is logged.
 */
class LogsIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void jsonLinesWithoutSecretsOrHealthData() throws Exception {
        String adminPassword = "log-admin-secret-7";
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", adminPassword,
                "SINUS_LOG_JSON", "true"))) {
            app.start();
            app.as("admin", adminPassword).contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-secret-password")).post("/v1/admin/users")
                    .then().statusCode(201);
            app.as("alice", "wrong-secret-password").get("/v1/ecgs").then().statusCode(401);
            String token = app.as("alice", "alice-secret-password").contentType(ContentType.JSON).body("{}")
                    .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
            app.as("alice", "alice-secret-password").contentType(ContentType.JSON)
                    .body(List.of(Map.of("bpm", 187), Map.of("bpm", 39))).post("/v1/heart-rate/readings")
                    .then().statusCode(200);
            app.as("alice", "alice-secret-password").contentType(ContentType.JSON)
                    .body(Map.of("sampling_rate_hz", 250, "leads", List.of(Map.of("name", "I", "signal", new int[] {0, 9, -9, 4}))))
                    .post("/v1/ecgs").then().statusCode(202);
            app.awaitAllDone("alice", "alice-secret-password", 1);
            app.stop();

            ObjectMapper json = new ObjectMapper();
            List<String> lines = app.log().lines().filter(line -> !line.isBlank()).toList();
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                JsonNode entry = json.readTree(line); // throws on a line that is not JSON
                assertTrue(entry.hasNonNull("level") && entry.hasNonNull("message"), line);
            }
            String log = String.join("\n", lines);
            for (String secret : List.of(adminPassword, "alice-secret-password", "wrong-secret-password", token,
                    "\"bpm\"", "/v1/heart-rate/readings")) {
                assertFalse(log.contains(secret), "the log shows " + secret + ":\n" + log);
            }
            // the heart rate as a number of its own in what was logged (not as digits of a timestamp or an id)
            Pattern heartRate = Pattern.compile("(?<![\\w.:-])187(?![\\w.:-])");
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                String logged = entry.path("message").asText() + " " + entry.path("exception").toString();
                assertFalse(heartRate.matcher(logged).find(), "the log shows the heart rate 187:\n" + line);
            }
            assertEquals(0, lines.stream().filter(line -> line.contains("\"level\":\"ERROR\"")).count(), log);
        }
    }
}
