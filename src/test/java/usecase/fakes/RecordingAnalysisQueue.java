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

    private boolean full;

    @Override
    public void admit() {
        if (full) {
            throw new Full("the backlog is full", 7);
        }
    }

    /** From now on every {@link #admit()} refuses. */
    public void fill() {
        full = true;
    }

    public List<EcgKey> enqueued() {
        return List.copyOf(enqueued);
    }

    /** The ids of the queued ECGs, in order. */
    public List<UUID> enqueuedIds() {
        return enqueued.stream().map(EcgKey::id).toList();
    }
}
