package usecase.ecg;

import domain.NotFoundException;
import java.util.UUID;

/** The one message for an ECG that does not exist or is someone else's: the two must look alike. */
final class EcgNotFound {

    private EcgNotFound() {
    }

    static NotFoundException of(UUID id) {
        return new NotFoundException("no ECG with id " + id);
    }
}
