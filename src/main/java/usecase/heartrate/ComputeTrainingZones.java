package usecase.heartrate;

import domain.InvalidInputException;
import domain.heartrate.TrainingZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import usecase.port.HeartRateLog;

/**
 * Time in training zones, over the caller's stored readings of a period or over readings sent with the
 * request (which are not stored). Stored readings are streamed through the computation, so a period of any
 * length counts every interval.
 */
@ApplicationScoped
public class ComputeTrainingZones {

    private final HeartRateLog log;

    public ComputeTrainingZones(HeartRateLog log) {
        this.log = log;
    }

    /** A reading sent with the request. */
    public record Sample(Instant time, int bpm) {
    }

    public record StoredPeriod(UUID owner, Instant from, Instant to) {

        public StoredPeriod {
            if (!to.isAfter(from)) {
                throw InvalidInputException.of("to", "must be after from");
            }
        }
    }

    @Transactional
    public TrainingZones.Times execute(TrainingZones.Parameters parameters, StoredPeriod period) {
        TrainingZones zones = new TrainingZones(parameters);
        log.forEach(period.owner(), period.from(), period.to(), zones::add);
        return zones.result();
    }

    /** Over the given samples, in time order (samples with the same time keep their order). */
    public TrainingZones.Times execute(TrainingZones.Parameters parameters, List<Sample> samples) {
        TrainingZones zones = new TrainingZones(parameters);
        samples.stream().sorted(Comparator.comparing(Sample::time))
                .forEach(sample -> zones.add(sample.time().toEpochMilli(), sample.bpm()));
        return zones.result();
    }
}
