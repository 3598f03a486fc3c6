package usecase.ecg;

import domain.ecg.EcgSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import usecase.port.EcgRepository;

/** One of the caller's ECGs with its analysis results. */
@ApplicationScoped
public class GetEcg {

    private final EcgRepository ecgs;

    public GetEcg(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    public EcgSummary execute(UUID ownerId, UUID id) {
        return ecgs.findSummary(id, ownerId).orElseThrow(() -> EcgNotFound.of(id));
    }
}
