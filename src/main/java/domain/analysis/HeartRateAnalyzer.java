package domain.analysis;

import domain.ecg.Recording;

/**
 * Mean, minimum and maximum heart rate from the detected beats. The mean is over all RR intervals;
 * minimum and maximum are of the rate from the median of 8 consecutive RR intervals, so an
 * ectopic beat and its compensatory pause do not make the extremes.
 */
public final class HeartRateAnalyzer implements Analyzer {

    static final int ROLLING_INTERVALS = 8;

    @Override
    public EcgHeartRate analyse(Recording recording, AnalysisReport earlier) {
        Beats beats = Analyses.beats(earlier);
        if (!beats.available()) {
            return EcgHeartRate.unavailable(beats.unavailableReason());
        }
        int intervals = beats.count() - 1;
        if (intervals < 1) {
            return EcgHeartRate.unavailable("fewer than 2 beats were detected");
        }
        double mean = 60.0 * intervals / (beats.timeSeconds(beats.count() - 1) - beats.timeSeconds(0));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double bpm : rollingBpm(beats)) {
            min = Math.min(min, bpm);
            max = Math.max(max, bpm);
        }
        // The mean is over the whole span, the extremes over runs of medians: on a steady rhythm with jittering
        // R peaks a median can land a hair either side of the mean. The mean lies between them by definition.
        double roundedMean = Decimals.round(mean, 1);
        return new EcgHeartRate(roundedMean, Math.min(roundedMean, Decimals.round(min, 1)),
                Math.max(roundedMean, Decimals.round(max, 1)), intervals, null);
    }

    /**
     * The rate from the median of each run of 8 consecutive RR intervals (all of them when there are
     * fewer); element k belongs to the run that ends with beat {@code k + window}.
     */
    static double[] rollingBpm(Beats beats) {
        int intervals = beats.count() - 1;
        int window = Math.min(ROLLING_INTERVALS, intervals);
        double[] out = new double[intervals - window + 1];
        double[] run = new double[window];
        for (int end = window; end <= intervals; end++) {
            for (int k = 0; k < window; k++) {
                run[k] = beats.rrSeconds(end - window + 1 + k);
            }
            out[end - window] = 60 / Select.median(run, window);
        }
        return out;
    }
}
