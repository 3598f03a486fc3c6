package usecase.port;

import domain.account.ApiToken;
import domain.account.User;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Reading;
import java.util.List;
import java.util.UUID;

/** Reads an archive and hands each record to a handler, in the archive's order. */
public interface ArchiveReader {

    /**
     * @throws domain.InvalidInputException if the archive is not one Sinus can read, or is truncated
     */
    void read(Handler handler);

    interface Handler {
        void user(User user);

        void apiToken(ApiToken token);

        void ecg(StoredEcg ecg);

        void heartRateSettings(UUID owner, AlertThresholds thresholds);

        void heartRateReadings(UUID owner, List<Reading> readings);

        /** The archive's own counts, from its end record. */
        void end(ArchiveWriter.ArchiveCounts counts);
    }
}
