package usecase.transfer;

import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.heartrate.AlertThresholds;
import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import usecase.port.ApiTokenRepository;
import usecase.port.ArchiveWriter;
import usecase.port.EcgRepository;
import usecase.port.HeartRateLog;
import usecase.port.HeartRateSettings;
import usecase.port.StoredEcg;
import usecase.port.UserRepository;

/**
 * Writes every account, token and ECG (samples, status and results), then every user's heart-rate settings
 * and readings, to an archive, a page of ECGs (or 10,000 readings) at a time so that any amount of data streams out in bounded memory: a page holds at most
 * {@value #PAGE} ECGs and, beyond its first, no more than {@value #PAGE_SAMPLES} samples. Records
 * created while the export runs may be left out, never half-written: an ECG is exported only with its owner.
 */
@ApplicationScoped
public class ExportArchive {

    static final int PAGE = 50;
    static final long PAGE_SAMPLES = 4_000_000;
    /** Heart-rate readings per archive record. */
    public static final int READINGS_PER_RECORD = 10_000;

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final EcgRepository ecgs;
    private final HeartRateSettings heartRateSettings;
    private final HeartRateLog heartRateLog;

    public ExportArchive(UserRepository users, ApiTokenRepository tokens, EcgRepository ecgs,
                         HeartRateSettings heartRateSettings, HeartRateLog heartRateLog) {
        this.users = users;
        this.tokens = tokens;
        this.ecgs = ecgs;
        this.heartRateSettings = heartRateSettings;
        this.heartRateLog = heartRateLog;
    }

    public ArchiveWriter.ArchiveCounts execute(ArchiveWriter writer) {
        List<User> allUsers = users.listAll();
        allUsers.forEach(writer::user);
        Set<UUID> exported = allUsers.stream().map(User::id).collect(Collectors.toSet());
        List<ApiToken> allTokens = tokens.listAll().stream().filter(t -> exported.contains(t.userId())).toList();
        allTokens.forEach(writer::apiToken);
        long ecgCount = 0;
        EcgKey after = null;
        List<StoredEcg> page;
        do {
            page = ecgs.storedPage(after, PAGE, PAGE_SAMPLES);
            for (StoredEcg stored : page) {
                if (exported.contains(stored.ecg().ownerId())) {
                    writer.ecg(stored);
                    ecgCount++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).ecg().key();
        } while (!page.isEmpty());
        long settingsCount = 0;
        long[] readingCount = {0};
        for (User user : allUsers) {
            if (user.role() == Role.ADMIN) {
                continue; // administrators have no heart-rate data
            }
            AlertThresholds custom = heartRateSettings.findCustom(user.id());
            if (custom != null) {
                writer.heartRateSettings(user.id(), custom);
                settingsCount++;
            }
            heartRateLog.forEachChunk(user.id(), READINGS_PER_RECORD, chunk -> {
                writer.heartRateReadings(user.id(), chunk);
                readingCount[0] += chunk.size();
            });
        }
        ArchiveWriter.ArchiveCounts counts = new ArchiveWriter.ArchiveCounts(allUsers.size(), allTokens.size(), ecgCount,
                settingsCount, readingCount[0]);
        writer.end(counts);
        return counts;
    }
}
