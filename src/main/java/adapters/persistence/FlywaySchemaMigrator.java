package adapters.persistence;

import adapters.config.SinusConfig;
import io.quarkus.flyway.FlywayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import usecase.port.SchemaMigrator;

/**
 * Flyway on the active datasource, run by the service itself rather than at Quarkus boot, so that a
 * database that is down at start-up can be retried, and so that a schema written by a newer Sinus
 * stops the service with a message that says so (Flyway alone would ignore such "future" migrations).
 */
@ApplicationScoped
public class FlywaySchemaMigrator implements SchemaMigrator {

    private final String kind;
    private final Instance<Flyway> flyways;

    FlywaySchemaMigrator(SinusConfig config, @Any Instance<Flyway> flyways) {
        this.kind = config.db().kind().toString();
        this.flyways = flyways;
    }

    @Override
    public void migrate() {
        Flyway flyway = flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(kind)).get();
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> future = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (future.isPresent()) {
            MigrationVersion known = Arrays.stream(all)
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                    .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
            throw new IncompatibleSchemaException("The " + kind + " database schema is at version "
                    + future.get().getVersion() + ", newer than version " + known + " that this Sinus knows. "
                    + "It was written by a newer Sinus: run that release (or newer), or restore a backup "
                    + "taken before the upgrade. Sinus will not start on it, to avoid corrupting data.");
        }
        flyway.migrate();
    }
}
