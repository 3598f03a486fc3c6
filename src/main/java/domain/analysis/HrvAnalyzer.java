package domain.analysis;

import domain.ecg.Recording;
import java.util.Arrays;

/**
 * Heart-rate variability (see {@link HeartRateVariability}). NN intervals are the RR intervals
 * between two normal beats, between 0.3 and 2 s, and within 20 % of the previous NN interval, so
 * intervals next to ectopic-looking beats stay out. The spectrum is a Welch periodogram of the NN
 * series resampled at 4 Hz (cubic spline; Hann windows of up to 256 s, half overlapping,
 * each detrended), integrated over the LF and HF bands.
 */
public final class HrvAnalyzer implements Analyzer {

    static final double MIN_SPECTRUM_S = 120;
    private static final double RESAMPLE_HZ = 4;
    private static final int MAX_SEGMENT = 1024;
    private static final double LF_LOW = 0.04;
    private static final double LF_HIGH = 0.15;
    private static final double HF_HIGH = 0.40;

    @Override
    public HeartRateVariability analyse(Recording recording, AnalysisReport earlier) {
        Beats beats = Analyses.beats(earlier);
        if (!beats.available()) {
            return HeartRateVariability.unavailable(beats.unavailableReason());
        }
        int count = beats.count();
        double[] nnTimes = new double[Math.max(0, count - 1)];
        double[] nn = new double[Math.max(0, count - 1)];
        boolean[] followsNn = new boolean[nn.length];
        int n = 0;
        double previous = Double.NaN;
        boolean previousKept = false;
        for (int i = 1; i < count; i++) {
            double rr = beats.rrSeconds(i) * 1000;
            boolean normal = beats.type(i) == BeatType.NORMAL && beats.type(i - 1) == BeatType.NORMAL;
            boolean plausible = rr >= 300 && rr <= 2000 && (Double.isNaN(previous) || Math.abs(rr - previous) <= 0.2 * previous);
            if (normal && plausible) {
                nnTimes[n] = beats.timeSeconds(i);
                nn[n] = rr;
                followsNn[n] = previousKept;
                n++;
                previous = rr;
                previousKept = true;
            } else {
                previousKept = false;
                if (normal && rr >= 300 && rr <= 2000) {
                    previous = rr; // a step change in rate: follow it rather than reject every interval after it
                }
            }
        }
        if (n < 3) {
            return HeartRateVariability.unavailable("fewer than 3 normal-to-normal intervals");
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += nn[i];
        }
        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += (nn[i] - mean) * (nn[i] - mean);
        }
        double sdnn = Math.sqrt(variance / (n - 1));
        double squares = 0;
        int pairs = 0;
        int over50 = 0;
        for (int i = 1; i < n; i++) {
            if (followsNn[i]) {
                double d = nn[i] - nn[i - 1];
                squares += d * d;
                over50 += Math.abs(d) > 50 ? 1 : 0;
                pairs++;
            }
        }
        Double rmssd = pairs == 0 ? null : Decimals.round(Math.sqrt(squares / pairs), 2);
        Double pnn50 = pairs == 0 ? null : Decimals.round(100.0 * over50 / pairs, 2);
        double duration = (double) recording.leads().get(0).numberOfSamples() / beats.samplingRateHz();
        if (duration < MIN_SPECTRUM_S || nnTimes[n - 1] - nnTimes[0] < MIN_SPECTRUM_S * 0.8) {
            return new HeartRateVariability(n, Decimals.round(mean, 2), Decimals.round(sdnn, 2), rmssd, pnn50,
                    null, null, null, null,
                    "the frequency domain needs at least 2 minutes of normal beats");
        }
        double[] bands = bandPowers(Arrays.copyOf(nnTimes, n), Arrays.copyOf(nn, n));
        return new HeartRateVariability(n, Decimals.round(mean, 2), Decimals.round(sdnn, 2), rmssd, pnn50,
                Decimals.round(bands[0], 2), Decimals.round(bands[1], 2),
                bands[1] > 0 ? Decimals.round(bands[0] / bands[1], 2) : null, null, null);
    }

    /** LF and HF power in ms². */
    static double[] bandPowers(double[] times, double[] nn) {
        int samples = (int) Math.floor((times[times.length - 1] - times[0]) * RESAMPLE_HZ) + 1;
        double[] even = spline(times, nn, samples);
        int segment = Integer.highestOneBit(Math.min(MAX_SEGMENT, samples));
        int step = segment / 2;
        double[] psd = new double[segment / 2 + 1];
        double[] window = new double[segment];
        double windowPower = 0;
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (segment - 1));
            windowPower += window[i] * window[i];
        }
        int segments = 0;
        double[] re = new double[segment];
        double[] im = new double[segment];
        for (int start = 0; start + segment <= samples; start += step) {
            detrend(even, start, segment, re);
            for (int i = 0; i < segment; i++) {
                re[i] *= window[i];
                im[i] = 0;
            }
            Fft.transform(re, im);
            for (int k = 0; k < psd.length; k++) {
                double power = (re[k] * re[k] + im[k] * im[k]) / (RESAMPLE_HZ * windowPower);
                psd[k] += (k == 0 || k == segment / 2) ? power : 2 * power;
            }
            segments++;
        }
        double df = RESAMPLE_HZ / segment;
        double lf = 0;
        double hf = 0;
        for (int k = 0; k < psd.length; k++) {
            double f = k * df;
            double p = psd[k] / segments * df;
            if (f >= LF_LOW && f < LF_HIGH) {
                lf += p;
            } else if (f >= LF_HIGH && f < HF_HIGH) {
                hf += p;
            }
        }
        return new double[] {lf, hf};
    }

    /**
     * The NN series at 4 Hz through a natural cubic spline; linear interpolation would take about a
     * fifth of the power of 0.25 Hz breathing at 75 bpm.
     */
    private static double[] spline(double[] t, double[] y, int samples) {
        int n = t.length;
        double[] second = new double[n];
        double[] u = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double sig = (t[i] - t[i - 1]) / (t[i + 1] - t[i - 1]);
            double p = sig * second[i - 1] + 2;
            second[i] = (sig - 1) / p;
            u[i] = (y[i + 1] - y[i]) / (t[i + 1] - t[i]) - (y[i] - y[i - 1]) / (t[i] - t[i - 1]);
            u[i] = (6 * u[i] / (t[i + 1] - t[i - 1]) - sig * u[i - 1]) / p;
        }
        second[n - 1] = 0;
        for (int k = n - 2; k >= 0; k--) {
            second[k] = second[k] * second[k + 1] + u[k];
        }
        double[] out = new double[samples];
        int j = 0;
        for (int i = 0; i < samples; i++) {
            double x = t[0] + i / RESAMPLE_HZ;
            while (j < n - 2 && t[j + 1] < x) {
                j++;
            }
            double h = t[j + 1] - t[j];
            double a = (t[j + 1] - x) / h;
            double b = (x - t[j]) / h;
            out[i] = a * y[j] + b * y[j + 1] + ((a * a * a - a) * second[j] + (b * b * b - b) * second[j + 1]) * h * h / 6;
        }
        return out;
    }

    /** Copies {@code length} values from {@code start} into {@code out} with their least-squares line removed. */
    private static void detrend(double[] x, int start, int length, double[] out) {
        double meanI = (length - 1) / 2.0;
        double meanX = 0;
        for (int i = 0; i < length; i++) {
            meanX += x[start + i];
        }
        meanX /= length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < length; i++) {
            sxy += (i - meanI) * (x[start + i] - meanX);
            sxx += (i - meanI) * (i - meanI);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        for (int i = 0; i < length; i++) {
            out[i] = x[start + i] - meanX - slope * (i - meanI);
        }
    }
}
