package usecase.transfer;

import domain.ConflictException;
import domain.InvalidInputException;
import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.RecordingLimits;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Reading;
import domain.heartrate.Readings;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import usecase.Transactions;
import usecase.port.AnalysisQueue;
import usecase.port.ApiTokenRepository;
import usecase.port.ArchiveReader;
import usecase.port.ArchiveWriter;
import usecase.port.EcgRepository;
import usecase.port.HeartRateLog;
import usecase.port.HeartRateSettings;
import usecase.port.StoredEcg;
import usecase.port.UserRepository;

/**
 * Restores an archive into this installation. An archive only ever creates what it brings: accounts
 * this installation does not have, with their tokens, ECGs and heart-rate settings and readings. An account that is here already (the same
 * id under the same username: restored before, or never deleted) is skipped with everything the archive
 * holds for it, and so is an archived administrator whose name an administrator has here (every
 * installation creates one at first start). So an archive never adds a credential or an ECG to an
 * account that exists here, and cannot be used to impersonate a user or plant data in their account.
 *
 * <p>The whole archive is read once to check it before anything is written: its format, version, every
 * record and the end record's counts, and every clash with this installation (a username taken here by
 * another account, an account id here under another name, a token id or secret in use here, a token or
 * ECG whose owner is not in the archive). A damaged or clashing archive therefore changes nothing.
 *
 * <p>Then records are stored one transaction each, not all in one: an archive holds any number of
 * recordings, and a single transaction over all of them would hold the whole archive in the database's
 * undo log and outlast every transaction timeout. Should storing fail half-way (the database goes away),
 * the accounts created so far are deleted again, with everything they own; after a crash half-way, the
 * accounts it created are reported as taken by the next attempt and can be deleted before it.
 * Imported ECGs are analysed again by this release's engine rather than trusting results computed
 * elsewhere: they are stored pending and queued.
 */
@ApplicationScoped
public class RestoreArchive {

    private static final int MAX_LISTED = 10;
    /** Archived readings were stored once: only their values are checked again, not their time. */
    private static final Instant NO_FUTURE_CHECK = Instant.parse("9000-01-01T00:00:00Z");

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final EcgRepository ecgs;
    private final AnalysisQueue queue;
    private final Transactions transactions;
    private final RecordingLimits limits;
    private final HeartRateSettings heartRateSettings;
    private final HeartRateLog heartRateLog;

    public RestoreArchive(UserRepository users, ApiTokenRepository tokens, EcgRepository ecgs, AnalysisQueue queue,
                          Transactions transactions, RecordingLimits limits, HeartRateSettings heartRateSettings,
                          HeartRateLog heartRateLog) {
        this.heartRateSettings = heartRateSettings;
        this.heartRateLog = heartRateLog;
        this.transactions = transactions;
        this.users = users;
        this.tokens = tokens;
        this.ecgs = ecgs;
        this.queue = queue;
        this.limits = limits;
    }

    /** What was imported, and what was skipped: accounts here already, with their tokens and ECGs. */
    public record Result(long usersImported, long usersSkipped, long apiTokensImported, long apiTokensSkipped,
                         long ecgsImported, long ecgsSkipped, long heartRateReadingsImported,
                         long heartRateReadingsSkipped) {
    }

    /** @param reader must be readable twice: once to check, once to import */
    public Result execute(ArchiveReader reader) {
        Check check = new Check();
        reader.read(check);
        check.requireSound();
        Store store = new Store(check);
        try {
            reader.read(store);
        } catch (RuntimeException e) {
            store.undo();
            throw e;
        }
        return new Result(store.usersImported, check.skipped.size(), store.tokensImported, check.tokensSkipped,
                store.ecgsImported, check.ecgsSkipped, store.readingsImported, check.readingsSkipped);
    }

    /** The first pass: reads everything, stores nothing, and collects every reason not to import. */
    private final class Check implements ArchiveReader.Handler {

        private final Map<UUID, Role> archivedUsers = new HashMap<>();
        private final Set<String> archivedNames = new HashSet<>();
        /** Accounts here already, skipped with everything the archive holds for them. */
        private final Set<UUID> skipped = new HashSet<>();
        private final Set<UUID> tokenIds = new HashSet<>();
        private final Set<String> tokenSecrets = new HashSet<>();
        private final Set<EcgKey> ecgKeys = new HashSet<>();
        private final List<String> conflicts = new ArrayList<>();
        private long usersRead;
        private long tokensRead;
        private long ecgsRead;
        private long tokensSkipped;
        private long ecgsSkipped;
        private long settingsRead;
        private long readingsRead;
        private long readingsSkipped;
        private final Set<UUID> settingsOwners = new HashSet<>();
        private boolean ended;

        @Override
        public void user(User user) {
            usersRead++;
            if (archivedUsers.containsKey(user.id()) || !archivedNames.add(user.username().value())) {
                throw invalid("user " + user.username() + " (" + user.id() + ") appears twice");
            }
            archivedUsers.put(user.id(), user.role());
            Optional<User> sameName = users.findByUsername(user.username());
            Optional<User> sameId = users.findById(user.id());
            boolean ownAdministrator = sameName.isPresent() && user.role() == Role.ADMIN
                    && sameName.get().role() == Role.ADMIN;
            boolean alreadyHere = sameName.isPresent() && sameName.get().id().equals(user.id());
            if (ownAdministrator || alreadyHere) {
                skipped.add(user.id());
            } else if (sameName.isPresent()) {
                conflict("the username " + user.username() + " is taken here by another account");
            } else if (sameId.isPresent()) {
                conflict("the account " + user.id() + " exists here as " + sameId.get().username());
            }
        }

        @Override
        public void apiToken(ApiToken token) {
            tokensRead++;
            if (!archivedUsers.containsKey(token.userId())) {
                throw invalid("API token " + token.id() + " belongs to user " + token.userId()
                        + ", who is not in the archive before it");
            }
            if (!tokenIds.add(token.id()) || !tokenSecrets.add(token.secretHash())) {
                throw invalid("API token " + token.id() + " appears twice, or shares its secret with another");
            }
            if (skipped.contains(token.userId())) {
                tokensSkipped++;
                return;
            }
            if (tokens.exists(token.id(), token.secretHash())) {
                conflict("API token " + token.id() + " (or its secret) exists here");
            }
        }

        @Override
        public void ecg(StoredEcg stored) {
            ecgsRead++;
            Ecg ecg = stored.ecg();
            Role owner = archivedUsers.get(ecg.ownerId());
            if (owner == null) {
                throw invalid("ECG " + ecg.id() + " belongs to user " + ecg.ownerId()
                        + ", who is not in the archive before it");
            }
            if (owner == Role.ADMIN) {
                throw invalid("ECG " + ecg.id() + " belongs to an administrator, and administrators own no ECGs");
            }
            if (!ecgKeys.add(ecg.key())) {
                throw invalid("ECG " + ecg.id() + " of user " + ecg.ownerId() + " appears twice");
            }
            if (skipped.contains(ecg.ownerId())) {
                ecgsSkipped++;
                return;
            }
            try {
                limits.check(ecg.recording());
            } catch (InvalidInputException e) {
                throw invalid("ECG " + ecg.id() + " cannot be stored here: " + e.getMessage());
            }
        }

        @Override
        public void heartRateSettings(UUID owner, AlertThresholds thresholds) {
            settingsRead++;
            requireUser(owner, "heart-rate settings");
            if (!settingsOwners.add(owner)) {
                throw invalid("the heart-rate settings of user " + owner + " appear twice");
            }
        }

        @Override
        public void heartRateReadings(UUID owner, List<Reading> readings) {
            readingsRead += readings.size();
            requireUser(owner, "heart-rate readings");
            for (Reading reading : readings) {
                String refusal = Readings.refusal(reading.bpm(), reading.time(), reading.device(), NO_FUTURE_CHECK);
                if (refusal != null) {
                    throw invalid("a heart-rate reading of user " + owner + " at " + reading.time()
                            + " cannot be stored: " + refusal);
                }
            }
            if (skipped.contains(owner)) {
                readingsSkipped += readings.size();
            }
        }

        private void requireUser(UUID owner, String what) {
            Role role = archivedUsers.get(owner);
            if (role == null) {
                throw invalid(what + " belong to user " + owner + ", who is not in the archive before them");
            }
            if (role == Role.ADMIN) {
                throw invalid(what + " belong to an administrator, and administrators have none");
            }
        }

        @Override
        public void end(ArchiveWriter.ArchiveCounts counts) {
            ArchiveWriter.ArchiveCounts held = new ArchiveWriter.ArchiveCounts(usersRead, tokensRead, ecgsRead,
                    settingsRead, readingsRead);
            if (!counts.equals(held)) {
                throw invalid("is incomplete: it announces " + counts + " but holds " + held);
            }
            ended = true;
        }

        private void conflict(String what) {
            conflicts.add(what);
        }

        void requireSound() {
            if (!ended) {
                throw invalid("is truncated: it has no end record");
            }
            if (!conflicts.isEmpty()) {
                String listed = String.join("; ", conflicts.subList(0, Math.min(MAX_LISTED, conflicts.size())));
                throw new ConflictException("the archive clashes with this installation, so nothing was imported: "
                        + listed + (conflicts.size() > MAX_LISTED ? "; and " + (conflicts.size() - MAX_LISTED)
                        + " more" : "") + ". An archive only creates its own accounts: rename or delete these here,"
                        + " or import into an empty installation.");
            }
        }

        private static InvalidInputException invalid(String message) {
            return InvalidInputException.of("archive", message);
        }
    }

    /** The second pass: stores what the first pass found sound. */
    private final class Store implements ArchiveReader.Handler {

        private final Check check;
        private final List<UUID> created = new ArrayList<>();
        private long usersImported;
        private long tokensImported;
        private long ecgsImported;
        private long readingsImported;

        Store(Check check) {
            this.check = check;
        }

        @Override
        public void user(User user) {
            if (check.skipped.contains(user.id())) {
                return;
            }
            if (!transactions.inNew(() -> users.add(user))) {
                throw new ConflictException("the username " + user.username() + " was taken here during the import");
            }
            created.add(user.id());
            usersImported++;
        }

        @Override
        public void apiToken(ApiToken token) {
            if (check.skipped.contains(token.userId())) {
                return;
            }
            if (!transactions.inNew(() -> tokens.add(token))) {
                throw new ConflictException("API token " + token.id() + " was created here during the import");
            }
            tokensImported++;
        }

        @Override
        public void ecg(StoredEcg stored) {
            Ecg ecg = stored.ecg();
            if (check.skipped.contains(ecg.ownerId())) {
                return;
            }
            Ecg pending = new Ecg(ecg.id(), ecg.ownerId(), ecg.recording(), EcgStatus.PENDING, ecg.submittedAt(),
                    ecg.revision());
            boolean restored = transactions.inNew(() -> {
                boolean added = ecgs.restore(new StoredEcg(pending, null, null));
                if (added) {
                    queue.enqueue(ecg.key()); // sent once this record has committed
                }
                return added;
            });
            if (!restored) {
                throw new ConflictException("ECG " + ecg.id() + " was created here during the import");
            }
            ecgsImported++;
        }

        @Override
        public void heartRateSettings(UUID owner, AlertThresholds thresholds) {
            if (!check.skipped.contains(owner)) {
                transactions.runInNew(() -> heartRateSettings.save(owner, thresholds));
            }
        }

        /** Stored as archived, alerts included (they were raised by the thresholds of their time). */
        @Override
        public void heartRateReadings(UUID owner, List<Reading> readings) {
            if (check.skipped.contains(owner)) {
                return;
            }
            try {
                heartRateLog.append(owner, readings, List.of()).toCompletableFuture().join(); // a restore is no news
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            readingsImported += readings.size();
        }

        @Override
        public void end(ArchiveWriter.ArchiveCounts counts) {
        }

        /** Deletes the accounts this import created, with their tokens and ECGs; best effort, as the database may be away. */
        void undo() {
            for (UUID id : created) {
                try {
                    transactions.runInNew(() -> users.delete(id));
                } catch (RuntimeException ignored) {
                    // the next attempt reports the account as taken; the README says how to go on from there
                }
            }
        }
    }
}
