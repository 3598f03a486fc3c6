package usecase.port;

import domain.ecg.EcgKey;

/**
 * Hands ECGs to the asynchronous analysis. Called inside the submitting transaction, an
 * implementation must deliver only after that transaction commits (and not at all if it rolls back).
 */
public interface AnalysisQueue {

    void enqueue(EcgKey key);

    /**
     * Back-pressure: called before new work is stored, it refuses it while the analysis backlog is at its bound,
     * so a flood of submissions is turned away rather than queued without end (and the time to a result with it).
     *
     * @throws Full when the backlog is at its bound
     */
    void admit();

    /** The analysis backlog is at its bound: the caller should come back after {@link #retryAfterSeconds}. */
    final class Full extends RuntimeException {
        private final long retryAfterSeconds;

        public Full(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
