package domain.ecg;

import java.util.Arrays;

/**
 * The samples of one lead as integers (microvolts when imported from a file; the analysis does not
 * depend on the unit), immutable. Backed by a primitive array so that a
 * 30-minute Holter lead costs 4 bytes per sample, not an object per sample.
 */
public final class Signal {

    private final int[] samples;

    private Signal(int[] samples) {
        this.samples = samples;
    }

    /** Copies {@code samples}, so later changes to the caller's array do not leak in. */
    public static Signal of(int... samples) {
        return new Signal(samples.clone());
    }

    /** Takes ownership of {@code samples} without copying; the caller must not touch the array afterwards. */
    public static Signal wrap(int[] samples) {
        return new Signal(samples);
    }

    public int length() {
        return samples.length;
    }

    public int get(int index) {
        return samples[index];
    }

    public int[] toArray() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signal other && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Signal[" + samples.length + " samples]";
    }
}
