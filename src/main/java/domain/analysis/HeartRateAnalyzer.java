package domain.analysis;

import domain.ecg.Recording;

/**
 * Mean, minimum and maximum heart rate from the detected beats. The mean is over all RR intervals
 * (none spans ventricular fibrillation, whose waves are no beats);
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
        int intervals = beats.rrIntervals();
        if (intervals < 1) {
            return EcgHeartRate.unavailable(beats.count() < 2 ? "fewer than 2 beats were detected"
                    : "no two consecutive beats outside ventricular fibrillation");
        }
        double sum = 0;
        for (int i = 1; i < beats.count(); i++) {
            double rr = beats.rrSeconds(i);
            sum += Double.isNaN(rr) ? 0 : rr;
        }
        double mean = 60.0 * intervals / sum;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double bpm : rollingBpm(beats)) {
            if (!Double.isNaN(bpm)) {
                min = Math.min(min, bpm);
                max = Math.max(max, bpm);
            }
        }
        if (max == 0) {
            min = mean;
            max = mean;
        }
        // The mean is over the whole span, the extremes over runs of medians: on a steady rhythm with jittering
        // R peaks a median can land a hair either side of the mean. The mean lies between them by definition.
        double roundedMean = Decimals.round(mean, 1);
        return new EcgHeartRate(roundedMean, Math.min(roundedMean, Decimals.round(min, 1)),
                Math.max(roundedMean, Decimals.round(max, 1)), intervals, null);
    }

    /**
     * The rate from the median of each run of 8 consecutive RR intervals (all of them when there are
     * fewer); element k belongs to the run that ends with beat {@code k + window}. NaN for a run
     * across a break (ventricular fibrillation).
     */
    static double[] rollingBpm(Beats beats) {
        int intervals = beats.count() - 1;
        int window = Math.min(ROLLING_INTERVALS, intervals);
        double[] out = new double[intervals - window + 1];
        double[] run = new double[window];
        for (int end = window; end <= intervals; end++) {
            boolean whole = true;
            for (int k = 0; k < window; k++) {
                run[k] = beats.rrSeconds(end - window + 1 + k);
                whole &= !Double.isNaN(run[k]);
            }
            out[end - window] = whole ? 60 / Select.median(run, window) : Double.NaN;
        }
        return out;
    }
}
