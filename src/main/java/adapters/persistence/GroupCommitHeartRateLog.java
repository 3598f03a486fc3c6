package adapters.persistence;

import adapters.config.SinusConfig;
import adapters.http.Failures;
import domain.ConflictException;
import domain.event.DomainEvent;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import usecase.port.EventLog;
import usecase.port.EventPublisher;
import usecase.port.HeartRateLog;

/**
 * Heart-rate readings in {@code heart_rate_blocks}, written by group commit: appends from every request and
 * connection queue up, and one writer thread stores whatever has gathered (up to
 * {@code sinus.heart-rate.commit-batch} readings) with one JDBC batch and one commit, then completes each
 * append's stage. While it commits, the next batch gathers, so the commit cost is shared by all the readings
 * that arrived meanwhile and the acknowledgement still follows the commit. Appends complete in the order they
 * were made. Each owner's readings of a commit are stored as blocks ({@link ReadingBlocks}); reads are plain SQL
 * over the one (owner, last_at) index and decode the blocks of the range asked for.
 */
@ApplicationScoped
public class GroupCommitHeartRateLog implements HeartRateLog {

    private static final Logger LOG = Logger.getLogger(GroupCommitHeartRateLog.class);
    private static final String INSERT = "INSERT INTO heart_rate_blocks (owner_id, first_at, last_at, seq, readings, data) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    /** The blocks that may hold readings in [from, to): parameters owner, from, to + span, to. */
    private static final String BLOCKS_OVERLAPPING = "SELECT seq, first_at, data FROM heart_rate_blocks "
            + "WHERE owner_id = ? AND last_at >= ? AND last_at < ? AND first_at < ?";

    private record Append(UUID owner, List<Reading> readings, List<DomainEvent> events, CompletableFuture<Void> done,
                          CallerContext caller) {
    }

    private final ActiveSession sessions;
    private final EventLog events;
    private final EventPublisher publisher;
    private final Clock clock;
    private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final long maxPending;
    private final int commitBatch;
    private final Thread writer;
    private volatile boolean accepting = true;
    /** Only the writer thread touches it. */
    private long lastSeq;

    GroupCommitHeartRateLog(ActiveSession sessions, SinusConfig config, EventLog events, EventPublisher publisher,
                            Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.maxPending = config.heartRate().maxPendingReadings();
        this.commitBatch = config.heartRate().commitBatch();
        this.writer = new Thread(this::write, "sinus-heart-rate-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public CompletionStage<Void> append(UUID owner, List<Reading> readings, List<DomainEvent> events) {
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
        queue.add(new Append(owner, List.copyOf(readings), List.copyOf(events), done, CallerContext.capture()));
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
            if (Failures.referencedRowGone(failure)) {
                finish(batch, new ConflictException("your account was deleted while its readings were being stored"));
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
     * The commit order: increasing within this process (one writer), and close to the wall clock in microseconds,
     * so that it keeps increasing across restarts and roughly agrees between instances.
     */
    private long nextSeq() {
        lastSeq = Math.max(lastSeq + 1, System.currentTimeMillis() * 1000);
        return lastSeq;
    }

    /** Each owner's readings of the batch, in arrival order, cut into blocks: one row per block. */
    private void insert(List<Append> batch) {
        Map<UUID, List<Reading>> byOwner = new LinkedHashMap<>();
        List<DomainEvent> reported = new ArrayList<>();
        for (Append append : batch) {
            byOwner.computeIfAbsent(append.owner(), owner -> new ArrayList<>()).addAll(append.readings());
            reported.addAll(append.events());
        }
        // the events first: they lock the owners' event counters before any of their rows (see RecordEvents)
        publisher.publishAfterCommit(events.append(DomainEvent.coalesce(reported), clock.instant()));
        sessions.get().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Map.Entry<UUID, List<Reading>> owner : byOwner.entrySet()) {
                    for (ReadingBlocks.Block block : ReadingBlocks.cut(owner.getValue())) {
                        insert.setObject(1, owner.getKey());
                        insert.setLong(2, block.firstAt());
                        insert.setLong(3, block.lastAt());
                        insert.setLong(4, nextSeq());
                        insert.setInt(5, block.readings().size());
                        insert.setBytes(6, ReadingBlocks.encode(block));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Receives readings in time order; returns false to stop. */
    @FunctionalInterface
    private interface Visitor {
        boolean visit(ReadingBlocks.Entry entry);
    }

    /**
     * Visits the owner's readings in [from, to) in order, an hour's blocks at a time (so that no range is held whole),
     * skipping stretches without readings by the index.
     */
    private void walk(UUID owner, long from, long to, Visitor visitor) {
        session().doWork(connection -> {
            long window = from;
            while (window < to) {
                long next = nextReadingAtOrAfter(connection, owner, window);
                if (next == Long.MAX_VALUE || next >= to) {
                    return;
                }
                window = Math.max(window, next);
                long end = Math.min(to, plus(window, ReadingBlocks.SPAN_MILLIS));
                for (ReadingBlocks.Entry entry : entries(connection, owner, window, end)) {
                    if (!visitor.visit(entry)) {
                        return;
                    }
                }
                window = end;
            }
        });
    }

    /**
     * A lower bound of the time of the owner's first reading at or after {@code at}: the block with the smallest
     * last_at at or after it started at most an hour before, and every later reading lies in a block ending later.
     */
    private static long nextReadingAtOrAfter(Connection connection, UUID owner, long at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_at FROM heart_rate_blocks "
                + "WHERE owner_id = ? AND last_at >= ? ORDER BY last_at FETCH FIRST 1 ROWS ONLY")) {
            select.setObject(1, owner);
            select.setLong(2, at);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) - ReadingBlocks.SPAN_MILLIS : Long.MAX_VALUE;
            }
        }
    }

    /** The owner's readings in [from, to), sorted: the blocks that may hold them lie in one index range. */
    private static List<ReadingBlocks.Entry> entries(Connection connection, UUID owner, long from, long to)
            throws SQLException {
        List<ReadingBlocks.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(BLOCKS_OVERLAPPING)) {
            overlapping(select, owner, from, to);
            decode(select, from, to, entries);
        }
        entries.sort(ReadingBlocks.Entry.ORDER);
        return entries;
    }

    /** Sets the parameters of {@link #BLOCKS_OVERLAPPING}. */
    private static void overlapping(PreparedStatement select, UUID owner, long from, long to) throws SQLException {
        select.setObject(1, owner);
        select.setLong(2, from);
        select.setLong(3, plus(to, ReadingBlocks.SPAN_MILLIS));
        select.setLong(4, to);
    }

    /** Adds the readings in [from, to) of the blocks {@code select} finds (seq, first_at, data) to {@code into}. */
    private static void decode(PreparedStatement select, long from, long to, List<ReadingBlocks.Entry> into)
            throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ReadingBlocks.decode(rows.getBytes(3), rows.getLong(2), rows.getLong(1), from, to, into);
            }
        }
    }

    private static long plus(long millis, long more) {
        return millis > Long.MAX_VALUE - more ? Long.MAX_VALUE : millis + more;
    }

    @Override
    @Transactional
    public List<Reading> page(UUID owner, Instant from, Instant to, PageRequest page) {
        List<Reading> readings = new ArrayList<>(page.size());
        long[] skip = {page.offset()};
        walk(owner, from.toEpochMilli(), to.toEpochMilli(), entry -> {
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            readings.add(entry.reading());
            return readings.size() < page.size();
        });
        return readings;
    }

    @Override
    @Transactional
    public long count(UUID owner, Instant from, Instant to) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        long[] count = {0};
        session().doWork(connection -> {
            // blocks wholly inside the range count whole; only those across its ends are decoded
            try (PreparedStatement whole = connection.prepareStatement("SELECT COALESCE(SUM(readings), 0) "
                    + "FROM heart_rate_blocks WHERE owner_id = ? AND last_at >= ? AND last_at < ? AND first_at >= ?")) {
                whole.setObject(1, owner);
                whole.setLong(2, start);
                whole.setLong(3, end);
                whole.setLong(4, start);
                try (ResultSet rows = whole.executeQuery()) {
                    rows.next();
                    count[0] = rows.getLong(1);
                }
            }
            try (PreparedStatement edges = connection.prepareStatement(BLOCKS_OVERLAPPING
                    + " AND (first_at < ? OR last_at >= ?)")) {
                overlapping(edges, owner, start, end);
                edges.setLong(5, start);
                edges.setLong(6, end);
                List<ReadingBlocks.Entry> entries = new ArrayList<>();
                decode(edges, start, end, entries);
                count[0] += entries.size();
            }
        });
        return count[0];
    }

    /**
     * The latest blocks first, a few at a time, until n readings are found that no block not yet read can beat:
     * every such block ends no later than the last one read.
     */
    @Override
    @Transactional
    public List<Reading> latest(UUID owner, int n) {
        List<ReadingBlocks.Entry> entries = new ArrayList<>();
        session().doWork(connection -> {
            int pageSize = 1;
            for (int offset = 0; ; offset += pageSize, pageSize = Math.min(64, pageSize * 2)) {
                long lastEnd = Long.MAX_VALUE;
                int read = 0;
                try (PreparedStatement select = connection.prepareStatement("SELECT seq, first_at, data, last_at "
                        + "FROM heart_rate_blocks WHERE owner_id = ? ORDER BY last_at DESC, seq DESC OFFSET " + offset
                        + " ROWS FETCH FIRST " + pageSize + " ROWS ONLY")) {
                    select.setObject(1, owner);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            read++;
                            lastEnd = rows.getLong(4);
                            ReadingBlocks.decode(rows.getBytes(3), rows.getLong(2), rows.getLong(1), Long.MIN_VALUE,
                                    Long.MAX_VALUE, entries);
                        }
                    }
                }
                long end = lastEnd;
                if (read < pageSize || entries.stream().filter(e -> e.millis() > end).count() >= n) {
                    return;
                }
            }
        });
        entries.sort(ReadingBlocks.Entry.ORDER.reversed());
        return entries.stream().limit(n).map(ReadingBlocks.Entry::reading).toList();
    }

    @Override
    @Transactional
    public Stats stats(UUID owner, Instant from, Instant to) {
        long[] count = {0};
        long[] sum = {0};
        int[] min = {Integer.MAX_VALUE};
        int[] max = {Integer.MIN_VALUE};
        Alert[] worst = {null};
        walk(owner, from.toEpochMilli(), to.toEpochMilli(), entry -> {
            int bpm = entry.reading().bpm();
            count[0]++;
            sum[0] += bpm;
            min[0] = Math.min(min[0], bpm);
            max[0] = Math.max(max[0], bpm);
            worst[0] = Alert.worse(worst[0], entry.reading().alert());
            return true;
        });
        if (count[0] == 0) {
            return new Stats(0, Double.NaN, 0, 0, null);
        }
        return new Stats(count[0], (double) sum[0] / count[0], min[0], max[0], worst[0]);
    }

    @Override
    @Transactional
    public void forEach(UUID owner, Instant from, Instant to, Sink sink) {
        walk(owner, from.toEpochMilli(), to.toEpochMilli(), entry -> {
            sink.accept(entry.millis(), entry.reading().bpm());
            return true;
        });
    }

    @Override
    @Transactional
    public void forEachChunk(UUID owner, int chunkSize, Consumer<List<Reading>> chunks) {
        List<List<Reading>> chunk = new ArrayList<>(List.of(new ArrayList<>(chunkSize)));
        walk(owner, Long.MIN_VALUE, Long.MAX_VALUE, entry -> {
            chunk.get(0).add(entry.reading());
            if (chunk.get(0).size() == chunkSize) {
                chunks.accept(chunk.get(0));
                chunk.set(0, new ArrayList<>(chunkSize));
            }
            return true;
        });
        if (!chunk.get(0).isEmpty()) {
            chunks.accept(chunk.get(0));
        }
    }

    /** Whole blocks go: a block is purged once its last reading is past the cutoff (at most an hour late). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long purgeOlderThan(Instant cutoff, int batch) {
        int blocks = Math.max(1, batch / 1000);
        long[] deleted = {0};
        List<UUID> owners = session().createNativeQuery("SELECT id FROM users ORDER BY id", UUID.class).getResultList();
        session().doWork(connection -> {
            for (UUID owner : owners) {
                if (deleted[0] >= batch) {
                    return;
                }
                long before = cutoff.toEpochMilli();
                // the last_at of the (blocks+1)-th oldest block to purge: delete the ones before it
                try (PreparedStatement bound = connection.prepareStatement("SELECT last_at FROM heart_rate_blocks "
                        + "WHERE owner_id = ? AND last_at < ? ORDER BY last_at OFFSET " + blocks
                        + " ROWS FETCH FIRST 1 ROWS ONLY")) {
                    bound.setObject(1, owner);
                    bound.setLong(2, before);
                    try (ResultSet rows = bound.executeQuery()) {
                        if (rows.next()) {
                            before = rows.getLong(1) + 1; // blocks ending at the same millisecond go together
                        }
                    }
                }
                try (PreparedStatement counted = connection.prepareStatement("SELECT COALESCE(SUM(readings), 0) "
                        + "FROM heart_rate_blocks WHERE owner_id = ? AND last_at < ?");
                     PreparedStatement delete = connection.prepareStatement(
                             "DELETE FROM heart_rate_blocks WHERE owner_id = ? AND last_at < ?")) {
                    counted.setObject(1, owner);
                    counted.setLong(2, before);
                    try (ResultSet rows = counted.executeQuery()) {
                        rows.next();
                        deleted[0] += rows.getLong(1);
                    }
                    delete.setObject(1, owner);
                    delete.setLong(2, before);
                    delete.executeUpdate();
                }
            }
        });
        return deleted[0];
    }

    private Session session() {
        return sessions.get();
    }
}
