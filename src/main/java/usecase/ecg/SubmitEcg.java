package usecase.ecg;

import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import domain.event.DomainEvent;
import usecase.events.RecordEvents;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/** Stores a new recording and queues its analysis; the analysis itself runs later. */
@ApplicationScoped
public class SubmitEcg {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;
    private final Clock clock;
    private final RecordingLimits limits;
    private final RecordEvents events;

    public SubmitEcg(EcgRepository ecgs, AnalysisQueue queue, Clock clock, RecordingLimits limits, RecordEvents events) {
        this.ecgs = ecgs;
        this.queue = queue;
        this.clock = clock;
        this.limits = limits;
        this.events = events;
    }

    /** @param id the client's own id for the ECG (unique among the owner's ECGs), or null to have one generated */
    public record Command(UUID ownerId, UUID id, Recording recording) {
    }

    public record Result(UUID id, EcgStatus status) {
    }

    /** @throws AnalysisQueue.Full when the analysis backlog is at its bound (nothing is stored) */
    @Transactional
    public Result execute(Command command) {
        limits.check(command.recording());
        queue.admit();
        UUID id = command.id() != null ? command.id() : UUID.randomUUID();
        EcgKey key = new EcgKey(command.ownerId(), id);
        events.record(new DomainEvent.EcgSubmitted(command.ownerId(), id)); // first: see RecordEvents
        ecgs.add(Ecg.submitted(id, command.ownerId(), command.recording(), clock.instant()));
        queue.enqueue(key);
        return new Result(id, EcgStatus.PENDING);
    }
}
