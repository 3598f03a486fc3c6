package usecase.fakes;

import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import usecase.PageRequest;
import usecase.port.HeartRateLog;

/**
 * Readings in a list. Appends complete at once, unless {@link #holdCommits()} was called: then they wait for
 * {@link #commit()}, as the real log's appends wait for their group commit.
 */
public class InMemoryHeartRateLog implements HeartRateLog {

    private record Row(UUID owner, Reading reading) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<domain.event.DomainEvent> events = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public synchronized void holdCommits() {
        holding = true;
    }

    public synchronized void commit() {
        held.forEach(Runnable::run);
        held.clear();
    }

    public synchronized List<Reading> all(UUID owner) {
        return rows.stream().filter(r -> r.owner.equals(owner)).map(Row::reading)
                .sorted(Comparator.comparing(Reading::time)).toList();
    }

    @Override
    public synchronized CompletionStage<Void> append(UUID owner, List<Reading> readings,
                                                   List<domain.event.DomainEvent> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable store = () -> {
            readings.forEach(reading -> rows.add(new Row(owner, reading)));
            this.events.addAll(events);
            done.complete(null);
        };
        if (holding) {
            held.add(store);
        } else {
            store.run();
        }
        return done;
    }

    private List<Reading> range(UUID owner, Instant from, Instant to) {
        return all(owner).stream().filter(r -> !r.time().isBefore(from) && r.time().isBefore(to)).toList();
    }

    @Override
    public synchronized List<Reading> page(UUID owner, Instant from, Instant to, PageRequest page) {
        return range(owner, from, to).stream().skip(page.offset()).limit(page.size()).toList();
    }

    @Override
    public synchronized long count(UUID owner, Instant from, Instant to) {
        return range(owner, from, to).size();
    }

    @Override
    public synchronized List<Reading> latest(UUID owner, int n) {
        List<Reading> all = new ArrayList<>(all(owner));
        java.util.Collections.reverse(all);
        return all.stream().limit(n).toList();
    }

    @Override
    public synchronized Stats stats(UUID owner, Instant from, Instant to) {
        List<Reading> in = range(owner, from, to);
        if (in.isEmpty()) {
            return new Stats(0, Double.NaN, 0, 0, null);
        }
        Alert worst = null;
        for (Reading reading : in) {
            worst = Alert.worse(worst, reading.alert());
        }
        return new Stats(in.size(), in.stream().mapToInt(Reading::bpm).average().orElseThrow(),
                in.stream().mapToInt(Reading::bpm).min().orElseThrow(),
                in.stream().mapToInt(Reading::bpm).max().orElseThrow(), worst);
    }

    @Override
    public synchronized void forEach(UUID owner, Instant from, Instant to, Sink sink) {
        range(owner, from, to).forEach(r -> sink.accept(r.time().toEpochMilli(), r.bpm()));
    }

    @Override
    public synchronized void forEachChunk(UUID owner, int chunkSize, java.util.function.Consumer<List<Reading>> chunks) {
        List<Reading> all = all(owner);
        for (int i = 0; i < all.size(); i += chunkSize) {
            chunks.accept(all.subList(i, Math.min(all.size(), i + chunkSize)));
        }
    }

    @Override
    public synchronized long purgeOlderThan(Instant cutoff, int batch) {
        List<Row> old = rows.stream().filter(r -> r.reading.time().isBefore(cutoff)).limit(batch).toList();
        rows.removeAll(old);
        return old.size();
    }

    /** The events stored with the readings, in order. */
    public synchronized List<domain.event.DomainEvent> events() {
        return List.copyOf(events);
    }
}
