package domain.analysis;

import domain.ecg.Signal;

/** How much each beat of a lead looks like that lead's typical beat. */
final class Morphology {

    private Morphology() {
    }

    /**
     * The correlation (-1..1) of the raw window ±{@code half} samples around each peak with the mean
     * of the windows of the {@code typical} peaks (all peaks when fewer than 8 are typical).
     */
    static float[] similarity(Signal signal, int[] peaks, boolean[] typical, int half) {
        int width = 2 * half + 1;
        double[] template = new double[width];
        int used = 0;
        for (int pass = 0; pass < 2 && used < 8; pass++) {
            used = 0;
            java.util.Arrays.fill(template, 0);
            for (int i = 0; i < peaks.length; i++) {
                if ((pass == 1 || typical[i]) && peaks[i] - half >= 0 && peaks[i] + half < signal.length()) {
                    double mean = mean(signal, peaks[i] - half, width);
                    for (int j = 0; j < width; j++) {
                        template[j] += signal.get(peaks[i] - half + j) - mean;
                    }
                    used++;
                }
            }
        }
        float[] out = new float[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            int from = peaks[i] - half;
            if (from < 0 || peaks[i] + half >= signal.length() || used == 0) {
                out[i] = 0;
                continue;
            }
            double mean = mean(signal, from, width);
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int j = 0; j < width; j++) {
                double x = signal.get(from + j) - mean;
                xy += x * template[j];
                xx += x * x;
                yy += template[j] * template[j];
            }
            out[i] = xx == 0 || yy == 0 ? 0 : (float) (xy / Math.sqrt(xx * yy));
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

    private static double mean(Signal signal, int from, int width) {
        long sum = 0;
        for (int j = 0; j < width; j++) {
            sum += signal.get(from + j);
        }
        return (double) sum / width;
    }
}
