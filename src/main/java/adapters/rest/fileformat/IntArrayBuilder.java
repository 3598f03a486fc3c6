package adapters.rest.fileformat;

import java.util.Arrays;

/** A growable {@code int[]}: one lead's samples while a file of unknown length is read, without boxing. */
final class IntArrayBuilder {

    /** The largest array the JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private int[] values;
    private int size;

    IntArrayBuilder(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    /** @return false when the array is full at {@link #MAX_LENGTH} */
    boolean add(int value) {
        if (size == values.length) {
            if (size == MAX_LENGTH) {
                return false;
            }
            values = Arrays.copyOf(values, (int) Math.min(MAX_LENGTH, size + (long) (size >> 1) + 16));
        }
        values[size++] = value;
        return true;
    }

    int size() {
        return size;
    }

    /** The values, trimmed to size; the builder must not be used afterwards. */
    int[] toArray() {
        int[] result = size == values.length ? values : Arrays.copyOf(values, size);
        values = null;
        return result;
    }
}
