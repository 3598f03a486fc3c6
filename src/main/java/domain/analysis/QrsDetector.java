package domain.analysis;

import domain.ecg.Signal;
import java.util.Arrays;

/**
 * Finds the QRS complexes of one lead: a Pan–Tompkins-class detector that works at any sampling
 * rate from 100 Hz to 2 kHz.
 * <ol>
 *   <li>band-pass 5–15 Hz (Butterworth sections), derivative, squaring and a 150 ms moving-window
 *   integration, all in one pass;</li>
 *   <li>candidate peaks of the integrated signal, at most one per 200 ms refractory period;</li>
 *   <li>adaptive signal and noise levels with the classic thresholds, a slope test that tells
 *   T waves from QRS complexes within 360 ms of a beat, search-back with the lower threshold
 *   after 1.66 mean RR intervals without a beat, and a re-learning of the levels after a long
 *   silence, so a sudden drop in amplitude is not a never-ending pause (but only from two
 *   seconds in which a peak stands out at least 3 times above the mean, and never below 1/16 of
 *   the typical beat, so asystole or a lost electrode does not turn noise into beats);</li>
 *   <li>the R peak refined on the band-passed and then the raw signal.</li>
 * </ol>
 */
public final class QrsDetector {

    static final double LOW_CUT_HZ = 5;
    static final double HIGH_CUT_HZ = 15;
    private static final double INTEGRATION_S = 0.150;
    private static final double REFRACTORY_S = 0.200;
    private static final double T_WAVE_WINDOW_S = 0.360;
    private static final double LEARNING_S = 2.0;
    private static final double RELEARN_AFTER_S = 3.0;

    private QrsDetector() {
    }

    /** The detections of one lead, in time order. */
    public record Detections(int[] peaks) {
        public int count() {
            return peaks.length;
        }
    }

    public static Detections detect(Signal signal, int samplingRateHz) {
        return detect(signal, samplingRateHz, bandPass(signal, samplingRateHz));
    }

    /** @param band the signal's {@link #bandPass}, when already at hand */
    static Detections detect(Signal signal, int samplingRateHz, float[] band) {
        int factor = decimation(samplingRateHz);
        double fs = (double) samplingRateHz / factor;
        float[] integrated = integrate(band, fs);
        int[] candidates = candidates(integrated, (int) Math.round(REFRACTORY_S * fs));
        return new Thresholds(signal, factor, band, integrated, fs).run(candidates);
    }

    /**
     * The QRS band holds nothing above 20 Hz, so the detector works on block means of {@code factor}
     * samples, at 100–199 Hz whatever the input rate: a 2 kHz recording costs little more than a 200 Hz one.
     */
    static int decimation(int samplingRateHz) {
        return Math.max(1, samplingRateHz / 100);
    }

    /** Block means at the detector's rate (see {@link #decimation}), band-passed 5–15 Hz. */
    static float[] bandPass(Signal signal, int samplingRateHz) {
        return bandPass(blockMeans(signal, samplingRateHz), samplingRateHz);
    }

    /** {@link #blockMeans} band-passed 5–15 Hz, in a new array. */
    static float[] bandPass(float[] blocks, int samplingRateHz) {
        float[] band = blocks.clone();
        double fs = (double) samplingRateHz / decimation(samplingRateHz);
        Biquad.cascade(Biquad.highPass(LOW_CUT_HZ, fs), Biquad.lowPass(HIGH_CUT_HZ, fs), band);
        return band;
    }

    /** {@link #bandPass(float[], int)} of several leads' block means, two at a time (see {@link Biquad#cascade(Biquad, Biquad, float[], float[])}). */
    static float[][] bandPass(float[][] blocks, int samplingRateHz) {
        double fs = (double) samplingRateHz / decimation(samplingRateHz);
        Biquad high = Biquad.highPass(LOW_CUT_HZ, fs);
        Biquad low = Biquad.lowPass(HIGH_CUT_HZ, fs);
        float[][] bands = new float[blocks.length][];
        for (int i = 0; i < blocks.length; i += 2) {
            bands[i] = blocks[i].clone();
            if (i + 1 < blocks.length) {
                bands[i + 1] = blocks[i + 1].clone();
                Biquad.cascade(high, low, bands[i], bands[i + 1]);
            } else {
                Biquad.cascade(high, low, bands[i]);
            }
        }
        return bands;
    }

    /** The signal as means of blocks of {@link #decimation} samples: the rate all detection works at. */
    static float[] blockMeans(Signal signal, int samplingRateHz) {
        int factor = decimation(samplingRateHz);
        int blocks = signal.length() / factor;
        float[] out = new float[blocks];
        // one strided pass per position in the block: sequential, branch-free loops the JIT vectorises
        for (int j = 0; j < factor; j++) {
            for (int k = 0; k < blocks; k++) {
                out[k] += signal.get(k * factor + j);
            }
        }
        if (factor > 1) {
            float scale = 1f / factor;
            for (int k = 0; k < blocks; k++) {
                out[k] *= scale;
            }
        }
        return out;
    }

    /** Absolute derivative over ±10 ms, averaged over a 150 ms window (a running sum, so O(n) at any rate). */
    static float[] integrate(float[] band, double fs) {
        int n = band.length;
        int d = Math.max(1, (int) Math.round(0.010 * fs));
        int window = Math.max(1, (int) Math.round(INTEGRATION_S * fs));
        float[] slope = new float[n];
        for (int i = d; i < n - d; i++) {
            slope[i] = Math.abs(band[i + d] - band[i - d]);
        }
        float[] out = new float[n];
        double scale = 1.0 / window;
        double sum = 0;
        for (int i = 0; i < Math.min(window, n); i++) {
            sum += slope[i];
            out[i] = (float) (sum * scale);
        }
        for (int i = window; i < n; i++) {
            sum += slope[i] - slope[i - window];
            out[i] = (float) (sum * scale);
        }
        return out;
    }

    /** Local maxima of the integrated signal that no higher value within the refractory period outranks. */
    static int[] candidates(float[] x, int refractory) {
        int n = x.length;
        int[] found = new int[Math.max(16, n / Math.max(1, refractory) + 1)];
        int count = 0;
        int i = 1;
        while (i < n - 1) {
            float v = x[i];
            if (v > x[i - 1] && v >= x[i + 1] && v > 0) {
                boolean highest = true;
                int from = Math.max(0, i - refractory);
                int to = Math.min(n - 1, i + refractory);
                for (int j = from; j <= to && highest; j++) {
                    highest = x[j] < v || (x[j] == v && j >= i);
                }
                if (highest) {
                    found[count++] = i;
                    i += refractory;
                    continue;
                }
            }
            i++;
        }
        return Arrays.copyOf(found, count);
    }

    /** The adaptive-threshold state machine over the candidate peaks. */
    private static final class Thresholds {

        private final Signal raw;
        private final int factor;
        private final float[] band;
        private final float[] integrated;
        private final double fs;
        private final int refractory;
        private final int tWaveWindow;
        private final int integration;

        private double signalLevel;
        /** A slow average of accepted beats: re-learning never sets the signal level below 1/16 of it. */
        private static final double PEAKINESS = 3;
        private double beatLevel;
        private double noiseLevel;
        private double rrMean;
        private final double[] recentRr = new double[8];
        private int rrCount;
        private int lastQrs = -1;
        private double lastSlope;

        private final int[] scratch = new int[32];
        private int[] peaks = new int[64];
        private int count;

        Thresholds(Signal raw, int factor, float[] band, float[] integrated, double fs) {
            this.raw = raw;
            this.factor = factor;
            this.band = band;
            this.integrated = integrated;
            this.fs = fs;
            this.refractory = (int) Math.round(REFRACTORY_S * fs);
            this.tWaveWindow = (int) Math.round(T_WAVE_WINDOW_S * fs);
            this.integration = (int) Math.round(INTEGRATION_S * fs);
            this.rrMean = fs; // 60 bpm until beats say otherwise
        }

        Detections run(int[] candidates) {
            learn(0);
            for (int c = 0; c < candidates.length; c++) {
                int at = candidates[c];
                while (lastQrs >= 0 && at - lastQrs > 1.66 * rrMean && searchBack(candidates, c)) {
                    // each missed beat found narrows the gap; look again behind it
                }
                if (lastQrs >= 0 && at - lastQrs > RELEARN_AFTER_S * fs && at - lastQrs > 2.5 * rrMean) {
                    learn(Math.max(0, at - (int) (LEARNING_S * fs)));
                }
                float value = integrated[at];
                if (value > threshold() && (lastQrs < 0 || at - lastQrs > refractory)) {
                    double slope = maxSlope(at);
                    if (lastQrs >= 0 && at - lastQrs < tWaveWindow && slope < 0.5 * lastSlope) {
                        noiseLevel = 0.125 * value + 0.875 * noiseLevel;
                    } else {
                        accept(at, value, slope, 0.125);
                    }
                } else {
                    noiseLevel = 0.125 * value + 0.875 * noiseLevel;
                }
            }
            return new Detections(Arrays.copyOf(peaks, count));
        }

        private double threshold() {
            return noiseLevel + 0.25 * (signalLevel - noiseLevel);
        }

        /** Levels from the next two seconds: the highest peak as signal, the mean as noise. */
        private void learn(int from) {
            int to = Math.min(integrated.length, from + (int) (LEARNING_S * fs));
            double max = 0;
            double sum = 0;
            for (int i = from; i < to; i++) {
                max = Math.max(max, integrated[i]);
                sum += integrated[i];
            }
            double mean = to > from ? sum / (to - from) : 0;
            if (beatLevel > 0 && max < PEAKINESS * mean) {
                return; // nothing stands out of these two seconds: no beats to learn from, keep the levels
            }
            signalLevel = Math.max(0.5 * max, beatLevel / 16);
            noiseLevel = 0.5 * mean;
        }

        /** The highest candidate since the last beat that passes half the threshold, taken as a missed beat. */
        private boolean searchBack(int[] candidates, int until) {
            double low = 0.5 * threshold();
            int best = -1;
            for (int c = until - 1; c >= 0 && candidates[c] > lastQrs; c--) {
                int at = candidates[c];
                if (at - lastQrs > refractory && integrated[at] > low
                        && (best < 0 || integrated[at] > integrated[candidates[best]])) {
                    best = c;
                }
            }
            if (best < 0) {
                return false;
            }
            int at = candidates[best];
            accept(at, integrated[at], maxSlope(at), 0.25);
            return true;
        }

        private void accept(int at, double value, double slope, double weight) {
            signalLevel = weight * value + (1 - weight) * signalLevel;
            beatLevel = beatLevel == 0 ? value : 0.98 * beatLevel + 0.02 * value;
            if (lastQrs >= 0) {
                double rr = at - lastQrs;
                recentRr[rrCount++ % recentRr.length] = rr;
                int k = Math.min(rrCount, recentRr.length);
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += recentRr[i];
                }
                rrMean = sum / k;
            }
            lastQrs = at;
            lastSlope = slope;
            if (count == peaks.length) {
                peaks = Arrays.copyOf(peaks, count * 2);
            }
            peaks[count] = refine(at);
            count++;
        }

        /** Steepest band-passed slope in the integration window that ends at a candidate. */
        private double maxSlope(int at) {
            double max = 0;
            for (int i = Math.max(1, at - integration); i <= at; i++) {
                max = Math.max(max, Math.abs(band[i] - band[i - 1]));
            }
            return max;
        }

        /** The R peak: largest band-passed excursion in the window, then largest raw deviation near it. */
        private int refine(int at) {
            int from = Math.max(0, at - integration - (int) (0.05 * fs));
            int best = at;
            float max = -1;
            for (int i = from; i <= at; i++) {
                float v = Math.abs(band[i]);
                if (v > max) {
                    max = v;
                    best = i;
                }
            }
            double rawRate = fs * factor;
            int centre = best * factor + factor / 2;
            int half = Math.max(1, (int) Math.round(0.06 * rawRate));
            int lo = Math.max(0, centre - half);
            int hi = Math.min(raw.length() - 1, centre + half);
            long baseline = baseline(centre, rawRate);
            long maxDev = -1;
            int r = centre;
            for (int i = lo; i <= hi; i++) {
                long dev = Math.abs(raw.get(i) - baseline);
                if (dev > maxDev) {
                    maxDev = dev;
                    r = i;
                }
            }
            return r;
        }

        /** The median raw level within ±300 ms, sampled at about 31 points: the isoelectric line near a beat. */
        private long baseline(int at, double rawRate) {
            int span = (int) Math.round(0.3 * rawRate);
            int from = Math.max(0, at - span);
            int to = Math.min(raw.length() - 1, at + span);
            int stride = Math.max(1, (to - from) / 30);
            int k = 0;
            for (int i = from; i <= to && k < scratch.length; i += stride) {
                scratch[k++] = raw.get(i);
            }
            return Select.median(scratch, k);
        }
    }
}
