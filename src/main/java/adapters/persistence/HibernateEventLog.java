package adapters.persistence;

import adapters.config.SinusConfig;
import adapters.http.EventMessages;
import domain.event.DomainEvent;
import domain.event.LoggedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import usecase.port.EventLog;

/**
 * The event log in {@code events}, by plain SQL on the transaction's connection. Each user's counter
 * ({@code users.last_event_id}) is raised by an UPDATE in the logging transaction: the row lock it takes orders the
 * transactions of one user, so ids follow the order of commit, and a rollback undoes the raise with the rest.
 * Owners are locked in id order, so two transactions that log events of several owners never deadlock.
 * <p>
 * On H2 the transactions that log events of one owner also take turns in this JVM (an embedded H2 has no other):
 * H2 2.4 gets the counter wrong for a transaction that waited for the row lock of one that then rolled back (it read
 * the rolled-back value, and two commits got the same ids, or its UPDATE failed on the users' primary key; reproduced
 * with plain JDBC: 8 threads, a fifth of the transactions rolled back, 6 rounds in 200 with duplicate ids; none without
 * rollbacks). So no H2 transaction ever waits for that row lock: each owner's turn is held until its commit or rollback.
 */
@ApplicationScoped
public class HibernateEventLog implements EventLog {

    private static final int IDS_PER_QUERY = 100;

    private final ActiveSession sessions;
    private final TransactionSynchronizationRegistry transactions;
    /** H2 only: each owner's turn at logging events (see above); null on PostgreSQL. */
    private final Map<UUID, Semaphore> turns;
    private final Object heldKey = new Object();

    HibernateEventLog(ActiveSession sessions, TransactionSynchronizationRegistry transactions, SinusConfig config) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.turns = config.db().kind() == SinusConfig.Db.Kind.h2 ? new ConcurrentHashMap<>() : null;
    }

    /** H2: waits for the turn of each owner (in id order) that this transaction does not hold yet, until it ends. */
    private void takeTurns(Set<UUID> owners) {
        if (turns == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> held = (Set<UUID>) transactions.getResource(heldKey);
        if (held == null) {
            Set<UUID> mine = new HashSet<>();
            transactions.putResource(heldKey, mine);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    mine.forEach(owner -> turns.get(owner).release());
                }
            });
            held = mine;
        }
        for (UUID owner : owners) { // a TreeMap's keys: in id order
            if (!held.contains(owner)) {
                turns.computeIfAbsent(owner, o -> new Semaphore(1)).acquireUninterruptibly();
                held.add(owner);
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LoggedEvent> append(List<DomainEvent> events, Instant at) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> counts = new TreeMap<>();
        for (DomainEvent event : events) {
            counts.merge(event.owner(), 1, Integer::sum);
        }
        long micros = micros(at);
        takeTurns(counts.keySet());
        return sessions.get().doReturningWork(connection -> {
            Map<UUID, Long> next = reserve(connection, counts);
            List<LoggedEvent> logged = new ArrayList<>(events.size());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO events (owner_id, id, at, type, data) VALUES (?, ?, ?, ?, ?)")) {
                for (DomainEvent event : events) {
                    Long id = next.get(event.owner());
                    if (id == null) {
                        continue; // the owner was deleted: nobody to tell
                    }
                    next.put(event.owner(), id + 1);
                    insert.setObject(1, event.owner());
                    insert.setLong(2, id);
                    insert.setLong(3, micros);
                    insert.setString(4, EventMessages.type(event));
                    insert.setBytes(5, EventCodec.encode(event));
                    insert.addBatch();
                    logged.add(new LoggedEvent(id, at, event));
                }
                if (!logged.isEmpty()) {
                    insert.executeBatch();
                }
            }
            return logged;
        });
    }

    /** Raises each owner's counter by its count; returns each existing owner's first new id. */
    private static Map<UUID, Long> reserve(Connection connection, Map<UUID, Integer> counts) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(
                "UPDATE users SET last_event_id = last_event_id + ? WHERE id = ?")) {
            for (Map.Entry<UUID, Integer> owner : counts.entrySet()) {
                raise.setInt(1, owner.getValue());
                raise.setObject(2, owner.getKey());
                raise.addBatch();
            }
            raise.executeBatch();
        }
        Map<UUID, Long> first = new HashMap<>();
        List<UUID> owners = new ArrayList<>(counts.keySet());
        for (int from = 0; from < owners.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = owners.subList(from, Math.min(owners.size(), from + IDS_PER_QUERY));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, last_event_id FROM users WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID owner = rows.getObject(1, UUID.class);
                        first.put(owner, rows.getLong(2) - counts.get(owner) + 1);
                    }
                }
            }
        }
        return first;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LoggedEvent> after(UUID owner, long since, int limit) {
        return sessions.get().doReturningWork(connection -> {
            List<LoggedEvent> events = new ArrayList<>(Math.min(limit, 1000));
            try (PreparedStatement select = connection.prepareStatement("SELECT id, at, type, data FROM events "
                    + "WHERE owner_id = ? AND id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
                select.setObject(1, owner);
                select.setLong(2, since);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new LoggedEvent(rows.getLong(1), instant(rows.getLong(2)),
                                EventCodec.decode(owner, rows.getString(3), rows.getBytes(4))));
                    }
                }
            }
            return events;
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long lastId(UUID owner) {
        return sessions.get().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT last_event_id FROM users WHERE id = ?")) {
                select.setObject(1, owner);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long purge(Instant cutoff, long keepAtMost, int batch) {
        return sessions.get().doReturningWork(connection -> {
            long before = micros(cutoff);
            Long beyondCap = firstAt(connection, "SELECT at FROM events ORDER BY at DESC OFFSET " + keepAtMost
                    + " ROWS FETCH FIRST 1 ROWS ONLY", null);
            if (beyondCap != null) {
                before = Math.max(before, beyondCap + 1);
            }
            Long batchEnd = firstAt(connection, "SELECT at FROM events WHERE at < ? ORDER BY at OFFSET " + batch
                    + " ROWS FETCH FIRST 1 ROWS ONLY", before);
            if (batchEnd != null) {
                before = Math.min(before, batchEnd + 1); // events of the same microsecond go together
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM events WHERE at < ?")) {
                delete.setLong(1, before);
                return (long) delete.executeUpdate();
            }
        });
    }

    private static Long firstAt(Connection connection, String sql, Long parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setLong(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
