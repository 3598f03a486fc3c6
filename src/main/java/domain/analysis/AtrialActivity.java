package domain.analysis;

import domain.ecg.Signal;

/**
 * Whether P waves come before the QRS complexes. In sinus rhythm, and with most atrial ectopy, every
 * conducted beat is preceded by a P wave of a stable shape at a stable distance; in atrial fibrillation
 * there is none, only fibrillatory waves that differ from beat to beat. Following the P-wave
 * morphology criterion of Babaeizadeh et al. (J Electrocardiol 2009), the window from 350 to 80 ms
 * before each R peak (long enough for a first-degree AV block) is compared, with its trend removed,
 * with the mean of those windows over a stretch of beats.
 */
final class AtrialActivity {

    /** Below this consistency on every lead, the beats have no P waves (sinus rhythm: 0.5–0.9; AF: 0.05–0.3). */
    static final double NO_P_WAVES = 0.4;
    private static final double FROM_S = 0.35;
    private static final double TO_S = 0.08;

    private AtrialActivity() {
    }

    /** Whether no lead shows P waves of a stable shape before {@code beats[from, to)} (indices into {@code peaks}). */
    static boolean absent(Signal[] signals, int[] peaks, int[] beats, int from, int to, int rate) {
        for (Signal signal : signals) {
            if (consistency(signal, peaks, beats, from, to, rate) >= NO_P_WAVES) {
                return false;
            }
        }
        return true;
    }

    /**
     * The mean correlation of the pre-QRS windows of {@code beats[from, to)} with their mean; 0 when
     * fewer than 4 of them lie inside the signal.
     */
    static double consistency(Signal signal, int[] peaks, int[] beats, int from, int to, int rate) {
        int start = (int) Math.round(FROM_S * rate);
        int width = start - (int) Math.round(TO_S * rate);
        double[][] windows = new double[to - from][];
        double[] mean = new double[width];
        int used = 0;
        for (int b = from; b < to; b++) {
            int at = peaks[beats[b]] - start;
            if (at < 0 || at + width > signal.length()) {
                continue;
            }
            double[] window = detrended(signal, at, width);
            windows[used++] = window;
            for (int j = 0; j < width; j++) {
                mean[j] += window[j];
            }
        }
        if (used < 4) {
            return 0;
        }
        double sum = 0;
        for (int w = 0; w < used; w++) {
            sum += correlation(windows[w], mean);
        }
        return sum / used;
    }

    private static double correlation(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int j = 0; j < x.length; j++) {
            xy += x[j] * y[j];
            xx += x[j] * x[j];
            yy += y[j] * y[j];
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }

    private static double[] detrended(Signal signal, int from, int width) {
        double[] out = new double[width];
        double centre = (width - 1) / 2.0;
        double sum = 0;
        double moment = 0;
        double spread = 0;
        for (int j = 0; j < width; j++) {
            out[j] = signal.get(from + j);
            sum += out[j];
            moment += (j - centre) * out[j];
            spread += (j - centre) * (j - centre);
        }
        double mean = sum / width;
        double slope = moment / spread;
        for (int j = 0; j < width; j++) {
            out[j] -= mean + slope * (j - centre);
        }
        return out;
    }
}
