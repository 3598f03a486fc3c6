package usecase.port;

import domain.account.ApiToken;
import domain.account.User;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Reading;
import java.util.List;
import java.util.UUID;

/** Where an export goes, record by record, in this order: users, then tokens, then ECGs, then
 * heart-rate settings and readings, then the end. */
public interface ArchiveWriter {

    void user(User user);

    void apiToken(ApiToken token);

    void ecg(StoredEcg ecg);

    /** A user's alert thresholds, when they changed the defaults. */
    void heartRateSettings(UUID owner, AlertThresholds thresholds);

    /** Some of a user's heart-rate readings, in time order (a user's readings come in several records). */
    void heartRateReadings(UUID owner, List<Reading> readings);

    /** Marks the archive complete; an archive without it is truncated. */
    void end(ArchiveCounts counts);

    record ArchiveCounts(long users, long apiTokens, long ecgs, long heartRateSettings, long heartRateReadings) {
    }
}
