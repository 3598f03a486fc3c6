package usecase.fakes;

import domain.ecg.EcgKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import usecase.port.AnalysisQueue;

/** Remembers which ECGs were queued, in order, instead of analysing them. */
public final class RecordingAnalysisQueue implements AnalysisQueue {

    private final List<EcgKey> enqueued = new ArrayList<>();

    @Override
    public void enqueue(EcgKey key) {
        enqueued.add(key);
    }

    public List<EcgKey> enqueued() {
        return List.copyOf(enqueued);
    }

    /** The ids of the queued ECGs, in order. */
    public List<UUID> enqueuedIds() {
        return enqueued.stream().map(EcgKey::id).toList();
    }
}
