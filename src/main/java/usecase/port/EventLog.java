package usecase.port;

import domain.event.DomainEvent;
import domain.event.LoggedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable, bounded log of the users' events: each user's events are numbered 1, 2, 3, ... in the order their
 * transactions commit, with no gaps among committed events (a transaction that rolls back gives its numbers back).
 */
public interface EventLog {

    /**
     * Writes the events in the caller's transaction (it must have one), so they are committed with the change they
     * report or not at all. Appends of one owner are serialised until commit. Events of an owner that no longer
     * exists are left out.
     *
     * @return the events as logged, with their ids, in the given order
     */
    List<LoggedEvent> append(List<DomainEvent> events, Instant at);

    /** The owner's events with an id above {@code since}, oldest first, at most {@code limit}. */
    List<LoggedEvent> after(UUID owner, long since, int limit);

    /** The id of the owner's latest event, 0 when there has been none. */
    long lastId(UUID owner);

    /**
     * Deletes events recorded before {@code cutoff}, and the oldest beyond the newest {@code keepAtMost} of all
     * users, at most about {@code batch} per call.
     *
     * @return how many were deleted
     */
    long purge(Instant cutoff, long keepAtMost, int batch);
}
