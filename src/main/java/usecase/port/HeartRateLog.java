package usecase.port;

import domain.event.DomainEvent;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import usecase.PageRequest;

/**
 * The users' stored heart-rate readings, kept in time order per owner. Appends are made durable in batches
 * that may join many callers (group commit): each caller's stage completes only once its readings are
 * committed, so a reading is never acknowledged before it is stored. Reads see every completed append.
 */
public interface HeartRateLog {

    /**
     * Stores {@code readings} of {@code owner}, with no transaction of the caller's (the log commits them itself),
     * and logs {@code events} in the same commit ({@link EventLog}), announcing them after it ({@link EventPublisher}).
     * The events of appends committed together may be coalesced ({@link DomainEvent#coalesce}): one owner's readings
     * in fewer events, one alert event per owner and kind.
     *
     * @return completes when they are committed; fails with {@link Overloaded} when more readings wait to be
     *         stored than the log holds, and with the database's failure when the commit failed (then none of
     *         these readings is stored)
     */
    CompletionStage<Void> append(UUID owner, List<Reading> readings, List<DomainEvent> events);

    /** The owner's readings in [from, to) in time order (oldest first). */
    List<Reading> page(UUID owner, Instant from, Instant to, PageRequest page);

    long count(UUID owner, Instant from, Instant to);

    /** The owner's {@code n} latest readings, newest first. */
    List<Reading> latest(UUID owner, int n);

    /** Count, mean, extremes and the worst alert of the owner's readings in [from, to): one index range. */
    Stats stats(UUID owner, Instant from, Instant to);

    /** Feeds the owner's readings in [from, to) to {@code sink} in time order, without holding them all. */
    void forEach(UUID owner, Instant from, Instant to, Sink sink);

    /** Hands all of the owner's readings to {@code chunks}, in time order, at most {@code chunkSize} at a time. */
    void forEachChunk(UUID owner, int chunkSize, java.util.function.Consumer<List<Reading>> chunks);

    /** Deletes at most about {@code batch} readings older than {@code cutoff}; returns how many it deleted. */
    long purgeOlderThan(Instant cutoff, int batch);

    /** @param average NaN when there are none; min and max 0 then; worstAlert null when none was raised */
    record Stats(long count, double average, int min, int max, Alert worstAlert) {
    }

    @FunctionalInterface
    interface Sink {
        void accept(long epochMillis, int bpm);
    }

    /** Too many readings wait to be stored: the caller should send them again shortly. */
    final class Overloaded extends RuntimeException {
        public Overloaded(String message) {
            super(message, null, false, false);
        }
    }
}
