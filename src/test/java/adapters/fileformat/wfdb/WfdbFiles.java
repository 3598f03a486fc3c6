package adapters.fileformat.wfdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes synthetic WFDB records for tests: the encoders follow signal(5) independently of the reader. */
public final class WfdbFiles {

    /** Limits no test file comes near, for tests of everything but the limits. */
    public static final domain.ecg.RecordingLimits LIMITS = new domain.ecg.RecordingLimits(64, 1 << 26, 1 << 26);

    private WfdbFiles() {
    }

    /** Samples of several signals interleaved frame by frame in one storage format. */
    public static byte[] encode(int format, int[]... signals) {
        int frames = signals[0].length;
        int[] stream = new int[frames * signals.length];
        for (int i = 0; i < frames; i++) {
            for (int s = 0; s < signals.length; s++) {
                stream[i * signals.length + s] = signals[s][i];
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case 16 -> {
                for (int v : stream) {
                    out.write(v & 0xFF);
                    out.write(v >> 8 & 0xFF);
                }
            }
            case 61 -> {
                for (int v : stream) {
                    out.write(v >> 8 & 0xFF);
                    out.write(v & 0xFF);
                }
            }
            case 80 -> {
                for (int v : stream) {
                    out.write(v + 128);
                }
            }
            case 212 -> {
                for (int i = 0; i < stream.length; i += 2) {
                    int a = stream[i] & 0xFFF;
                    out.write(a & 0xFF);
                    if (i + 1 < stream.length) {
                        int b = stream[i + 1] & 0xFFF;
                        out.write((a >> 8) | ((b >> 8) << 4));
                        out.write(b & 0xFF);
                    } else {
                        out.write(a >> 8); // odd count: the last sample takes two bytes
                    }
                }
            }
            default -> throw new IllegalArgumentException("format " + format);
        }
        return out.toByteArray();
    }

    /** WFDB's checksum: the 16-bit sum of a signal's samples, as a signed value. */
    public static int checksum(int[] samples) {
        int sum = 0;
        for (int v : samples) {
            sum += v;
        }
        return (short) sum;
    }

    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The location of the MIT-BIH sample records (system property sinus.test.data, default ../shared/data). */
    public static Path realData() {
        return Path.of(System.getProperty("sinus.test.data", "../shared/data"));
    }
}
