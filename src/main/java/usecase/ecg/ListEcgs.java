package usecase.ecg;

import usecase.port.EcgSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import usecase.Page;
import usecase.PageRequest;
import usecase.port.EcgRepository;

/** The caller's ECGs, newest first, a page at a time. */
@ApplicationScoped
public class ListEcgs {

    private final EcgRepository ecgs;

    public ListEcgs(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    public Page<EcgSummary> execute(UUID ownerId, PageRequest request) {
        return ecgs.list(ownerId, request);
    }
}
