package usecase.ecg;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import usecase.port.EcgRepository;

/** Deletes an ECG the caller owns, with its samples and results. */
@ApplicationScoped
public class DeleteEcg {

    private final EcgRepository ecgs;

    public DeleteEcg(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    @Transactional
    public void execute(EcgKey key) {
        if (!ecgs.delete(key)) {
            throw EcgNotFound.of(key.id());
        }
    }
}
