package adapters;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with its analysis backlog at the bound ({@code SINUS_ANALYSIS_MAX_BACKLOG=0}, so the bound is reached
 * by every submission, deterministically): submissions and replacements get 503 with Retry-After and a problem, and
 * nothing is stored; reads go on.
 */
class BackPressureIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void aFullBacklogTurnsSubmissionsAwayWith503AndRetryAfterAndStoresNothing() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "backlog-admin",
                "SINUS_ANALYSIS_MAX_BACKLOG", "0"))) {
            app.start();
            app.as("admin", "backlog-admin").contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-password")).post("/v1/admin/users")
                    .then().statusCode(201);
            Map<String, Object> ecg = Map.of("sampling_rate_hz", 250,
                    "leads", List.of(Map.of("name", "I", "signal", new int[] {0, 5, -5, 3})));
            app.as("alice", "alice-password").contentType(ContentType.JSON).body(ecg).post("/v1/ecgs").then()
                    .statusCode(503).header("Retry-After", "1").contentType("application/problem+json")
                    .body("status", equalTo(503)).body("detail", containsString("waiting for their analysis"));
            app.as("alice", "alice-password").contentType(ContentType.JSON).body(ecg)
                    .put("/v1/ecgs/7f2c1f4e-1a2b-4c3d-9e8f-001122334455").then().statusCode(503).header("Retry-After", "1");
            app.as("alice", "alice-password").get("/v1/ecgs").then().statusCode(200).body("total_items", equalTo(0));
        }
    }
}
