package usecase.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.InvalidInputException;
import domain.heartrate.Alert;
import domain.heartrate.AlertThresholds;
import domain.heartrate.ReadingVerdict;
import domain.heartrate.Readings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryHeartRateLog;
import usecase.port.HeartRateSettings;
import usecase.port.ReadingMetrics;
import usecase.port.ReadingSeriesReader;

class RecordReadingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();

    private final InMemoryHeartRateLog log = new InMemoryHeartRateLog();
    private final Settings settings = new Settings();
    private final HeartRatePolicy policy = new HeartRatePolicy(5, Duration.ofSeconds(30), Duration.ofDays(365), 100);
    private final Counted counted = new Counted();
    private final RecordReadings record = new RecordReadings(log, settings, Clock.fixed(NOW, ZoneOffset.UTC), policy,
            counted);

    /** What {@link ReadingMetrics} was told. */
    static final class Counted implements ReadingMetrics {
        int stored;
        int alerts;
        int rejected;

        @Override
        public void stored(List<domain.heartrate.Reading> readings) {
            stored += readings.size();
            alerts += (int) readings.stream().filter(r -> r.alert() != null).count();
        }

        @Override
        public void rejected(int count) {
            rejected += count;
        }
    }

    static final class Settings implements HeartRateSettings {
        final Map<UUID, AlertThresholds> saved = new HashMap<>();

        @Override
        public AlertThresholds find(UUID owner) {
            return saved.getOrDefault(owner, AlertThresholds.DEFAULT);
        }

        @Override
        public AlertThresholds findCustom(UUID owner) {
            return saved.get(owner);
        }

        @Override
        public void save(UUID owner, AlertThresholds thresholds) {
            saved.put(owner, thresholds);
        }

        @Override
        public CompletionStage<AlertThresholds> current(UUID owner) {
            return CompletableFuture.completedFuture(find(owner));
        }
    }

    private static RecordReadings.Input bpm(int bpm) {
        return new RecordReadings.Input(bpm, null, null);
    }

    @Test
    void givesOneVerdictPerReadingInOrderAndStoresOnlyTheAccepted() {
        List<ReadingVerdict> verdicts = record.execute(OWNER, List.of(bpm(72), bpm(48), bpm(35), bpm(155), bpm(190)))
                .toCompletableFuture().join();
        assertEquals(List.of(ReadingVerdict.Accepted.of(null), ReadingVerdict.Accepted.of(Alert.LOW),
                new ReadingVerdict.Rejected(Readings.OUT_OF_RANGE), ReadingVerdict.Accepted.of(Alert.HIGH),
                new ReadingVerdict.Rejected(Readings.OUT_OF_RANGE)), verdicts);
        assertEquals(List.of(72, 48, 155), log.all(OWNER).stream().map(r -> r.bpm()).toList());
        assertEquals(List.of(3, 2, 2), List.of(counted.stored, counted.alerts, counted.rejected));
        assertEquals(NOW, log.all(OWNER).get(0).time()); // no timestamp: the server's time
        // stored with the readings: one event carrying the accepted ones, and one per kind of alert (its first reading)
        assertEquals(List.of(new domain.event.DomainEvent.HeartRateRecorded(OWNER, log.all(OWNER)),
                new domain.event.DomainEvent.HeartRateAlertRaised(OWNER, Alert.LOW, 48, NOW),
                new domain.event.DomainEvent.HeartRateAlertRaised(OWNER, Alert.HIGH, 155, NOW)), log.events());
    }

    @Test
    void answersOnlyOnceTheReadingsAreCommitted() {
        log.holdCommits();
        CompletableFuture<List<ReadingVerdict>> verdicts = record.execute(OWNER, List.of(bpm(80))).toCompletableFuture();
        assertFalse(verdicts.isDone());
        assertEquals(0, counted.stored); // counted once committed
        log.commit();
        assertEquals(1, counted.stored);
        assertTrue(verdicts.isDone());
        assertEquals(1, log.all(OWNER).size());
    }

    @Test
    void usesTheOwnersThresholds() {
        settings.save(OWNER, new AlertThresholds(60, 100));
        List<ReadingVerdict> verdicts = record.execute(OWNER, List.of(bpm(59), bpm(101), bpm(80)))
                .toCompletableFuture().join();
        assertEquals(List.of(ReadingVerdict.Accepted.of(Alert.LOW), ReadingVerdict.Accepted.of(Alert.HIGH),
                ReadingVerdict.Accepted.of(null)), verdicts);
        assertEquals(Alert.HIGH, log.all(OWNER).get(1).alert());
    }

    @Test
    void refusesMoreReadingsThanOneRequestMayCarry() {
        List<RecordReadings.Input> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(bpm(70));
        }
        assertThrows(InvalidInputException.class, () -> record.execute(OWNER, six));
        assertTrue(log.all(OWNER).isEmpty());
    }

    @Test
    void importReportsCountsAnomaliesAndRefusalsAcrossBatches() throws Exception {
        // policy.maxBatch is 5: the twelve rows are stored in three batches, anomalies still found across them
        ReadingSeriesReader reader = (in, start) -> {
            long t = NOW.minusSeconds(60).toEpochMilli();
            int[] bpm = {70, ReadingSeriesReader.MISSING, 101, 70, 100, 70, 200, 75, 41, 72, 72, 72};
            long[] times = new long[bpm.length];
            int[] lines = new int[bpm.length];
            for (int i = 0; i < bpm.length; i++) {
                times[i] = t + i * 1000L;
                lines[i] = i + 2;
            }
            return new ReadingSeriesReader.Rows(times, bpm, lines, bpm.length);
        };
        ImportHeartRateCsv importCsv = new ImportHeartRateCsv(record, reader, policy);
        ImportHeartRateCsv.Result result = importCsv.execute(OWNER,
                new ByteArrayInputStream("ignored".getBytes(StandardCharsets.UTF_8)), null).toCompletableFuture().join();
        assertEquals(10, result.accepted());
        assertEquals(1, result.rejected());
        assertEquals(1, result.missing());
        assertEquals(List.of("MISSING@2", "SPIKE@3", "DIP@4", "DIP@9", "SPIKE@10"),
                result.anomalies().stream().map(a -> a.kind() + "@" + a.row()).toList());
        assertEquals(7, result.refusals().get(0).row());
        assertEquals(8, result.refusals().get(0).line());
        assertEquals(10, log.all(OWNER).size());
    }

    @Test
    void purgeDeletesOnlyReadingsPastRetentionInBatches() {
        record.execute(OWNER, List.of(new RecordReadings.Input(70, NOW.minus(Duration.ofDays(400)), null),
                new RecordReadings.Input(71, NOW.minus(Duration.ofDays(366)), null),
                new RecordReadings.Input(72, NOW.minus(Duration.ofDays(364)), null))).toCompletableFuture().join();
        PurgeOldReadings purge = new PurgeOldReadings(log, new usecase.Transactions(), Clock.fixed(NOW, ZoneOffset.UTC),
                new HeartRatePolicy(5, Duration.ofSeconds(30), Duration.ofDays(365), 1));
        assertEquals(2, purge.execute());
        assertEquals(List.of(72), log.all(OWNER).stream().map(r -> r.bpm()).toList());
        assertInstanceOf(ReadingVerdict.Accepted.class, record.execute(OWNER, List.of(bpm(70))).toCompletableFuture().join().get(0));
    }
}
