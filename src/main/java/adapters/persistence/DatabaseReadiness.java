package adapters.persistence;

import adapters.config.SinusConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only while the active database answers. The response names the check and its state, nothing
 * else: why the database is away (a wrong password, its address) goes to the log, never to an anonymous
 * caller of {@code /q/health}.
 */
@ApplicationScoped
@Readiness
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int TIMEOUT_SECONDS = 3;

    private final AgroalDataSource dataSource;

    DatabaseReadiness(SinusConfig config, @Any Instance<AgroalDataSource> dataSources) {
        String kind = config.db().kind().toString();
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(kind)).get();
    }

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("readiness: the database does not answer: %s", e.getMessage());
            up = false;
        }
        return HealthCheckResponse.named("database").status(up).build();
    }
}
