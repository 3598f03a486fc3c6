package adapters;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** A database migrated by a newer Sinus: the service refuses to start, and says why. */
class SchemaVersionIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void refusesToStartOnASchemaFromANewerRelease() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "schema-admin"))) {
            app.start();
            app.kill();

            try (Connection connection = DriverManager.getConnection(
                    "jdbc:h2:file:" + app.dataDir().resolve("sinus"), "sinus", "sinus");
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                            "checksum", "installed_by", "installed_on", "execution_time", "success")
                        VALUES (99, '99', 'from a future release', 'SQL', 'V99__from_a_future_release.sql',
                            0, 'test', CURRENT_TIMESTAMP, 0, TRUE)""");
            }

            int exitCode = app.startExpectingExit();
            assertNotEquals(0, exitCode);
            assertTrue(app.log().contains("schema is at version 99, newer than version"), app.log());
            assertTrue(app.log().contains("will not start on it"), app.log());
        }
    }
}
