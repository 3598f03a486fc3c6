package domain.analysis;

/**
 * A second-order Butterworth section designed by the bilinear transform, so the detector's band
 * is the same in hertz at any sampling rate.
 */
final class Biquad {

    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    static Biquad lowPass(double cutoffHz, double samplingRateHz) {
        double k = Math.tan(Math.PI * Math.min(cutoffHz, 0.45 * samplingRateHz) / samplingRateHz);
        double q = Math.sqrt(0.5);
        double k2 = k * k;
        return new Biquad(k2, 2 * k2, k2, 1 + k / q + k2, 2 * (k2 - 1), 1 - k / q + k2);
    }

    static Biquad highPass(double cutoffHz, double samplingRateHz) {
        double k = Math.tan(Math.PI * cutoffHz / samplingRateHz);
        double q = Math.sqrt(0.5);
        double k2 = k * k;
        return new Biquad(1, -2, 1, 1 + k / q + k2, 2 * (k2 - 1), 1 - k / q + k2);
    }

    /**
     * Runs {@code first} then {@code second} over {@code x} in place, in one loop: the two recursions
     * overlap in the processor instead of running one after the other.
     */
    static void cascade(Biquad first, Biquad second, float[] x) {
        double fb0 = first.b0, fb1 = first.b1, fb2 = first.b2, fa1 = first.a1, fa2 = first.a2;
        double sb0 = second.b0, sb1 = second.b1, sb2 = second.b2, sa1 = second.a1, sa2 = second.a2;
        double x1 = x.length > 0 ? x[0] : 0;
        double x2 = x1;
        double y1 = first.b0 + first.b1 + first.b2 == 0 ? 0 : x1;
        double y2 = y1;
        double z1 = second.b0 + second.b1 + second.b2 == 0 ? 0 : y1;
        double z2 = z1;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double y = fb0 * in + fb1 * x1 + fb2 * x2 - fa1 * y1 - fa2 * y2;
            double z = sb0 * y + sb1 * y1 + sb2 * y2 - sa1 * z1 - sa2 * z2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = y;
            z2 = z1;
            z1 = z;
            x[i] = (float) z;
        }
    }

    /**
     * {@link #cascade(Biquad, Biquad, float[])} over two signals of the same length at once: each
     * recursion waits on its own last outputs, so two independent ones fill the processor's pipeline
     * in about the time of one.
     */
    static void cascade(Biquad first, Biquad second, float[] a, float[] b) {
        if (a.length != b.length) {
            cascade(first, second, a);
            cascade(first, second, b);
            return;
        }
        double fb0 = first.b0, fb1 = first.b1, fb2 = first.b2, fa1 = first.a1, fa2 = first.a2;
        double sb0 = second.b0, sb1 = second.b1, sb2 = second.b2, sa1 = second.a1, sa2 = second.a2;
        boolean firstPassesDc = first.b0 + first.b1 + first.b2 != 0;
        boolean secondPassesDc = second.b0 + second.b1 + second.b2 != 0;
        double ax1 = a.length > 0 ? a[0] : 0;
        double ax2 = ax1;
        double ay1 = firstPassesDc ? ax1 : 0;
        double ay2 = ay1;
        double az1 = secondPassesDc ? ay1 : 0;
        double az2 = az1;
        double bx1 = b.length > 0 ? b[0] : 0;
        double bx2 = bx1;
        double by1 = firstPassesDc ? bx1 : 0;
        double by2 = by1;
        double bz1 = secondPassesDc ? by1 : 0;
        double bz2 = bz1;
        for (int i = 0; i < a.length; i++) {
            double ain = a[i];
            double bin = b[i];
            double ay = fb0 * ain + fb1 * ax1 + fb2 * ax2 - fa1 * ay1 - fa2 * ay2;
            double by = fb0 * bin + fb1 * bx1 + fb2 * bx2 - fa1 * by1 - fa2 * by2;
            double az = sb0 * ay + sb1 * ay1 + sb2 * ay2 - sa1 * az1 - sa2 * az2;
            double bz = sb0 * by + sb1 * by1 + sb2 * by2 - sa1 * bz1 - sa2 * bz2;
            ax2 = ax1;
            ax1 = ain;
            ay2 = ay1;
            ay1 = ay;
            az2 = az1;
            az1 = az;
            bx2 = bx1;
            bx1 = bin;
            by2 = by1;
            by1 = by;
            bz2 = bz1;
            bz1 = bz;
            a[i] = (float) az;
            b[i] = (float) bz;
        }
    }
}
