package usecase.ecg;

import domain.ConflictException;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;

/** Stores a new recording and queues its analysis; the analysis itself runs later. */
@ApplicationScoped
public class SubmitEcg {

    private final EcgRepository ecgs;
    private final AnalysisQueue queue;
    private final Clock clock;

    public SubmitEcg(EcgRepository ecgs, AnalysisQueue queue, Clock clock) {
        this.ecgs = ecgs;
        this.queue = queue;
        this.clock = clock;
    }

    /** @param id the client's own id for the ECG, or null to have one generated */
    public record Command(UUID ownerId, UUID id, Recording recording) {
    }

    public record Result(UUID id, EcgStatus status) {
    }

    @Transactional
    public Result execute(Command command) {
        UUID id = command.id() != null ? command.id() : UUID.randomUUID();
        if (ecgs.exists(id)) {
            throw new ConflictException("an ECG with id " + id + " already exists");
        }
        ecgs.add(Ecg.submitted(id, command.ownerId(), command.recording(), clock.instant()));
        queue.enqueue(id);
        return new Result(id, EcgStatus.PENDING);
    }
}
