package domain.analysis;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges each lead over consecutive 2-second windows (512 samples without a sampling rate; a
 * shorter tail joins the last window):
 * <ul>
 *   <li><b>flat</b>: the window's peak-to-peak amplitude is at most 2 units, or under 2 % of the
 *   typical window amplitude across all leads (a dead lead beside live ones);</li>
 *   <li><b>clipped</b>: the window holds a run of 20 ms (at least 3 samples) at the lead's
 *   extreme value, where a saturated amplifier parks the signal;</li>
 *   <li><b>noisy</b> (needs the sampling rate): the 5–15 Hz band of the window has a kurtosis
 *   below 5. QRS complexes make that band peaky (kurtosis well above 5); noise that drowns
 *   them makes it Gaussian-like (about 3).</li>
 * </ul>
 * A lead with half or more of its windows unfit is not used for beat detection, unless every lead is
 * unfit and some only for noise: then the least noisy of those is used (see {@link #bestEffort}).
 */
public final class SignalQualityAnalyzer implements Analyzer {

    static final double WINDOW_S = 2.0;
    private static final int WINDOW_WITHOUT_RATE = 512;
    private static final double MIN_KURTOSIS = 5;
    private static final double UNFIT_SHARE = 0.5;
    private static final double GOOD_SHARE = 0.1;

    @Override
    public SignalQuality analyse(Recording recording, AnalysisReport earlier) {
        Integer rate = recording.samplingRateHz();
        int window = rate == null ? WINDOW_WITHOUT_RATE : Math.max(8, (int) Math.round(WINDOW_S * rate));
        List<Lead> leads = recording.leads();
        int[][][] extremes = new int[leads.size()][][];
        int[][] peakToPeak = new int[leads.size()][];
        for (int i = 0; i < leads.size(); i++) {
            extremes[i] = extremes(leads.get(i).signal(), window);
            peakToPeak[i] = new int[extremes[i][0].length];
            for (int w = 0; w < peakToPeak[i].length; w++) {
                peakToPeak[i][w] = (int) Math.min(Integer.MAX_VALUE, (long) extremes[i][1][w] - extremes[i][0][w]);
            }
        }
        double typical = typicalAmplitude(peakToPeak);
        List<LeadQuality> perLead = new ArrayList<>();
        float[][] blocks = rate == null ? null : leads.stream().map(l -> QrsDetector.blockMeans(l.signal(), rate))
                .toArray(float[][]::new);
        float[][] bands = rate == null ? null : QrsDetector.bandPass(blocks, rate);
        for (int i = 0; i < leads.size(); i++) {
            perLead.add(judge(leads.get(i), extremes[i], peakToPeak[i], typical, window, rate,
                    bands == null ? null : bands[i]));
        }
        return new SignalQuality(bestEffort(perLead), bands, blocks);
    }

    private static LeadQuality judge(Lead lead, int[][] extremes, int[] peakToPeak, double typical, int window,
                                     Integer rate, float[] band) {
        Signal signal = lead.signal();
        int windows = peakToPeak.length;
        boolean[] flat = new boolean[windows];
        for (int w = 0; w < windows; w++) {
            flat[w] = peakToPeak[w] <= Math.max(2, 0.02 * typical);
        }
        boolean[] clipped = clipped(signal, extremes, window, rate == null ? 3 : Math.max(3, (int) Math.round(0.02 * rate)));
        boolean[] noisy = rate == null ? new boolean[windows] : noisy(band, window, windows, rate);
        int flatCount = 0;
        int clippedCount = 0;
        int noisyCount = 0;
        int unfit = 0;
        for (int w = 0; w < windows; w++) {
            noisy[w] &= !flat[w] && !clipped[w];
            flatCount += flat[w] ? 1 : 0;
            clippedCount += clipped[w] ? 1 : 0;
            noisyCount += noisy[w] ? 1 : 0;
            unfit += flat[w] || clipped[w] || noisy[w] ? 1 : 0;
        }
        double flatShare = (double) flatCount / windows;
        double clippedShare = (double) clippedCount / windows;
        double noisyShare = (double) noisyCount / windows;
        LeadQuality.Verdict verdict = LeadQuality.Verdict.GOOD;
        if ((double) unfit / windows >= GOOD_SHARE) {
            verdict = flatShare >= clippedShare && flatShare >= noisyShare ? LeadQuality.Verdict.FLAT
                    : clippedShare >= noisyShare ? LeadQuality.Verdict.CLIPPED : LeadQuality.Verdict.NOISY;
        }
        return new LeadQuality(lead.name(), verdict, Decimals.round(flatShare, 3), Decimals.round(clippedShare, 3),
                Decimals.round(noisyShare, 3),
                (double) unfit / windows < UNFIT_SHARE);
    }

    /**
     * When every lead is unfit and some only for noise, the least noisy of those is used after all:
     * a sustained wide-complex tachycardia makes the QRS band look as un-peaky as noise does, and
     * reporting no beats at all for it would be worse than detecting on the best lead (which the
     * report still calls noisy).
     */
    private static List<LeadQuality> bestEffort(List<LeadQuality> leads) {
        if (leads.stream().anyMatch(LeadQuality::usable)) {
            return leads;
        }
        int best = -1;
        for (int i = 0; i < leads.size(); i++) {
            LeadQuality lead = leads.get(i);
            boolean onlyNoise = lead.flatFraction() + lead.clippedFraction() < UNFIT_SHARE;
            if (onlyNoise && (best < 0 || lead.noisyFraction() < leads.get(best).noisyFraction())) {
                best = i;
            }
        }
        if (best < 0) {
            return leads;
        }
        List<LeadQuality> out = new ArrayList<>(leads);
        LeadQuality chosen = leads.get(best);
        out.set(best, new LeadQuality(chosen.lead(), chosen.verdict(), chosen.flatFraction(), chosen.clippedFraction(),
                chosen.noisyFraction(), true));
        return out;
    }


    /** Whole windows only: a shorter tail joins the last one, so a few samples never make a verdict of their own. */
    private static int windows(int length, int window) {
        return Math.max(1, length / window);
    }

    private static int end(int w, int windows, int window, int length) {
        return w == windows - 1 ? length : Math.min(length, (w + 1) * window);
    }

    /** Per window: its minimum and maximum, in one pass over the samples. */
    private static int[][] extremes(Signal signal, int window) {
        int windows = windows(signal.length(), window);
        int[][] out = new int[2][windows];
        for (int w = 0; w < windows; w++) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = w * window, end = end(w, windows, window, signal.length()); i < end; i++) {
                int v = signal.get(i);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out[0][w] = min;
            out[1][w] = max;
        }
        return out;
    }

    /** The median window amplitude over all leads' windows. */
    private static double typicalAmplitude(int[][] peakToPeak) {
        int total = 0;
        for (int[] lead : peakToPeak) {
            total += lead.length;
        }
        int[] all = new int[total];
        int k = 0;
        for (int[] lead : peakToPeak) {
            System.arraycopy(lead, 0, all, k, lead.length);
            k += lead.length;
        }
        return Select.median(all, all.length);
    }

    /** Only windows that reach the lead's extreme value are scanned for runs at it. */
    private static boolean[] clipped(Signal signal, int[][] extremes, int window, int minRun) {
        int windows = extremes[0].length;
        boolean[] out = new boolean[windows];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int w = 0; w < windows; w++) {
            min = Math.min(min, extremes[0][w]);
            max = Math.max(max, extremes[1][w]);
        }
        if (min == max) {
            return out; // a constant lead is flat, not clipped
        }
        for (int w = 0; w < windows; w++) {
            if (extremes[0][w] != min && extremes[1][w] != max) {
                continue;
            }
            int run = 0;
            int previous = Integer.MIN_VALUE;
            for (int i = w * window, end = end(w, windows, window, signal.length()); i < end && !out[w]; i++) {
                int v = signal.get(i);
                run = (v == min || v == max) && v == previous ? run + 1 : 1;
                previous = v;
                out[w] = run >= minRun;
            }
        }
        return out;
    }

    private static boolean[] noisy(float[] band, int window, int windows, int rate) {
        int factor = QrsDetector.decimation(rate);
        int bandWindow = Math.max(1, window / factor);
        boolean[] out = new boolean[windows];
        for (int w = 0; w < windows; w++) {
            int from = Math.min(band.length, w * bandWindow);
            int end = Math.max(from, end(w, windows, bandWindow, band.length));
            if (end - from < 4) {
                continue;
            }
            double sum = 0;
            for (int i = from; i < end; i++) {
                sum += band[i];
            }
            double mean = sum / (end - from);
            double m2 = 0;
            double m4 = 0;
            for (int i = from; i < end; i++) {
                double d = band[i] - mean;
                double d2 = d * d;
                m2 += d2;
                m4 += d2 * d2;
            }
            m2 /= end - from;
            m4 /= end - from;
            out[w] = m2 > 0 && m4 / (m2 * m2) < MIN_KURTOSIS;
        }
        return out;
    }
}
