package usecase.ecg;

import domain.ecg.EcgKey;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import domain.event.DomainEvent;
import usecase.events.RecordEvents;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/** Replaces the recording of an ECG the caller owns and analyses it again from scratch. */
@ApplicationScoped
public class ReplaceEcg {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;
    private final RecordingLimits limits;
    private final RecordEvents events;

    public ReplaceEcg(EcgRepository ecgs, AnalysisQueue queue, RecordingLimits limits, RecordEvents events) {
        this.ecgs = ecgs;
        this.queue = queue;
        this.limits = limits;
        this.events = events;
    }

    public record Command(EcgKey key, Recording recording) {
    }

    @Transactional
    public void execute(Command command) {
        limits.check(command.recording());
        queue.admit();
        events.record(new DomainEvent.EcgSubmitted(command.key().ownerId(), command.key().id())); // first: see RecordEvents
        if (!ecgs.replace(command.key(), command.recording())) {
            throw EcgNotFound.of(command.key().id());
        }
        queue.enqueue(command.key());
    }
}
