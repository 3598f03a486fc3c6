package domain.analysis;

import domain.ecg.Signal;

/**
 * Sorts beats into the AAMI classes Sinus can tell apart from timing and shape. A beat's shape is
 * its correlation with each lead's dominant beat (±80 ms of raw signal), averaged over the leads
 * that saw it;
 * it is premature when it comes before 85 % of the running RR interval of regular beats.
 * <ul>
 *   <li>ventricular premature: premature and not quite of the dominant shape (below 0.85);</li>
 *   <li>supraventricular premature: premature with the dominant shape;</li>
 *   <li>unclassified: on time but unlike the dominant beat (below 0.6), which noise causes as often as
 *   an escape beat does, and beats whose window leaves the record;</li>
 *   <li>normal: the rest.</li>
 * </ul>
 */
final class BeatClassifier {

    private static final double OTHER_SHAPE = 0.6;
    private static final double SAME_SHAPE = 0.85;
    private static final double PREMATURE = 0.85;
    private static final int RR_HISTORY = 8;

    private BeatClassifier() {
    }

    /**
     * @param masks       per beat, the leads that saw it (bits by {@code leadIndices})
     * @param leadIndices the lead index of each of {@code signals}
     */
    static BeatType[] classify(Signal[] signals, int[] leadIndices, int[] peaks, int[] masks, int rate) {
        BeatType[] types = new BeatType[peaks.length];
        int half = (int) Math.round(0.08 * rate);
        double[] shape = new double[peaks.length];
        int[] voters = new int[peaks.length];
        for (int k = 0; k < signals.length; k++) {
            Signal signal = signals[k];
            float[] similarity = Morphology.similarity(signal, peaks, Morphology.dominant(signal, peaks, half), half);
            for (int i = 0; i < peaks.length; i++) {
                // a lead whose detector did not see the beat is probably noisy there: its shape says nothing
                if ((masks[i] >>> leadIndices[k] & 1) != 0) {
                    shape[i] += similarity[i];
                    voters[i]++;
                }
            }
        }
        for (int i = 0; i < peaks.length; i++) {
            shape[i] = voters[i] == 0 ? 1 : shape[i] / voters[i];
        }
        int length = signals[0].length();
        double[] history = new double[RR_HISTORY];
        int historyCount = 0;
        for (int i = 0; i < peaks.length; i++) {
            if (peaks[i] - half < 0 || peaks[i] + half >= length) {
                types[i] = BeatType.UNCLASSIFIED;
                continue;
            }
            double rr = i == 0 ? Double.NaN : peaks[i] - peaks[i - 1];
            double expected = median(history, Math.min(historyCount, RR_HISTORY));
            boolean premature = !Double.isNaN(rr) && !Double.isNaN(expected) && rr < PREMATURE * expected;
            if (premature && shape[i] < SAME_SHAPE) {
                types[i] = BeatType.VENTRICULAR_PREMATURE;
            } else if (shape[i] < OTHER_SHAPE) {
                types[i] = BeatType.UNCLASSIFIED; // unlike the dominant beat yet on time: noise as often as an escape beat
            } else if (premature) {
                types[i] = BeatType.SUPRAVENTRICULAR_PREMATURE;
            } else {
                types[i] = BeatType.NORMAL;
            }
            // The running RR follows the regular rhythm: intervals ending in or following an ectopic beat stay out.
            if (!Double.isNaN(rr) && types[i] == BeatType.NORMAL && (i < 2 || types[i - 1] == BeatType.NORMAL)) {
                history[historyCount++ % RR_HISTORY] = rr;
            }
        }
        return types;
    }

    private static double median(double[] values, int count) {
        return Select.median(java.util.Arrays.copyOf(values, count), count); // the history stays in its order
    }
}
