package usecase.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import usecase.port.AnalysisQueue;

/** Remembers which ECG ids were queued, in order, instead of analysing them. */
public final class RecordingAnalysisQueue implements AnalysisQueue {

    private final List<UUID> enqueued = new ArrayList<>();

    @Override
    public void enqueue(UUID ecgId) {
        enqueued.add(ecgId);
    }

    public List<UUID> enqueued() {
        return List.copyOf(enqueued);
    }
}
