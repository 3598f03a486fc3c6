package usecase.port;

import domain.heartrate.AlertThresholds;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Each user's heart-rate alert thresholds ({@link AlertThresholds#DEFAULT} until they set their own). */
public interface HeartRateSettings {

    /** In a transaction of the caller's. */
    AlertThresholds find(UUID owner);

    /** The thresholds the owner set, or null when they keep the defaults. */
    AlertThresholds findCustom(UUID owner);

    /** In a transaction of the caller's. */
    void save(UUID owner, AlertThresholds thresholds);

    /**
     * The thresholds to judge a live reading by, without blocking the caller: from memory when they were read
     * recently (at most a few seconds old when another instance changed them), from the database otherwise.
     */
    CompletionStage<AlertThresholds> current(UUID owner);
}
