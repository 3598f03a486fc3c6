package usecase.port;

import domain.ecg.EcgKey;

/**
 * Hands ECGs to the asynchronous analysis. Called inside the submitting transaction, an
 * implementation must deliver only after that transaction commits (and not at all if it rolls back).
 */
public interface AnalysisQueue {

    void enqueue(EcgKey key);
}
