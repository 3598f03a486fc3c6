package domain.analysis;

/** Results are reported to a sensible precision, not to the last bit of a double. */
final class Decimals {

    private static final double[] SCALES = {1, 10, 100, 1000};

    private Decimals() {
    }

    /** {@code value} rounded to {@code decimals} (0–3) places, halves up. */
    static double round(double value, int decimals) {
        return Math.round(value * SCALES[decimals]) / SCALES[decimals];
    }
}
