package adapters.persistence;

import adapters.config.SinusConfig;
import adapters.http.Failures;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import usecase.PageRequest;
import usecase.port.HeartRateLog;

/**
 * Heart-rate readings in {@code heart_rate_readings}, written by group commit: appends from every request and
 * connection queue up, and one writer thread stores whatever has gathered (up to
 * {@code sinus.heart-rate.commit-batch} readings) with one JDBC batch and one commit, then completes each
 * append's stage. While it commits, the next batch gathers, so the commit cost is shared by all the readings
 * that arrived meanwhile and the acknowledgement still follows the commit. Appends complete in the order they
 * were made. Reads are plain SQL over the one (owner, time) index.
 */
@ApplicationScoped
public class GroupCommitHeartRateLog implements HeartRateLog {

    private static final Logger LOG = Logger.getLogger(GroupCommitHeartRateLog.class);
    private static final String INSERT =
            "INSERT INTO heart_rate_readings (owner_id, taken_at, seq, bpm, alert, device) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "SELECT taken_at, bpm, device, alert FROM heart_rate_readings ";
    private static final String RANGE = "WHERE owner_id = :owner AND taken_at >= :from AND taken_at < :to ";

    private record Append(UUID owner, List<Reading> readings, CompletableFuture<Void> done, CallerContext caller) {
    }

    private final ActiveSession sessions;
    private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final long maxPending;
    private final int commitBatch;
    private final Thread writer;
    private volatile boolean accepting = true;
    /** Only the writer thread touches it. */
    private long lastSeq;

    GroupCommitHeartRateLog(ActiveSession sessions, SinusConfig config) {
        this.sessions = sessions;
        this.maxPending = config.heartRate().maxPendingReadings();
        this.commitBatch = config.heartRate().commitBatch();
        this.writer = new Thread(this::write, "sinus-heart-rate-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public CompletionStage<Void> append(UUID owner, List<Reading> readings) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!accepting) {
            done.completeExceptionally(new Overloaded("Sinus is shutting down; send the readings again shortly."));
            return done;
        }
        if (pending.addAndGet(readings.size()) > maxPending) {
            pending.addAndGet(-readings.size());
            done.completeExceptionally(new Overloaded("Too many readings are waiting to be stored; send them again shortly."));
            return done;
        }
        queue.add(new Append(owner, List.copyOf(readings), done, CallerContext.capture()));
        return done;
    }

    /** Drains what was acknowledged as queued before the database goes away. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        accepting = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void write() {
        List<Append> batch = new ArrayList<>();
        while (accepting || !queue.isEmpty()) {
            try {
                Append first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                int rows = first.readings().size();
                batch.add(first);
                Append next;
                while ((next = queue.peek()) != null && rows + next.readings().size() <= commitBatch) {
                    batch.add(queue.poll());
                    rows += next.readings().size();
                }
                commit(batch, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("the heart-rate writer failed", e); // commit() completes every append; never reached for them
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Append> batch, int rows) {
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(batch));
            finish(batch, null);
        } catch (RuntimeException failure) {
            if (batch.size() > 1 && !Failures.databaseUnreachable(failure)) {
                // one append broke the batch (its owner was deleted meanwhile): store the others without it
                for (Append append : batch) {
                    commit(List.of(append), append.readings().size());
                }
                return;
            }
            if (!Failures.databaseUnreachable(failure)) {
                LOG.warnf("%d heart-rate readings could not be stored: %s", rows, failure.toString());
            }
            finish(batch, failure);
        }
    }

    private void finish(List<Append> batch, Throwable failure) {
        for (Append append : batch) {
            pending.addAndGet(-append.readings().size());
            append.caller().complete(append.done(), null, failure);
        }
    }

    /**
     * The arrival order: increasing within this process (one writer), and close to the wall clock in microseconds,
     * so that it keeps increasing across restarts and roughly agrees between instances.
     */
    private long nextSeq() {
        lastSeq = Math.max(lastSeq + 1, System.currentTimeMillis() * 1000);
        return lastSeq;
    }

    private void insert(List<Append> batch) {
        sessions.get().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Append append : batch) {
                    for (Reading reading : append.readings()) {
                        insert.setObject(1, append.owner());
                        insert.setLong(2, reading.time().toEpochMilli());
                        insert.setLong(3, nextSeq());
                        insert.setShort(4, (short) reading.bpm());
                        insert.setShort(5, alertCode(reading.alert()));
                        if (reading.device() == null) {
                            insert.setNull(6, Types.VARCHAR);
                        } else {
                            insert.setString(6, reading.device());
                        }
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    @Transactional
    public List<Reading> page(UUID owner, Instant from, Instant to, PageRequest page) {
        return readings(session().createNativeQuery(COLUMNS + RANGE + "ORDER BY taken_at, seq", Object[].class)
                .setParameter("owner", owner).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
    }

    @Override
    @Transactional
    public long count(UUID owner, Instant from, Instant to) {
        return ((Number) session().createNativeQuery("SELECT COUNT(*) FROM heart_rate_readings " + RANGE, Object.class)
                .setParameter("owner", owner).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli()).getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public List<Reading> latest(UUID owner, int n) {
        return readings(session().createNativeQuery(COLUMNS + "WHERE owner_id = :owner ORDER BY taken_at DESC, seq DESC",
                        Object[].class)
                .setParameter("owner", owner).setMaxResults(n).getResultList());
    }

    @Override
    @Transactional
    public Stats stats(UUID owner, Instant from, Instant to) {
        Object[] row = session().createNativeQuery("SELECT COUNT(*), SUM(bpm), MIN(bpm), MAX(bpm), MAX(alert) "
                        + "FROM heart_rate_readings " + RANGE, Object[].class)
                .setParameter("owner", owner).setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli()).getSingleResult();
        long count = ((Number) row[0]).longValue();
        if (count == 0) {
            return new Stats(0, Double.NaN, 0, 0, null);
        }
        return new Stats(count, ((Number) row[1]).doubleValue() / count, ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), alert(((Number) row[4]).intValue()));
    }

    @Override
    @Transactional
    public void forEach(UUID owner, Instant from, Instant to, Sink sink) {
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT taken_at, bpm FROM heart_rate_readings "
                    + "WHERE owner_id = ? AND taken_at >= ? AND taken_at < ? ORDER BY taken_at, seq")) {
                select.setFetchSize(4096); // PostgreSQL streams instead of loading the whole range
                select.setObject(1, owner);
                select.setLong(2, from.toEpochMilli());
                select.setLong(3, to.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(rows.getLong(1), rows.getInt(2));
                    }
                }
            }
        });
    }

    @Override
    @Transactional
    public void forEachChunk(UUID owner, int chunkSize, Consumer<List<Reading>> chunks) {
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT taken_at, bpm, device, alert "
                    + "FROM heart_rate_readings WHERE owner_id = ? ORDER BY taken_at, seq")) {
                select.setFetchSize(4096);
                select.setObject(1, owner);
                try (ResultSet rows = select.executeQuery()) {
                    List<Reading> chunk = new ArrayList<>(chunkSize);
                    while (rows.next()) {
                        chunk.add(new Reading(Instant.ofEpochMilli(rows.getLong(1)), rows.getInt(2), rows.getString(3),
                                alert(rows.getInt(4))));
                        if (chunk.size() == chunkSize) {
                            chunks.accept(chunk);
                            chunk = new ArrayList<>(chunkSize);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        chunks.accept(chunk);
                    }
                }
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long purgeOlderThan(Instant cutoff, int batch) {
        long deleted = 0;
        List<UUID> owners = session().createNativeQuery("SELECT id FROM users ORDER BY id", UUID.class).getResultList();
        for (UUID owner : owners) {
            if (deleted >= batch) {
                break;
            }
            long limit = batch - deleted;
            // the time of the (limit+1)-th oldest reading to purge: delete what is before it, at most limit rows
            List<Object> bound = session().createNativeQuery("SELECT taken_at FROM heart_rate_readings "
                            + "WHERE owner_id = :owner AND taken_at < :cutoff ORDER BY taken_at "
                            + "OFFSET " + limit + " ROWS FETCH FIRST 1 ROWS ONLY", Object.class)
                    .setParameter("owner", owner).setParameter("cutoff", cutoff.toEpochMilli()).getResultList();
            long before = bound.isEmpty() ? cutoff.toEpochMilli() : ((Number) bound.get(0)).longValue();
            int removed = session().createNativeMutationQuery(
                            "DELETE FROM heart_rate_readings WHERE owner_id = :owner AND taken_at < :before")
                    .setParameter("owner", owner).setParameter("before", before).executeUpdate();
            if (removed == 0 && !bound.isEmpty()) {
                // more than limit readings share the oldest time (a batch sent without timestamps): take them all
                removed = session().createNativeMutationQuery(
                                "DELETE FROM heart_rate_readings WHERE owner_id = :owner AND taken_at <= :before")
                        .setParameter("owner", owner).setParameter("before", before).executeUpdate();
            }
            deleted += removed;
        }
        return deleted;
    }

    private Session session() {
        return sessions.get();
    }

    private static List<Reading> readings(List<Object[]> rows) {
        List<Reading> readings = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            readings.add(new Reading(Instant.ofEpochMilli(((Number) row[0]).longValue()), ((Number) row[1]).intValue(),
                    (String) row[2], alert(((Number) row[3]).intValue())));
        }
        return readings;
    }

    static short alertCode(Alert alert) {
        return alert == null ? 0 : alert == Alert.LOW ? (short) 1 : (short) 2;
    }

    static Alert alert(int code) {
        return code == 1 ? Alert.LOW : code == 2 ? Alert.HIGH : null;
    }
}
