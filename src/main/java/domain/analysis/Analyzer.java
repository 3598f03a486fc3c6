package domain.analysis;

import domain.ecg.Recording;

/**
 * One concern of ECG analysis (zero crossings, beats, heart rate, ...). Analyzers are pure:
 * the same recording always yields the same result, and they never touch storage.
 * New analyzers plug in by being registered; the analysis use case runs whatever it is given.
 */
public interface Analyzer {

    AnalysisResult analyse(Recording recording);
}
