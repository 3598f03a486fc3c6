package adapters.persistence;

/**
 * Stores samples as zig-zag varints of the difference to the previous sample. ECG samples change
 * little from one to the next, so most take 1–2 bytes instead of 4, with no loss.
 */
final class SignalCodec {

    /** The value stored in {@code ecg_leads.samples_encoding} for this format. */
    static final short DELTA_VARINT = 1;

    private SignalCodec() {
    }

    static byte[] encode(int[] samples) {
        return encode(samples.length, i -> samples[i]);
    }

    static byte[] encode(domain.ecg.Signal signal) {
        return encode(signal.length(), signal::get);
    }

    /**
     * The buffer starts at two bytes per sample (what ECGs take) and grows by half when a signal needs
     * more, so a long lead costs about its encoded size, not five bytes per sample.
     */
    private static byte[] encode(int count, java.util.function.IntUnaryOperator samples) {
        byte[] out = new byte[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, 2L * count))];
        int pos = 0;
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int sample = samples.applyAsInt(i);
            int delta = sample - previous; // wraps around for extreme jumps; decode wraps back identically
            previous = sample;
            int zigzag = (delta << 1) ^ (delta >> 31);
            if (pos + 5 > out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8, out.length + (long) (out.length >> 1) + 5));
            }
            while ((zigzag & ~0x7F) != 0) {
                out[pos++] = (byte) ((zigzag & 0x7F) | 0x80);
                zigzag >>>= 7;
            }
            out[pos++] = (byte) zigzag;
        }
        return java.util.Arrays.copyOf(out, pos);
    }

    static int[] decode(byte[] bytes, int count) {
        int[] samples = new int[count];
        int pos = 0;
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int zigzag = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= bytes.length) {
                    throw new IllegalStateException("stored signal is shorter than its " + count + " samples");
                }
                b = bytes[pos++];
                zigzag |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            previous += (zigzag >>> 1) ^ -(zigzag & 1);
            samples[i] = previous;
        }
        return samples;
    }
}
