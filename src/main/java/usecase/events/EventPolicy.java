package usecase.events;

import java.time.Duration;

/**
 * The operator's settings for the event log and the live streams.
 *
 * @param retention    events older than this are purged
 * @param maxEvents    the log holds at most about this many events of all users
 * @param purgeBatch   events deleted per transaction by the purge
 * @param streamBuffer bytes one live stream may have waiting for its client before it is disconnected
 */
public record EventPolicy(Duration retention, long maxEvents, int purgeBatch, long streamBuffer) {
}
