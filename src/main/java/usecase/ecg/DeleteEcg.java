package usecase.ecg;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.EcgRepository;

/** Deletes an ECG the caller owns, with its samples and results. */
@ApplicationScoped
public class DeleteEcg {

    private final EcgRepository ecgs;

    public DeleteEcg(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    @Transactional
    public void execute(UUID ownerId, UUID id) {
        if (!ecgs.delete(id, ownerId)) {
            throw EcgNotFound.of(id);
        }
    }
}
