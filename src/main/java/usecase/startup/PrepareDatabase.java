package usecase.startup;

import domain.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import usecase.account.EnsureAdminAccount;
import usecase.ecg.ResumePendingAnalyses;
import usecase.port.SchemaMigrator;

/**
 * Everything the service needs from its database before it can serve: the schema migrated, the
 * administrator account created, and the analyses of the previous run resumed. Until this has
 * succeeded once, {@link #isPrepared()} is false (a database that is down at start-up is retried).
 */
@ApplicationScoped
public class PrepareDatabase {

    private final SchemaMigrator migrator;
    private final EnsureAdminAccount ensureAdmin;
    private final ResumePendingAnalyses resumePending;
    private volatile boolean prepared;

    public PrepareDatabase(SchemaMigrator migrator, EnsureAdminAccount ensureAdmin, ResumePendingAnalyses resumePending) {
        this.migrator = migrator;
        this.ensureAdmin = ensureAdmin;
        this.resumePending = resumePending;
    }

    /** @param resumed how many pending analyses were queued again */
    public record Result(EnsureAdminAccount.Result admin, int resumed) {
    }

    public Result execute(String adminUsername, Optional<String> adminPassword, boolean resetAdminPassword) {
        migrator.migrate();
        EnsureAdminAccount.Result admin;
        try {
            admin = ensureAdmin.execute(adminUsername, adminPassword, resetAdminPassword);
        } catch (ConflictException raced) {
            // Another instance sharing the database created the administrator at this very moment: it exists now.
            admin = ensureAdmin.execute(adminUsername, adminPassword, resetAdminPassword);
        }
        int resumed = resumePending.afterStart();
        prepared = true;
        return new Result(admin, resumed);
    }

    public boolean isPrepared() {
        return prepared;
    }
}
