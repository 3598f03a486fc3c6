package usecase.ecg;

import domain.ecg.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/** Replaces the recording of an ECG the caller owns and analyses it again from scratch. */
@ApplicationScoped
public class ReplaceEcg {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;

    public ReplaceEcg(EcgRepository ecgs, AnalysisQueue queue) {
        this.ecgs = ecgs;
        this.queue = queue;
    }

    public record Command(UUID ownerId, UUID id, Recording recording) {
    }

    @Transactional
    public void execute(Command command) {
        if (!ecgs.replace(command.id(), command.ownerId(), command.recording())) {
            throw EcgNotFound.of(command.id());
        }
        queue.enqueue(command.id());
    }
}
