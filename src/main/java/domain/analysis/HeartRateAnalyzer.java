package domain.analysis;

import domain.ecg.Recording;

/** Mean, minimum and maximum heart rate from the detected beats (see {@link HeartRate}). */
public final class HeartRateAnalyzer implements Analyzer {

    static final int ROLLING_INTERVALS = 8;

    @Override
    public HeartRate analyse(Recording recording, AnalysisReport earlier) {
        Beats beats = Analyses.beats(earlier);
        if (!beats.available()) {
            return HeartRate.unavailable(beats.unavailableReason());
        }
        int intervals = beats.count() - 1;
        if (intervals < 1) {
            return HeartRate.unavailable("fewer than 2 beats were detected");
        }
        double mean = 60.0 * intervals / (beats.timeSeconds(beats.count() - 1) - beats.timeSeconds(0));
        int window = Math.min(ROLLING_INTERVALS, intervals);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int end = window; end <= intervals; end++) {
            double span = beats.timeSeconds(end) - beats.timeSeconds(end - window);
            double bpm = 60.0 * window / span;
            min = Math.min(min, bpm);
            max = Math.max(max, bpm);
        }
        return new HeartRate(round(mean), round(min), round(max), intervals, null);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
