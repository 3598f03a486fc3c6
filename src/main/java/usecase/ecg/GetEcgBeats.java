package usecase.ecg;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import usecase.port.EcgBeats;
import usecase.port.EcgRepository;

/** The detected beats of one of the caller's ECGs; while it is being analysed, only its status. */
@ApplicationScoped
public class GetEcgBeats {

    private final EcgRepository ecgs;

    public GetEcgBeats(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    public EcgBeats execute(EcgKey key) {
        return ecgs.findBeats(key).orElseThrow(() -> EcgNotFound.of(key.id()));
    }
}
