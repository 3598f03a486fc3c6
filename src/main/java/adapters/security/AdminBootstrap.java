package adapters.security;

import adapters.config.SinusConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import usecase.account.EnsureAdminAccount;

/** Creates the administrator at first start and, when its password was generated, shows it once. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, EnsureAdminAccount ensureAdmin, SinusConfig config) {
        String username = config.admin().username();
        EnsureAdminAccount.Result result = ensureAdmin.execute(username, config.admin().password());
        result.generatedPassword().ifPresent(password -> LOG.warnf("""

                ================================================================
                 Sinus created the administrator account '%s'
                 with this generated password, shown only this once:

                     %s

                 Only its hash is stored. Keep it now, or set sinus.admin.password
                 (SINUS_ADMIN_PASSWORD) before the first start.
                ================================================================""", username, password));
        if (result.created() && result.generatedPassword().isEmpty()) {
            LOG.infof("created the administrator account '%s' with the configured password", username);
        }
    }
}
