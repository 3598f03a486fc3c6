package adapters.persistence;

import domain.ecg.Signal;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Stores samples as zig-zag varints of the difference to the previous sample. ECG samples change
 * little from one to the next, so most take 1–2 bytes instead of 4, with no loss.
 *
 * <p>Two layouts, told apart by {@code ecg_leads.samples_encoding}:
 * <ul>
 *   <li>{@value #DELTA_VARINT}: one run of deltas from sample 0 (leads stored before seek points existed,
 *       and the beat arrays of an analysis). Reading sample k means decoding samples 0 to k.</li>
 *   <li>{@value #BLOCKED_DELTA_VARINT}: the lead cut into blocks of {@value #BLOCK} samples, each block's
 *       deltas starting again from 0, behind a table of where each block starts (one 4-byte big-endian
 *       offset from the start of the value per block). A window of the lead is read and decoded from the
 *       block that holds its first sample, so a few seconds in the middle of a 24-hour lead cost a few
 *       blocks whatever the lead's length. The table adds 4 bytes per block, about 0.1 %.</li>
 * </ul>
 */
final class SignalCodec {

    /** The value stored in {@code ecg_leads.samples_encoding} for one run of deltas. */
    static final short DELTA_VARINT = 1;
    /** The value stored in {@code ecg_leads.samples_encoding} for blocks behind a table of offsets. */
    static final short BLOCKED_DELTA_VARINT = 2;
    /** Samples per block of {@link #BLOCKED_DELTA_VARINT} (fixed by the encoding: another size is another encoding). */
    static final int BLOCK = 4096;

    private SignalCodec() {
    }

    static byte[] encode(int[] samples) {
        return encode(samples.length, i -> samples[i]);
    }

    static byte[] encode(Signal signal) {
        return encode(signal.length(), signal::get);
    }

    private static byte[] encode(int count, IntUnaryOperator samples) {
        Output out = new Output(count, 0);
        out.deltas(samples, 0, count);
        return out.bytes();
    }

    /** The {@link #BLOCKED_DELTA_VARINT} layout of the signal. */
    static byte[] encodeBlocked(Signal signal) {
        int count = signal.length();
        int blocks = blocks(count);
        Output out = new Output(count, 4 * blocks);
        for (int block = 0; block < blocks; block++) {
            out.putInt(4 * block, out.position());
            out.deltas(signal::get, block * BLOCK, Math.min(count, (block + 1) * BLOCK));
        }
        return out.bytes();
    }

    static int blocks(int count) {
        return (count + BLOCK - 1) / BLOCK;
    }

    static int[] decode(short encoding, byte[] bytes, int count) {
        return switch (encoding) {
            case DELTA_VARINT -> decode(bytes, count);
            case BLOCKED_DELTA_VARINT -> decodeBlocks(bytes, 4 * blocks(count), 0, 0, count);
            default -> throw new IllegalStateException("unknown samples encoding " + encoding);
        };
    }

    static int[] decode(byte[] bytes, int count) {
        int[] samples = new int[count];
        decodeDeltas(bytes, 0, samples, 0, 0, count);
        return samples;
    }

    /**
     * Samples {@code from} (inclusive) to {@code to} (exclusive) out of consecutive whole blocks of the
     * {@link #BLOCKED_DELTA_VARINT} layout.
     *
     * @param data        the bytes of those blocks, from the start of block {@code firstBlock} on
     * @param dataStart   where in {@code data} the first block starts
     * @param firstBlock  the block that holds sample {@code from}
     */
    static int[] decodeBlocks(byte[] data, int dataStart, int firstBlock, int from, int to) {
        int[] window = new int[to - from];
        int pos = dataStart;
        int sample = firstBlock * BLOCK;
        int filled = 0;
        while (sample < to) {
            int blockEnd = sample + BLOCK;
            int skip = Math.max(0, from - sample); // samples of the first block before the window
            int take = Math.min(blockEnd, to) - sample - skip;
            pos = decodeDeltas(data, pos, window, filled, skip, take);
            filled += take;
            sample = blockEnd;
        }
        return window;
    }

    /** Decodes {@code skip + count} deltas from {@code pos}, keeping the last {@code count}; returns the position after them. */
    private static int decodeDeltas(byte[] bytes, int pos, int[] into, int at, int skip, int count) {
        int previous = 0;
        for (int i = 0, n = skip + count; i < n; i++) {
            int zigzag = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= bytes.length) {
                    throw new IllegalStateException("stored signal is shorter than its samples");
                }
                b = bytes[pos++];
                zigzag |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            previous += (zigzag >>> 1) ^ -(zigzag & 1);
            if (i >= skip) {
                into[at + i - skip] = previous;
            }
        }
        return pos;
    }

    static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }

    /**
     * A growing buffer that starts at two bytes per sample (what ECGs take) and grows by half when a signal
     * needs more, so a long lead costs about its encoded size, not five bytes per sample.
     */
    private static final class Output {
        private byte[] out;
        private int pos;

        Output(int count, int header) {
            out = new byte[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, header + 2L * count))];
            pos = header;
        }

        int position() {
            return pos;
        }

        void putInt(int at, int value) {
            out[at] = (byte) (value >>> 24);
            out[at + 1] = (byte) (value >>> 16);
            out[at + 2] = (byte) (value >>> 8);
            out[at + 3] = (byte) value;
        }

        /** Samples {@code from} to {@code to}, each as the delta to the one before, starting again from 0. */
        void deltas(IntUnaryOperator samples, int from, int to) {
            int previous = 0;
            for (int i = from; i < to; i++) {
                int sample = samples.applyAsInt(i);
                int delta = sample - previous; // wraps around for extreme jumps; decode wraps back identically
                previous = sample;
                int zigzag = (delta << 1) ^ (delta >> 31);
                if (pos + 5 > out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8, out.length + (long) (out.length >> 1) + 5));
                }
                while ((zigzag & ~0x7F) != 0) {
                    out[pos++] = (byte) ((zigzag & 0x7F) | 0x80);
                    zigzag >>>= 7;
                }
                out[pos++] = (byte) zigzag;
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(out, pos);
        }
    }
}
