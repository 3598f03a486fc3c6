package adapters.persistence;

import adapters.config.SinusConfig;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.hibernate.Session;

/**
 * The Hibernate session of the database chosen at start-up ({@code sinus.db.kind}). Both
 * persistence units are built into the one binary over the same entities; only the one whose
 * datasource is active is ever looked up, so the other never opens a connection.
 */
@ApplicationScoped
public class ActiveSession {

    private final Session session;

    ActiveSession(SinusConfig config, @Any Instance<Session> sessions) {
        String kind = config.db().kind().toString();
        this.session = sessions.select(new PersistenceUnit.PersistenceUnitLiteral(kind)).get();
    }

    /** A transaction-scoped session proxy: use it only inside a transaction. */
    public Session get() {
        return session;
    }
}
