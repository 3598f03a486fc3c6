package adapters;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * With {@code -Dtests.database=postgresql} (the second Surefire execution), every {@code @QuarkusTest}
 * runs against a real PostgreSQL server started for the run; otherwise the tests use embedded H2
 * and this resource does nothing.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    public static boolean requested() {
        return "postgresql".equals(System.getProperty("tests.database"));
    }

    @Override
    public Map<String, String> start() {
        if (!requested()) {
            return Map.of();
        }
        postgres = TestPostgres.start();
        return Map.of(
                "sinus.db.kind", "postgresql",
                "sinus.db.url", postgres.getJdbcUrl("postgres", "postgres"),
                "sinus.db.username", "postgres",
                "sinus.db.password", "postgres",
                "quarkus.flyway.postgresql.clean-at-start", "true",
                "quarkus.flyway.postgresql.clean-disabled", "false");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
