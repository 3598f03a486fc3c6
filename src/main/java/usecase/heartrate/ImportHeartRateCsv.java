package usecase.heartrate;

import domain.heartrate.Anomalies;
import domain.heartrate.Anomaly;
import domain.heartrate.ReadingVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import usecase.port.ReadingSeriesReader;

/**
 * Stores the readings of a file, as many batches of {@link RecordReadings} in row order, and reports what it
 * found: how many rows were stored, refused (out of range, in the future) and missing, and the anomalies
 * (missing values, spikes, dips) with their rows. The file was read in full before: one that is not a series
 * of readings stores nothing.
 */
@ApplicationScoped
public class ImportHeartRateCsv {

    /** Anomalies and refusals listed in one response at most; the counts are always complete. */
    public static final int MAX_LISTED = 10_000;

    private final RecordReadings recordReadings;
    private final ReadingSeriesReader reader;
    private final HeartRatePolicy policy;

    public ImportHeartRateCsv(RecordReadings recordReadings, ReadingSeriesReader reader, HeartRatePolicy policy) {
        this.recordReadings = recordReadings;
        this.reader = reader;
        this.policy = policy;
    }

    public record Refusal(long row, int line, Instant time, int bpm, String reason) {
    }

    public record Result(long accepted, long rejected, long missing, long anomalyCount, List<Anomaly> anomalies,
                         List<Refusal> refusals) {
    }

    /**
     * Reads the whole file first (it is refused, with nothing stored, when it is not a series of readings), then
     * stores it.
     *
     * @param start the time of second 0 for a file of seconds since a start, or null
     */
    public CompletionStage<Result> execute(UUID owner, InputStream file, Instant start) throws IOException {
        return new Progress(reader.read(file, start)).from(owner, 0);
    }

    private final class Progress {
        private final ReadingSeriesReader.Rows rows;
        private final List<Anomaly> anomalies = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private long anomalyCount;
        private long accepted;
        private long rejected;
        private long missing;
        private final Anomalies detector = new Anomalies(anomaly -> {
            anomalyCount++;
            if (anomalies.size() < MAX_LISTED) {
                anomalies.add(anomaly);
            }
        });

        Progress(ReadingSeriesReader.Rows rows) {
            this.rows = rows;
        }

        /** Stores the batch of rows from {@code first} on, reports them, then goes on with the next. */
        CompletionStage<Result> from(UUID owner, int first) {
            if (first >= rows.size()) {
                return CompletableFuture.completedFuture(new Result(accepted, rejected, missing, anomalyCount,
                        List.copyOf(anomalies), List.copyOf(refusals)));
            }
            List<RecordReadings.Input> inputs = new ArrayList<>();
            int end = first;
            while (end < rows.size() && inputs.size() < policy.maxBatch()) {
                if (rows.bpm()[end] != ReadingSeriesReader.MISSING) {
                    inputs.add(new RecordReadings.Input(rows.bpm()[end], Instant.ofEpochMilli(rows.epochMillis()[end]), null));
                }
                end++;
            }
            int last = end;
            return recordReadings.execute(owner, inputs).thenCompose(verdicts -> {
                report(first, last, verdicts);
                return from(owner, last);
            });
        }

        private void report(int first, int end, List<ReadingVerdict> verdicts) {
            int next = 0;
            for (int i = first; i < end; i++) {
                Instant time = Instant.ofEpochMilli(rows.epochMillis()[i]);
                long row = i + 1L;
                if (rows.bpm()[i] == ReadingSeriesReader.MISSING) {
                    missing++;
                    detector.missing(row, time);
                    continue;
                }
                ReadingVerdict verdict = verdicts.get(next++);
                if (verdict instanceof ReadingVerdict.Rejected refused) {
                    rejected++;
                    if (refusals.size() < MAX_LISTED) {
                        refusals.add(new Refusal(row, rows.lines()[i], time, rows.bpm()[i], refused.reason()));
                    }
                } else {
                    accepted++;
                    detector.valid(row, time, rows.bpm()[i]);
                }
            }
        }
    }
}
