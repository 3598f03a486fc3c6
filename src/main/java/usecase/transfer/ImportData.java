package usecase.transfer;

import domain.ConflictException;
import domain.InvalidInputException;
import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import usecase.port.AnalysisQueue;
import usecase.port.ApiTokenRepository;
import usecase.port.ArchiveReader;
import usecase.port.ArchiveWriter;
import usecase.port.EcgRepository;
import usecase.port.StoredEcg;
import usecase.port.UserRepository;

/**
 * Restores an archive into this database. The whole archive is read once to check it (format,
 * version, every record, the end record and its counts) before anything is written, so a damaged
 * archive changes nothing. Then records are stored one by one; records whose id is already here
 * are skipped, so an import interrupted by, say, a database outage can simply be run again. The one expected clash is the
 * administrator, whom every installation creates at first start: an imported administrator whose
 * name is taken is skipped (with their tokens); any other taken username stops the import.
 * Imported ECGs are analysed again by this release's engine rather than trusting results computed
 * elsewhere: they are stored pending and queued.
 */
@ApplicationScoped
public class ImportData {

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final EcgRepository ecgs;
    private final AnalysisQueue queue;

    public ImportData(UserRepository users, ApiTokenRepository tokens, EcgRepository ecgs, AnalysisQueue queue) {
        this.users = users;
        this.tokens = tokens;
        this.ecgs = ecgs;
        this.queue = queue;
    }

    /** What was imported and what was already here. */
    public record Result(long usersImported, long usersSkipped, long apiTokensImported, long apiTokensSkipped,
                         long ecgsImported, long ecgsSkipped) {
    }

    /** @param reader must be readable twice: once to check, once to import */
    public Result execute(ArchiveReader reader) {
        Counter check = new Counter(false);
        reader.read(check);
        check.requireEnded();
        Counter counter = new Counter(true);
        reader.read(counter);
        counter.requireEnded();
        return new Result(counter.usersImported, counter.usersSkipped, counter.tokensImported, counter.tokensSkipped,
                counter.ecgsImported, counter.ecgsSkipped);
    }

    /** Counts what it reads and checks the end record; stores it too when {@code store} is set. */
    private final class Counter implements ArchiveReader.Handler {

        private final boolean store;
        private final Set<UUID> skippedAdmins = new HashSet<>();
        private long usersImported;
        private long usersSkipped;
        private long tokensImported;
        private long tokensSkipped;
        private long ecgsImported;
        private long ecgsSkipped;
        private long usersRead;
        private long tokensRead;
        private long ecgsRead;
        private boolean ended;

        Counter(boolean store) {
            this.store = store;
        }

        void requireEnded() {
            if (!ended) {
                throw InvalidInputException.of("archive", "is truncated: it has no end record");
            }
        }

        @Override
        public void user(User user) {
            usersRead++;
            if (!store) {
                return;
            }
            if (users.findById(user.id()).isPresent()) {
                usersSkipped++;
                return;
            }
            Optional<User> sameName = users.findByUsername(user.username());
            if (sameName.isPresent()) {
                if (user.role() == Role.ADMIN && sameName.get().role() == Role.ADMIN) {
                    skippedAdmins.add(user.id());
                    usersSkipped++;
                    return;
                }
                throw new ConflictException("the username " + user.username() + " is taken here by another account;"
                        + " rename or delete it before importing");
            }
            if (!users.add(user)) {
                throw new ConflictException("the username " + user.username() + " is taken here by another account");
            }
            usersImported++;
        }

        @Override
        public void apiToken(ApiToken token) {
            tokensRead++;
            if (!store) {
                return;
            }
            if (!skippedAdmins.contains(token.userId()) && users.findById(token.userId()).isEmpty()) {
                throw InvalidInputException.of("archive", "API token " + token.id() + " belongs to user "
                        + token.userId() + ", who is not in the archive");
            }
            if (skippedAdmins.contains(token.userId()) || !tokens.add(token)) {
                tokensSkipped++;
                return;
            }
            tokensImported++;
        }

        @Override
        public void ecg(StoredEcg stored) {
            ecgsRead++;
            if (!store) {
                return;
            }
            if (users.findById(stored.ecg().ownerId()).isEmpty()) {
                throw InvalidInputException.of("archive", "ECG " + stored.ecg().id() + " belongs to user "
                        + stored.ecg().ownerId() + ", who is not in the archive");
            }
            Ecg ecg = stored.ecg();
            Ecg pending = new Ecg(ecg.id(), ecg.ownerId(), ecg.recording(), EcgStatus.PENDING, ecg.submittedAt(),
                    ecg.revision());
            if (ecgs.restore(new StoredEcg(pending, null, null))) {
                queue.enqueue(ecg.id());
                ecgsImported++;
            } else {
                ecgsSkipped++;
            }
        }

        @Override
        public void end(ArchiveWriter.ArchiveCounts counts) {
            if (counts.users() != usersRead || counts.apiTokens() != tokensRead || counts.ecgs() != ecgsRead) {
                throw InvalidInputException.of("archive", "is incomplete: it announces " + counts + " but holds "
                        + new ArchiveWriter.ArchiveCounts(usersRead, tokensRead, ecgsRead));
            }
            ended = true;
        }
    }
}
