package domain.analysis;

import domain.ecg.Signal;
import java.util.Arrays;

/**
 * Sorts beats into the AAMI classes from shape, width and timing, each judged against the record's
 * own dominant beat and rhythm (no training on other patients, after the features of de Chazal,
 * O'Dwyer and Reilly, IEEE TBME 2004):
 * <ul>
 *   <li><b>shape</b>: the correlation of ±80 ms of raw signal around the complex's centre
 *   ({@link Morphology#centred}) with a template that follows the
 *   lead's dominant beat through the record ({@link Morphology#tracking}), averaged over the leads
 *   that saw the beat;</li>
 *   <li><b>width</b>: the QRS width against the dominant beat's (median over beats of the dominant shape),
 *   averaged over those leads;</li>
 *   <li><b>timing</b>: the RR interval against the recent rhythm.</li>
 * </ul>
 * The rules, in order (paced beats are marked afterwards, by {@link BeatDetector}):
 * <ol>
 *   <li>unclassified: a beat whose window leaves the record;</li>
 *   <li>ventricular: a shape unlike the dominant one (correlation below {@value #SAME_SHAPE}) that is
 *   premature (before {@value #PREMATURE} of the expected RR: the median of the last 8 intervals between
 *   non-ventricular beats) or wide ({@value #WIDE} times the dominant width or more), or any shape that
 *   is wide and clearly foreign (below {@value #FOREIGN}): ectopic ventricular beats, escape beats and
 *   ventricular runs whose intervals are no longer premature. Inside atrial fibrillation (windows that
 *   meet {@link RhythmAnalyzer#fibrillating}) prematurity means nothing, and only width or a clearly
 *   foreign shape makes a beat ventricular;</li>
 *   <li>supraventricular premature: outside atrial fibrillation, a beat of the dominant shape that comes
 *   before {@value #EARLY} of the normal RR (the median of the last 8 intervals between normal beats)
 *   and suddenly (before {@value #PREMATURE} of the interval before it, or right after another such
 *   beat), and is followed by a longer interval or another early beat (sinus rhythm speeds up gradually;
 *   an atrial premature beat resets it);</li>
 *   <li>normal: the rest.</li>
 * </ol>
 * Fusion beats (F) are not told apart: their intermediate shape and width overlap normal beats'.
 */
final class BeatClassifier {

    static final double SAME_SHAPE = 0.85;
    static final double FOREIGN = 0.6;
    static final double WIDE = 1.5;
    static final double PREMATURE = 0.85;
    static final double EARLY = 0.9;
    private static final int RR_HISTORY = 8;
    private static final int AF_WINDOW = 64;

    private BeatClassifier() {
    }

    /**
     * @param masks       per beat, the leads that saw it (bits by {@code leadIndices})
     * @param leadIndices the lead index of each of {@code signals}
     */
    static BeatType[] classify(Signal[] signals, int[] leadIndices, int[] peaks, int[] masks, int rate) {
        Features features = features(signals, leadIndices, peaks, masks, rate);
        return classify(features, signals, peaks, rate);
    }

    /** Per beat, its shape (correlation with the dominant beat) and width (against the dominant beat's). */
    record Features(double[] shape, double[] width) {
    }

    static Features features(Signal[] signals, int[] leadIndices, int[] peaks, int[] masks, int rate) {
        int n = peaks.length;
        int half = (int) Math.round(0.08 * rate);
        double[] shape = new double[n];
        double[] width = new double[n];
        int[] voters = new int[n];
        for (int k = 0; k < signals.length; k++) {
            int[] centres = Morphology.centred(signals[k], peaks, rate);
            float[] similarity = Morphology.tracking(signals[k], centres, half);
            int[] widths = Morphology.widths(signals[k], centres, rate);
            double typical = typicalWidth(widths, similarity);
            for (int i = 0; i < n; i++) {
                // a lead whose detector did not see the beat is probably noisy there: its shape says nothing
                if ((masks[i] >>> leadIndices[k] & 1) != 0) {
                    shape[i] += similarity[i];
                    width[i] += typical > 0 ? widths[i] / typical : 1;
                    voters[i]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            shape[i] = voters[i] == 0 ? 1 : shape[i] / voters[i];
            width[i] = voters[i] == 0 ? 1 : width[i] / voters[i];
        }
        return new Features(shape, width);
    }

    static BeatType[] classify(Features features, Signal[] signals, int[] peaks, int rate) {
        int n = peaks.length;
        int length = signals[0].length();
        int half = (int) Math.round(0.08 * rate);
        BeatType[] types = new BeatType[n];
        double[] shape = features.shape();
        double[] width = features.width();
        // pass 1: ventricular beats, timed against the median of the last 8 intervals between non-ventricular beats
        RunningRr rhythm = new RunningRr();
        for (int i = 0; i < n; i++) {
            double rr = i == 0 ? Double.NaN : peaks[i] - peaks[i - 1];
            boolean premature = rr < PREMATURE * rhythm.expected();
            if (peaks[i] - half < 0 || peaks[i] + half >= length) {
                types[i] = BeatType.UNCLASSIFIED;
            } else if (shape[i] < SAME_SHAPE && (premature || width[i] >= WIDE) || width[i] >= WIDE && shape[i] < FOREIGN) {
                types[i] = BeatType.VENTRICULAR_PREMATURE;
            } else {
                types[i] = BeatType.NORMAL;
            }
            if (types[i] != BeatType.VENTRICULAR_PREMATURE && i > 0 && types[i - 1] != BeatType.VENTRICULAR_PREMATURE) {
                rhythm.add(rr);
            }
        }
        // in atrial fibrillation every interval is "premature" to some other: there only width or a clearly
        // foreign shape makes a beat ventricular
        boolean[] fibrillating = fibrillating(signals, peaks, types, rate);
        for (int i = 0; i < n; i++) {
            if (fibrillating[i] && types[i] == BeatType.VENTRICULAR_PREMATURE && width[i] < WIDE && shape[i] >= FOREIGN) {
                types[i] = BeatType.NORMAL;
            }
        }
        // pass 2: supraventricular premature beats, outside atrial fibrillation, against the normal rhythm
        RunningRr normal = new RunningRr();
        for (int i = 1; i < n - 1; i++) {
            if (types[i] != BeatType.NORMAL || types[i - 1] == BeatType.VENTRICULAR_PREMATURE) {
                continue;
            }
            double rr = peaks[i] - peaks[i - 1];
            double previous = i < 2 ? Double.NaN : peaks[i - 1] - peaks[i - 2];
            double next = peaks[i + 1] - peaks[i];
            boolean run = types[i - 1] == BeatType.SUPRAVENTRICULAR_PREMATURE;
            boolean sudden = run ? rr < EARLY * normal.expected() : rr < PREMATURE * previous;
            boolean reset = next > rr || run || next < EARLY * normal.expected();
            if (!fibrillating[i] && shape[i] >= SAME_SHAPE && rr < EARLY * normal.expected() && sudden && reset) {
                types[i] = BeatType.SUPRAVENTRICULAR_PREMATURE;
            } else if (types[i - 1] == BeatType.NORMAL) {
                normal.add(rr);
            }
        }
        return types;
    }

    /** The median of the last {@value #RR_HISTORY} RR intervals added; NaN before the first. */
    private static final class RunningRr {

        private final double[] history = new double[RR_HISTORY];
        private final double[] scratch = new double[RR_HISTORY];
        private int count;
        private double median = Double.NaN;

        void add(double rr) {
            if (!Double.isNaN(rr)) {
                history[count++ % RR_HISTORY] = rr;
                int k = Math.min(count, RR_HISTORY);
                System.arraycopy(history, 0, scratch, 0, k);
                median = Select.median(scratch, k);
            }
        }

        double expected() {
            return median;
        }
    }

    /** The median width of the beats of the dominant shape (all beats when none is). */
    private static double typicalWidth(int[] widths, float[] similarity) {
        int[] dominant = new int[widths.length];
        int count = 0;
        for (int i = 0; i < widths.length; i++) {
            if (similarity[i] >= SAME_SHAPE && widths[i] > 0) {
                dominant[count++] = widths[i];
            }
        }
        if (count == 0) {
            return widths.length == 0 ? 0 : Select.median(widths.clone(), widths.length);
        }
        return Select.median(dominant, count);
    }

    /**
     * The beats inside windows of {@value #AF_WINDOW} intervals between non-ventricular beats that meet the
     * atrial-fibrillation criteria of {@link RhythmAnalyzer#fibrillating}.
     */
    private static boolean[] fibrillating(Signal[] signals, int[] peaks, BeatType[] types, int rate) {
        boolean[] out = new boolean[peaks.length];
        double[] rr = new double[peaks.length];
        int[] endBeat = new int[peaks.length];
        int intervals = 0;
        for (int i = 1; i < peaks.length; i++) {
            if (types[i] != BeatType.VENTRICULAR_PREMATURE && types[i - 1] != BeatType.VENTRICULAR_PREMATURE) {
                rr[intervals] = peaks[i] - peaks[i - 1];
                endBeat[intervals] = i;
                intervals++;
            }
        }
        for (int from = 0; from + AF_WINDOW <= intervals; from += AF_WINDOW / 2) {
            if (RhythmAnalyzer.fibrillating(rr, from, signals, peaks, endBeat, rate)) {
                for (int i = endBeat[from] - 1; i <= endBeat[from + AF_WINDOW - 1]; i++) {
                    out[i] = true;
                }
            }
        }
        return out;
    }
}
