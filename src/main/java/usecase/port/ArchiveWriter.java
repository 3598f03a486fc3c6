package usecase.port;

import domain.account.ApiToken;
import domain.account.User;

/** Where an export goes, record by record, in this order: users, then tokens, then ECGs, then the end. */
public interface ArchiveWriter {

    void user(User user);

    void apiToken(ApiToken token);

    void ecg(StoredEcg ecg);

    /** Marks the archive complete; an archive without it is truncated. */
    void end(ArchiveCounts counts);

    record ArchiveCounts(long users, long apiTokens, long ecgs) {
    }
}
