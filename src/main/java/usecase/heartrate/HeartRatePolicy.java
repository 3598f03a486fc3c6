package usecase.heartrate;

import java.time.Duration;

/**
 * The operator's settings for heart-rate monitoring.
 *
 * @param maxBatch     readings one request or message may carry
 * @param zoneMaxGap   an interval between readings longer than this is not counted in training zones
 * @param retention    readings older than this are purged
 * @param purgeBatch   readings deleted per transaction by the purge
 */
public record HeartRatePolicy(int maxBatch, Duration zoneMaxGap, Duration retention, int purgeBatch) {

    /** The longest window a status or series covers: bounds what one request reads. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);
}
