package domain.analysis;

import domain.ecg.Signal;

/**
 * How much each beat of a lead looks like that lead's typical beat. Beats are compared as windows of raw
 * signal with their straight-line trend removed, so baseline wander under a small QRS does not pass for
 * its shape.
 */
final class Morphology {

    /** A beat at least this like the running template updates it. */
    private static final double TRACKING_MATCH = 0.9;
    /** The weight of one matching beat in the running template: about the last 20 such beats count. */
    private static final double TRACKING_WEIGHT = 0.05;

    private Morphology() {
    }

    /**
     * The correlation (-1..1) of the raw window ±{@code half} samples around each peak with the mean
     * of the windows of the {@code typical} peaks (all peaks when fewer than 8 are typical).
     */
    static float[] similarity(Signal signal, int[] peaks, boolean[] typical, int half) {
        double[] template = template(signal, peaks, typical, half);
        float[] out = new float[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            out[i] = (float) correlation(signal, peaks[i], half, template, null);
        }
        return out;
    }

    /**
     * Like {@link #similarity} against a template that follows the dominant beat through the record:
     * it starts as the mean dominant beat and moves a little towards every beat that matches it
     * closely, so a slow change of shape (electrode drift, intermittent conduction changes, a 24-hour
     * record) does not make normal beats look foreign.
     */
    static float[] tracking(Signal signal, int[] peaks, int half) {
        double[] template = template(signal, peaks, dominant(signal, peaks, half), half);
        double[] beat = new double[template.length];
        float[] out = new float[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            double r = correlation(signal, peaks[i], half, template, beat);
            out[i] = (float) r;
            if (r >= TRACKING_MATCH) {
                for (int j = 0; j < template.length; j++) {
                    template[j] += TRACKING_WEIGHT * (beat[j] - template[j]);
                }
            }
        }
        return out;
    }

    /** The beats of the dominant shape: those correlating at least 0.8 with the mean beat, refined once. */
    static boolean[] dominant(Signal signal, int[] peaks, int half) {
        boolean[] typical = new boolean[peaks.length];
        java.util.Arrays.fill(typical, true);
        for (int round = 0; round < 2; round++) {
            float[] similarity = similarity(signal, peaks, typical, half);
            for (int i = 0; i < peaks.length; i++) {
                typical[i] = similarity[i] >= 0.8f;
            }
        }
        return typical;
    }

    private static double[] template(Signal signal, int[] peaks, boolean[] typical, int half) {
        int width = 2 * half + 1;
        double[] template = new double[width];
        double[] beat = new double[width];
        int used = 0;
        for (int pass = 0; pass < 2 && used < 8; pass++) {
            used = 0;
            java.util.Arrays.fill(template, 0);
            for (int i = 0; i < peaks.length; i++) {
                if ((pass == 1 || typical[i]) && peaks[i] - half >= 0 && peaks[i] + half < signal.length()) {
                    detrended(signal, peaks[i] - half, beat);
                    for (int j = 0; j < width; j++) {
                        template[j] += beat[j];
                    }
                    used++;
                }
            }
        }
        if (used > 0) {
            for (int j = 0; j < width; j++) {
                template[j] /= used;
            }
        }
        return template;
    }

    /**
     * The correlation of the window around {@code peak} with the template; 0 for a window that leaves
     * the signal. {@code beat}, when given, receives the window less its mean.
     */
    private static double correlation(Signal signal, int peak, int half, double[] template, double[] beat) {
        int width = template.length;
        int from = peak - half;
        if (from < 0 || peak + half >= signal.length()) {
            return 0;
        }
        double[] window = beat != null ? beat : new double[width];
        detrended(signal, from, window);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int j = 0; j < width; j++) {
            double x = window[j];
            xy += x * template[j];
            xx += x * x;
            yy += template[j] * template[j];
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }

    /**
     * The QRS width of each beat in samples: the span around the peak (±120 ms) where the signal's slope (over
     * ±8 ms) is at least 30 % of its steepest, which the wide, slurred complexes of ventricular beats stretch.
     */
    static int[] widths(Signal signal, int[] peaks, int rate) {
        int reach = (int) Math.round(0.12 * rate);
        int step = Math.max(1, (int) Math.round(0.008 * rate)); // slope over ±8 ms: a smoothed derivative
        int[] out = new int[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            int from = Math.max(step, peaks[i] - reach);
            int to = Math.min(signal.length() - 1 - step, peaks[i] + reach);
            int steepest = 0;
            for (int j = from; j <= to; j++) {
                steepest = Math.max(steepest, Math.abs(signal.get(j + step) - signal.get(j - step)));
            }
            int limit = Math.max(1, (int) (0.3 * steepest));
            int first = -1;
            int last = -1;
            for (int j = from; j <= to; j++) {
                if (Math.abs(signal.get(j + step) - signal.get(j - step)) >= limit) {
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

    /** {@code out.length} samples from {@code from}, less their least-squares straight line. */
    private static void detrended(Signal signal, int from, double[] out) {
        int width = out.length;
        double centre = (width - 1) / 2.0;
        double sum = 0;
        double moment = 0;
        double spread = 0;
        for (int j = 0; j < width; j++) {
            double x = signal.get(from + j);
            out[j] = x;
            sum += x;
            moment += (j - centre) * x;
            spread += (j - centre) * (j - centre);
        }
        double mean = sum / width;
        double slope = spread == 0 ? 0 : moment / spread;
        for (int j = 0; j < width; j++) {
            out[j] -= mean + slope * (j - centre);
        }
    }
}
