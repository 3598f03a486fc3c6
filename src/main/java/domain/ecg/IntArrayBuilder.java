package domain.ecg;

import java.util.Arrays;

/**
 * A growable {@code int[]}: one lead's samples while input of unknown length is read, without boxing. It
 * starts small and grows by half, never past its maximum, so memory follows what was actually read,
 * never what a file or a request claims it holds.
 */
public final class IntArrayBuilder {

    private static final int INITIAL_CAPACITY = 1024;

    private final int maxLength;
    private int[] values;
    private int size;

    /** @param maxLength the most values it takes (at most {@link domain.ecg.RecordingLimits#MAX_ARRAY_LENGTH}) */
    public IntArrayBuilder(int maxLength) {
        this.maxLength = maxLength;
        this.values = new int[Math.min(INITIAL_CAPACITY, maxLength)];
    }

    /** @return false, adding nothing, when it already holds its maximum */
    public boolean add(int value) {
        if (size == values.length) {
            if (size >= maxLength) {
                return false;
            }
            values = Arrays.copyOf(values, (int) Math.min(maxLength, size + (long) (size >> 1) + 16));
        }
        values[size++] = value;
        return true;
    }

    public int size() {
        return size;
    }

    /** The values, trimmed to size; the builder must not be used afterwards. */
    public int[] toArray() {
        int[] result = size == values.length ? values : Arrays.copyOf(values, size);
        values = null;
        return result;
    }
}
