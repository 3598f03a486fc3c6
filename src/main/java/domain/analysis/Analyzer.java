package domain.analysis;

import domain.ecg.Recording;

/**
 * One concern of ECG analysis (signal quality, beats, heart rate, ...). Analyzers are pure: the
 * same recording always yields the same result, and they never touch storage. They run in order,
 * and each sees the results of those before it, so heart rate builds on the detected beats
 * instead of detecting them again.
 */
public interface Analyzer {

    AnalysisResult analyse(Recording recording, AnalysisReport earlier);
}
