package usecase.ecg;

import domain.ecg.EcgKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import domain.event.DomainEvent;
import usecase.events.RecordEvents;
import usecase.port.EcgRepository;

/** Deletes an ECG the caller owns, with its samples and results. */
@ApplicationScoped
public class DeleteEcg {

    private final EcgRepository ecgs;
    private final RecordEvents events;

    public DeleteEcg(EcgRepository ecgs, RecordEvents events) {
        this.ecgs = ecgs;
        this.events = events;
    }

    @Transactional
    public void execute(EcgKey key) {
        events.record(new DomainEvent.EcgDeleted(key.ownerId(), key.id())); // first: see RecordEvents
        if (!ecgs.delete(key)) {
            throw EcgNotFound.of(key.id());
        }
    }
}
