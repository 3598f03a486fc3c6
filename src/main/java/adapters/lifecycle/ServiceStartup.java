package adapters.lifecycle;

import adapters.config.SinusConfig;
import adapters.http.Failures;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import java.util.concurrent.CompletableFuture;
import usecase.account.Authenticate;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import usecase.startup.PrepareDatabase;
import usecase.account.EnsureAdminAccount;

/**
 * Prepares the service at start-up: empties the upload spool (what a crash left there), migrates the
 * schema, creates the administrator and resumes pending analyses. A database that is unreachable is
 * retried every {@code sinus.db.startup-retry-interval} while the service answers 503 and reports not
 * ready; anything else (a wrong password, a schema from a newer Sinus, an invalid setting) will not go
 * away by waiting, so the service stops with one line that says what is wrong.
 */
@ApplicationScoped
@Readiness
public class ServiceStartup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ServiceStartup.class);

    private final PrepareDatabase prepare;
    private final SinusConfig config;
    private final Path spool;
    private volatile boolean stopping;

    private final Authenticate authenticate;

    ServiceStartup(PrepareDatabase prepare, SinusConfig config, Authenticate authenticate,
                   @ConfigProperty(name = "quarkus.http.body.uploads-directory") String spool) {
        this.prepare = prepare;
        this.authenticate = authenticate;
        this.config = config;
        this.spool = Path.of(spool);
    }

    void onStart(@Observes StartupEvent event) {
        emptySpool();
        attempt(true);
        // the timing decoy for unknown usernames is one bcrypt hash: made beside the first requests, not before them
        CompletableFuture.runAsync(authenticate::prepare);
    }

    /** A retry already triggered must not run into the beans being destroyed. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${sinus.db.startup-retry-interval}", delayed = "${sinus.db.startup-retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUntilPrepared() {
        attempt(false);
    }

    /** Uploads are spooled here only while their request runs: whatever is here at start-up, a crash left. */
    private void emptySpool() {
        try {
            Files.createDirectories(spool);
            int removed = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, Files::isRegularFile)) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.infof("removed %d upload(s) left in %s by an earlier run", removed, spool.toAbsolutePath().normalize());
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not empty the upload folder %s: %s", spool.toAbsolutePath(), e.getMessage());
        }
    }

    private synchronized void attempt(boolean firstTry) {
        if (prepare.isPrepared() || stopping) {
            return;
        }
        PrepareDatabase.Result result;
        try {
            result = prepare.execute(config.admin().username(), config.admin().password(),
                    config.admin().resetPassword());
        } catch (RuntimeException e) {
            if (Failures.databaseUnreachable(e)) {
                LOG.errorf("the database is unavailable (%s); Sinus answers 503 and tries again every %s",
                        rootMessage(e), config.db().startupRetryInterval());
                return;
            }
            LOG.errorf("Sinus cannot start: %s", e.getCause() == null ? e.getMessage() : rootMessage(e));
            stopping = true;
            Quarkus.asyncExit(1);
            return;
        }
        if (!firstTry) {
            LOG.info("the database is available: Sinus is ready");
        }
        report(result.admin());
        if (result.resumed() > 0) {
            LOG.infof("resumed the analysis of %d pending ECG(s)", result.resumed());
        }
    }

    private void report(EnsureAdminAccount.Result admin) {
        String name = config.admin().username();
        admin.generatedPassword().ifPresent(password -> LOG.warnf("""

                ================================================================
                 Sinus %s the administrator account '%s'
                 with this generated password, shown only this once:

                     %s

                 Only its hash is stored. Keep it now, or set sinus.admin.password
                 (SINUS_ADMIN_PASSWORD) before the first start.
                ================================================================""",
                admin.outcome() == EnsureAdminAccount.Outcome.RESET ? "reset the password of" : "created",
                name, password));
        switch (admin.outcome()) {
            case CREATED -> {
                if (admin.generatedPassword().isEmpty()) {
                    LOG.infof("created the administrator account '%s' with the configured password", name);
                }
            }
            case RESET -> LOG.warnf("reset the password of the administrator '%s' and revoked its API tokens, as "
                    + "sinus.admin.reset-password asks: unset it now, or every start resets the password again", name);
            case EXISTS_CONFIGURED_PASSWORD_UNUSED -> LOG.warnf("sinus.admin.password is set, but the administrator "
                    + "'%s' exists already and keeps its password: the setting applies only when the account is "
                    + "created. To set it to the configured password, start once with sinus.admin.reset-password=true "
                    + "(SINUS_ADMIN_RESET_PASSWORD=true).", name);
            case EXISTS -> {
            }
        }
    }

    /** Names and states only: what went wrong is in the log, never in an anonymous response. */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database prepared").status(prepare.isPrepared()).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
