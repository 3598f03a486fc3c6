package adapters.lifecycle;

import adapters.config.SinusConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import usecase.PrepareService;
import usecase.port.SchemaMigrator.IncompatibleSchemaException;

/**
 * Prepares the database at start-up: migrates the schema, creates the administrator and resumes
 * pending analyses. A database that is down is retried every {@code sinus.db.startup-retry-interval}
 * while the service answers 503 and reports not ready; a schema from a newer Sinus stops the service.
 */
@ApplicationScoped
@Readiness
public class ServiceStartup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ServiceStartup.class);

    private final PrepareService prepare;
    private final SinusConfig config;
    private volatile String lastProblem = "starting";

    ServiceStartup(PrepareService prepare, SinusConfig config) {
        this.prepare = prepare;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        attempt(true);
    }

    @Scheduled(every = "${sinus.db.startup-retry-interval}", delayed = "${sinus.db.startup-retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUntilPrepared() {
        attempt(false);
    }

    private synchronized void attempt(boolean firstTry) {
        if (prepare.isPrepared()) {
            return;
        }
        PrepareService.Result result;
        try {
            result = prepare.execute(config.admin().username(), config.admin().password());
        } catch (IncompatibleSchemaException e) {
            LOG.error(e.getMessage());
            if (firstTry) {
                throw e;
            }
            Quarkus.asyncExit(1);
            return;
        } catch (RuntimeException e) {
            lastProblem = rootMessage(e);
            LOG.errorf("could not prepare the database (%s); Sinus answers 503 and tries again every %s",
                    lastProblem, config.db().startupRetryInterval());
            return;
        }
        if (!firstTry) {
            LOG.info("the database is available: Sinus is ready");
        }
        result.admin().generatedPassword().ifPresent(password -> LOG.warnf("""

                ================================================================
                 Sinus created the administrator account '%s'
                 with this generated password, shown only this once:

                     %s

                 Only its hash is stored. Keep it now, or set sinus.admin.password
                 (SINUS_ADMIN_PASSWORD) before the first start.
                ================================================================""",
                config.admin().username(), password));
        if (result.admin().created() && result.admin().generatedPassword().isEmpty()) {
            LOG.infof("created the administrator account '%s' with the configured password", config.admin().username());
        }
        if (result.resumed() > 0) {
            LOG.infof("resumed the analysis of %d pending ECG(s)", result.resumed());
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Sinus database prepared")
                .status(prepare.isPrepared())
                .withData("problem", prepare.isPrepared() ? "none" : lastProblem)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
