package adapters.fileformat.wfdb;

import java.io.IOException;

/**
 * The WFDB storage formats Sinus reads (signal(5)). A decoder returns the raw ADC values of a data
 * file in file order, i.e. frame by frame for signals that share the file.
 */
enum WfdbFormat {
    /** 16-bit two's complement, little-endian. */
    F16(16, Short.MIN_VALUE),
    /** 16-bit two's complement, big-endian. */
    F61(61, Short.MIN_VALUE),
    /** 8-bit offset binary: the stored byte minus 128. */
    F80(80, -128),
    /** Pairs of 12-bit two's complement samples packed into 3 bytes. */
    F212(212, -2048);

    private final int code;
    private final int invalidSample;

    WfdbFormat(int code, int invalidSample) {
        this.code = code;
        this.invalidSample = invalidSample;
    }

    static WfdbFormat of(int code) {
        for (WfdbFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new IllegalArgumentException("unsupported storage format " + code);
    }

    int code() {
        return code;
    }

    /** The value WFDB writes for a sample that was not acquired (a lead off, a gap). */
    int invalidSample() {
        return invalidSample;
    }

    /** How many whole samples {@code bytes} bytes hold. */
    long samplesIn(long bytes) {
        return switch (this) {
            case F16, F61 -> bytes / 2;
            case F80 -> bytes;
            // An odd last sample of a 212 file takes two bytes: the low byte and the shared nibble byte.
            case F212 -> bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0);
        };
    }

    Decoder decoder(ByteReader in) {
        return switch (this) {
            case F16 -> () -> (short) (in.next() | in.next() << 8);
            case F61 -> () -> (short) (in.next() << 8 | in.next());
            case F80 -> () -> in.next() - 128;
            case F212 -> new Format212Decoder(in);
        };
    }

    @FunctionalInterface
    interface Decoder {
        int next() throws IOException;
    }

    /**
     * Reads the third byte of a pair only when the second sample is asked for, so that an odd last sample
     * needs two bytes.
     */
    private static final class Format212Decoder implements Decoder {
        private final ByteReader in;
        private boolean secondOfPair;
        private int shared;

        Format212Decoder(ByteReader in) {
            this.in = in;
        }

        @Override
        public int next() throws IOException {
            int value;
            if (secondOfPair) {
                value = in.next() | (shared & 0xF0) << 4;
            } else {
                int low = in.next();
                shared = in.next();
                value = low | (shared & 0x0F) << 8;
            }
            secondOfPair = !secondOfPair;
            return value > 2047 ? value - 4096 : value;
        }
    }
}
