package domain.analysis;

import domain.ecg.Signal;

/** How much each beat of a lead looks like that lead's typical beat: windows of raw signal, less their mean. */
final class Morphology {

    /** A beat at least this like the running template updates it. */
    private static final double TRACKING_MATCH = 0.9;
    /** The weight of one matching beat in the running template: about the last 20 such beats count. */
    private static final double TRACKING_WEIGHT = 0.05;
    private static final double DOMINANT = 0.8;
    private static final int DOMINANT_SAMPLE = 512;

    private Morphology() {
    }

    /**
     * The correlation (-1..1) of the window around each peak with a template that follows the lead's
     * dominant beat ({@link #dominant}) through the record:
     * it starts as the dominant beat and moves a little towards every beat that matches it closely, so
     * a slow change of shape (electrode drift, intermittent conduction changes, a 24-hour record) does
     * not make normal beats look foreign.
     */
    static float[] tracking(Signal signal, int[] peaks, int half) {
        Template template = dominant(signal, peaks, half);
        float[] out = new float[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            double r = template.correlation(signal, peaks[i]);
            out[i] = (float) r;
            if (r >= TRACKING_MATCH) {
                template.follow(signal, peaks[i]);
            }
        }
        return out;
    }

    /**
     * The dominant beat of a lead, ±{@code half} samples around its peaks: the mean window of the beats
     * that correlate at least {@value #DOMINANT} with the mean of all, refined once (the mean of those at
     * least as like the first dominant beat). Up to {@value #DOMINANT_SAMPLE} beats spread evenly over the
     * record make it: a mean of so many is as good as of all, and a 24-hour record costs no more.
     */
    static Template dominant(Signal signal, int[] peaks, int half) {
        int stride = Math.max(1, peaks.length / DOMINANT_SAMPLE);
        int[] sample = new int[(peaks.length + stride - 1) / stride];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = peaks[i * stride];
        }
        boolean[] typical = new boolean[sample.length];
        java.util.Arrays.fill(typical, true);
        Template template = template(signal, sample, typical, half);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < sample.length; i++) {
                typical[i] = template.correlation(signal, sample[i]) >= DOMINANT;
            }
            template = template(signal, sample, typical, half);
        }
        return template;
    }

    /** The mean window of the typical peaks (of all peaks when fewer than 8 are typical). */
    private static Template template(Signal signal, int[] peaks, boolean[] typical, int half) {
        int width = 2 * half + 1;
        double[] sum = new double[width];
        int used = 0;
        for (int pass = 0; pass < 2 && used < 8; pass++) {
            used = 0;
            java.util.Arrays.fill(sum, 0);
            for (int i = 0; i < peaks.length; i++) {
                if ((pass == 1 || typical[i]) && peaks[i] - half >= 0 && peaks[i] + half < signal.length()) {
                    for (int j = 0; j < width; j++) {
                        sum[j] += signal.get(peaks[i] - half + j);
                    }
                    used++;
                }
            }
        }
        if (used > 0) {
            for (int j = 0; j < width; j++) {
                sum[j] /= used;
            }
        }
        return new Template(sum, half);
    }

    /**
     * A template beat, kept as raw samples. Windows and template are compared less their means; the
     * correlation follows from plain sums over the raw samples in one pass, so no window is ever copied.
     */
    static final class Template {

        private final double[] values;
        private final int half;
        private double sum;
        private double power;

        Template(double[] values, int half) {
            this.values = values;
            this.half = half;
            sums();
        }

        private void sums() {
            double s = 0;
            double squares = 0;
            for (double value : values) {
                s += value;
                squares += value * value;
            }
            sum = s;
            power = squares - s * s / values.length;
        }

        /** The correlation (-1..1) of the window around {@code peak} with the template; 0 off the signal. */
        double correlation(Signal signal, int peak) {
            int width = values.length;
            int from = peak - half;
            if (from < 0 || peak + half >= signal.length() || power <= 0) {
                return 0;
            }
            double s = 0;
            double squares = 0;
            double products = 0;
            for (int j = 0; j < width; j++) {
                double x = signal.get(from + j);
                s += x;
                squares += x * x;
                products += x * values[j];
            }
            double xx = squares - s * s / width;
            double xy = products - s * sum / width;
            return xx <= 0 ? 0 : xy / Math.sqrt(xx * power);
        }

        /** Moves the template {@value #TRACKING_WEIGHT} of the way towards the window around {@code peak}. */
        void follow(Signal signal, int peak) {
            for (int j = 0; j < values.length; j++) {
                values[j] += TRACKING_WEIGHT * (signal.get(peak - half + j) - values[j]);
            }
            sums();
        }
    }

    /**
     * The QRS width of each beat in samples: the span around the peak (±120 ms) where the signal's slope (over
     * ±8 ms) is at least 30 % of its steepest, which the wide, slurred complexes of ventricular beats stretch.
     */
    static int[] widths(Signal signal, int[] peaks, int rate) {
        int reach = (int) Math.round(0.12 * rate);
        int step = slopeStep(rate);
        int[] out = new int[peaks.length];
        int[] slopes = new int[2 * reach + 1];
        for (int i = 0; i < peaks.length; i++) {
            int from = Math.max(step, peaks[i] - reach);
            int to = Math.min(signal.length() - 1 - step, peaks[i] + reach);
            int steepest = 0;
            for (int j = from; j <= to; j++) {
                int slope = Math.abs(signal.get(j + step) - signal.get(j - step));
                slopes[j - from] = slope;
                steepest = Math.max(steepest, slope);
            }
            int limit = Math.max(1, (int) (0.3 * steepest));
            int first = -1;
            int last = -1;
            for (int j = 0; j <= to - from; j++) {
                if (slopes[j] >= limit) {
                    if (first < 0) {
                        first = j;
                    }
                    last = j;
                }
            }
            out[i] = first < 0 ? 0 : last - first + 1;
        }
        return out;
    }

    /** The steepest slope (over ±8 ms) within ±50 ms of {@code at}: a QRS complex is steep, a T wave is not. */
    static double steepness(Signal signal, int at, int rate) {
        int step = slopeStep(rate);
        int reach = (int) Math.round(0.05 * rate);
        int from = Math.max(step, at - reach);
        int to = Math.min(signal.length() - 1 - step, at + reach);
        int steepest = 0;
        for (int j = from; j <= to; j++) {
            steepest = Math.max(steepest, Math.abs(signal.get(j + step) - signal.get(j - step)));
        }
        return steepest;
    }

    /** Slopes are taken over ±8 ms: a smoothed derivative, steep on a QRS complex and little moved by noise. */
    private static int slopeStep(int rate) {
        return Math.max(1, (int) Math.round(0.008 * rate));
    }

    /**
     * Each beat's fiducial point on this lead: the centroid of the squared slope within ±60 ms of the
     * given peak. Where two deflections of a complex are about as large, the largest one (the detector's
     * R peak) jumps between them from beat to beat; the centroid of the whole complex stays put, so
     * windows around it line up.
     */
    static int[] centred(Signal signal, int[] peaks, int rate) {
        int reach = (int) Math.round(0.06 * rate);
        int step = Math.max(1, (int) Math.round(0.004 * rate));
        int[] out = new int[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            int from = Math.max(step, peaks[i] - reach);
            int to = Math.min(signal.length() - 1 - step, peaks[i] + reach);
            double weight = 0;
            double moment = 0;
            for (int j = from; j <= to; j++) {
                double slope = signal.get(j + step) - signal.get(j - step);
                weight += slope * slope;
                moment += slope * slope * j;
            }
            out[i] = weight == 0 ? peaks[i] : (int) Math.round(moment / weight);
        }
        return out;
    }
}
