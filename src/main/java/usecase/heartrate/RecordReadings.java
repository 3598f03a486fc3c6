package usecase.heartrate;

import domain.InvalidInputException;
import domain.event.DomainEvent;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Reading;
import domain.heartrate.ReadingVerdict;
import domain.heartrate.Readings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import usecase.port.HeartRateLog;
import usecase.port.ReadingMetrics;
import usecase.port.HeartRateSettings;

/**
 * Judges readings one by one and stores those that pass: one verdict per reading, in order, never all or
 * nothing. The verdicts come once the accepted readings are committed, so an acknowledgement means stored.
 * Nothing here blocks: transports call it from their I/O threads, and the stage completes on the log's.
 */
@ApplicationScoped
public class RecordReadings {

    private final HeartRateLog log;
    private final HeartRateSettings settings;
    private final Clock clock;
    private final HeartRatePolicy policy;
    private final ReadingMetrics metrics;

    public RecordReadings(HeartRateLog log, HeartRateSettings settings, Clock clock, HeartRatePolicy policy,
                          ReadingMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * One reading as a client sent it.
     *
     * @param time when it was measured, or null for now
     */
    public record Input(int bpm, Instant time, String device) {
    }

    /** @throws InvalidInputException at once when there are more readings than one request may carry */
    public CompletionStage<List<ReadingVerdict>> execute(UUID owner, List<Input> inputs) {
        if (inputs.size() > policy.maxBatch()) {
            throw InvalidInputException.of("readings", "at most " + policy.maxBatch() + " readings per request ("
                    + inputs.size() + " sent)");
        }
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // the time of arrival
        return settings.current(owner).thenCompose(thresholds -> store(owner, inputs, thresholds, now));
    }

    private CompletionStage<List<ReadingVerdict>> store(UUID owner, List<Input> inputs, AlertThresholds thresholds,
                                                        Instant now) {
        List<ReadingVerdict> verdicts = new ArrayList<>(inputs.size());
        List<Reading> accepted = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            Instant time = input.time() == null ? now : input.time().truncatedTo(ChronoUnit.MILLIS);
            String refusal = Readings.refusal(input.bpm(), time, input.device(), now);
            if (refusal != null) {
                verdicts.add(new ReadingVerdict.Rejected(refusal));
                continue;
            }
            Reading reading = new Reading(time, input.bpm(), input.device(), thresholds.alertFor(input.bpm()));
            accepted.add(reading);
            verdicts.add(ReadingVerdict.Accepted.of(reading.alert()));
        }
        int rejected = verdicts.size() - accepted.size();
        if (rejected > 0) {
            metrics.rejected(rejected);
        }
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(verdicts);
        }
        return log.append(owner, accepted, DomainEvent.readingsStored(owner, accepted)).whenComplete((stored, failure) -> {
            if (failure == null) {
                metrics.stored(accepted);
            } else {
                metrics.rejected(accepted.size());
            }
        }).thenApply(stored -> verdicts);
    }
}
