package domain.analysis;

import domain.ecg.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds ventricular flutter and fibrillation: stretches where the ECG is no longer a series of QRS
 * complexes but a wave of one frequency. Each lead fit for analysis is band-passed 1–30 Hz at the QRS
 * detector's rate and judged over 4-s windows stepped by 1 s, by two criteria from the VF-detection
 * literature (as evaluated by Amann, Tratnig and Unterkofler, BioMed Eng OnLine 2005):
 * <ul>
 *   <li>the <b>VF filter</b> of Kuo and Dillman (1978): the window's mean half period is estimated from
 *   the ratio of its mean absolute value to its mean absolute slope; the signal added to itself half a
 *   period later cancels almost wholly for a sinusoid-like wave (leakage below {@value #MAX_LEAKAGE}),
 *   and not for narrow QRS complexes separated by flat stretches;</li>
 *   <li>a <b>spectral</b> test after Barro et al. (1989): the amplitude spectrum's peak lies at 2.5–9 Hz
 *   (150–540 waves a minute) with at least {@value #MIN_CONCENTRATION} of the amplitude within 0.7–1.4
 *   times that frequency, whereas the QRS complexes of an organised rhythm spread their energy over
 *   many harmonics of the heart rate.</li>
 * </ul>
 * A window counts when one lead meets both criteria and no lead shows an organised rhythm (every
 * lead's leakage below {@value #MAX_LEAKAGE_ANY_LEAD}: noise on one lead rarely mimics VF while the
 * others still show QRS complexes). Each counting window marks the second at its centre; marks at most
 * {@value #MERGE} s apart form an episode (so each lasts at least 1 s). Nothing is reported for a recording without a sampling rate or below 100 Hz.
 */
public final class VentricularFibrillationAnalyzer implements Analyzer {

    static final double WINDOW_S = 4;
    static final int MERGE = 2;
    static final double STEP_S = 1;
    static final double MAX_LEAKAGE = 0.406;
    static final double MAX_LEAKAGE_ANY_LEAD = 0.7;
    static final double MIN_HZ = 2.5;
    static final double MAX_HZ = 9;
    static final double MIN_CONCENTRATION = 0.3;

    @Override
    public VentricularFibrillation analyse(Recording recording, AnalysisReport earlier) {
        Integer rate = recording.samplingRateHz();
        if (rate == null || rate < BeatDetector.MIN_SAMPLING_RATE_HZ) {
            return VentricularFibrillation.none();
        }
        SignalQuality signalQuality = earlier.find(SignalQuality.class)
                .orElseGet(() -> new SignalQualityAnalyzer().analyse(recording, earlier));
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < recording.leads().size(); i++) {
            if (signalQuality.perLead().get(i).usable()) {
                usable.add(i);
            }
        }
        if (usable.isEmpty()) {
            return VentricularFibrillation.none();
        }
        int factor = QrsDetector.decimation(rate);
        double fs = (double) rate / factor;
        // a lead is filtered when first needed: in an organised rhythm the first lead rules most windows out alone
        float[][] leads = new float[usable.size()][];
        double[][][] sums = new double[usable.size()][][];
        int step = (int) Math.round(STEP_S * fs);
        int window = (int) Math.round(WINDOW_S / STEP_S) * step;
        int length = recording.leads().get(usable.get(0)).numberOfSamples() / factor;
        Spectrum spectrum = new Spectrum(window, fs);
        List<int[]> episodes = new ArrayList<>();
        int[] open = null;
        for (int from = 0; from + window <= length; from += step) {
            boolean oneWave = false;
            boolean noneOrganised = true;
            for (int k = 0; k < leads.length && noneOrganised; k++) {
                if (leads[k] == null) {
                    float[] blocks = signalQuality.blocks(usable.get(k));
                    leads[k] = filtered(blocks != null ? blocks : QrsDetector.blockMeans(
                            recording.leads().get(usable.get(k)).signal(), rate), fs);
                    sums[k] = stepSums(leads[k], step);
                }
                double leakage = leakage(leads[k], sums[k], from, window, step);
                oneWave |= leakage < MAX_LEAKAGE && spectrum.organisedAsOneWave(leads[k], from);
                noneOrganised = leakage < MAX_LEAKAGE_ANY_LEAD;
            }
            boolean vf = oneWave && noneOrganised;
            if (!vf) {
                continue;
            }
            int markFrom = from + (window - step) / 2;
            int markTo = markFrom + step;
            if (open != null && markFrom - open[1] <= MERGE * step) {
                open[1] = markTo;
            } else {
                open = new int[] {markFrom, markTo};
                episodes.add(open);
            }
        }
        int[] starts = new int[episodes.size()];
        int[] ends = new int[episodes.size()];
        for (int e = 0; e < episodes.size(); e++) {
            starts[e] = episodes.get(e)[0] * factor;
            ends[e] = (int) Math.min(recording.leads().get(0).numberOfSamples(), (long) episodes.get(e)[1] * factor);
        }
        return new VentricularFibrillation(rate, starts, ends);
    }

    /** Block means at the QRS detector's rate ({@link QrsDetector#blockMeans}) band-passed 1–30 Hz, in a new array. */
    private static float[] filtered(float[] blocks, double fs) {
        float[] x = blocks.clone();
        Biquad.cascade(Biquad.highPass(1, fs), Biquad.lowPass(30, fs), x);
        return x;
    }

    /** Per step of {@code step} samples, the sums of |x| and of |x[i] - x[i-1]|: a window's mean level and slope from a few. */
    static double[][] stepSums(float[] x, int step) {
        int steps = x.length / step;
        double[] level = new double[steps];
        double[] slope = new double[steps];
        for (int b = 0; b < steps; b++) {
            double l = 0;
            double d = 0;
            for (int i = b * step; i < (b + 1) * step; i++) {
                l += Math.abs(x[i]);
                d += i == 0 ? 0 : Math.abs(x[i] - x[i - 1]);
            }
            level[b] = l;
            slope[b] = d;
        }
        return new double[][] {level, slope};
    }

    /**
     * The VF filter's leakage (Kuo and Dillman 1978) over {@code x[from, from + n)}, {@code from} and {@code n}
     * whole steps of {@link #stepSums}.
     */
    static double leakage(float[] x, double[][] sums, int from, int n, int step) {
        double level = 0;
        double slope = 0;
        for (int b = from / step; b < (from + n) / step; b++) {
            level += sums[0][b];
            slope += sums[1][b];
        }
        if (slope == 0) {
            return 1;
        }
        int half = (int) Math.floor(Math.PI * level / slope + 0.5); // half the mean period, in samples
        if (half < 1 || half >= n) {
            return 1;
        }
        double cancelled = 0;
        double total = 0;
        for (int i = from + half; i < from + n; i++) {
            cancelled += Math.abs(x[i] + x[i - half]);
            total += Math.abs(x[i]) + Math.abs(x[i - half]);
        }
        return total == 0 ? 1 : cancelled / total;
    }

    /** The amplitude spectrum of one window (Hamming, zero-padded to a power of two), reused across windows. */
    private static final class Spectrum {

        private final int window;
        private final double binHz;
        private final double[] taper;
        private final double[] re;
        private final double[] im;

        Spectrum(int window, double fs) {
            this.window = window;
            int size = Integer.highestOneBit(Math.max(2, window - 1)) << 1;
            this.binHz = fs / size;
            this.taper = new double[window];
            for (int i = 0; i < window; i++) {
                taper[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (window - 1));
            }
            this.re = new double[size];
            this.im = new double[size];
        }

        /** The spectral test: a peak at 2.5–9 Hz that holds a good share of the amplitude around it. */
        boolean organisedAsOneWave(float[] x, int from) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            double mean = 0;
            for (int i = 0; i < window; i++) {
                mean += x[from + i];
            }
            mean /= window;
            for (int i = 0; i < window; i++) {
                re[i] = (x[from + i] - mean) * taper[i];
            }
            Fft.transform(re, im);
            int bins = re.length / 2;
            double[] amplitude = re; // reuse: amplitude of bin k in re[k]
            for (int k = 0; k < bins; k++) {
                amplitude[k] = Math.hypot(re[k], im[k]);
            }
            int low = (int) Math.ceil(0.5 / binHz);
            int high = Math.min(bins - 1, (int) Math.floor(MAX_HZ / binHz));
            int peak = low;
            for (int k = low; k <= high; k++) {
                if (amplitude[k] > amplitude[peak]) {
                    peak = k;
                }
            }
            double f = peak * binHz;
            if (f < MIN_HZ) {
                return false;
            }
            int top = Math.min(bins - 1, (int) Math.floor(Math.min(20 * f, 30) / binHz));
            double total = 0;
            double near = 0;
            for (int k = low; k <= top; k++) {
                double hz = k * binHz;
                total += amplitude[k];
                if (hz >= 0.7 * f && hz <= 1.4 * f) {
                    near += amplitude[k];
                }
            }
            return total > 0 && near / total >= MIN_CONCENTRATION;
        }
    }
}
