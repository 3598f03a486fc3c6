package usecase.ecg;

import domain.ecg.EcgKey;
import usecase.port.EcgSummary;
import jakarta.enterprise.context.ApplicationScoped;
import usecase.port.EcgRepository;

/** One of the caller's ECGs with its analysis results. */
@ApplicationScoped
public class GetEcg {

    private final EcgRepository ecgs;

    public GetEcg(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    public EcgSummary execute(EcgKey key) {
        return ecgs.findSummary(key).orElseThrow(() -> EcgNotFound.of(key.id()));
    }
}
