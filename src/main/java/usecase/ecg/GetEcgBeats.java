package usecase.ecg;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import usecase.port.EcgBeats;
import usecase.port.EcgRepository;

/** The detected beats of one of the caller's ECGs; while it is being analysed, only its status. */
@ApplicationScoped
public class GetEcgBeats {

    private final EcgRepository ecgs;

    public GetEcgBeats(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    public EcgBeats execute(UUID ownerId, UUID id) {
        return ecgs.findBeats(id, ownerId).orElseThrow(() -> EcgNotFound.of(id));
    }
}
