package adapters.fileformat.text;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte stream, one at a time, in a reused buffer: no {@code String} per line. A line
 * ends at {@code \n}; a {@code \r} before it is dropped.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private int number;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the stream
     * @throws LineTooLongException when a line exceeds the limit (a binary file, most likely)
     */
    public boolean next() throws IOException {
        length = 0;
        boolean started = false;
        while (true) {
            if (position == limit) {
                int read = in.read(buffer);
                if (read < 0) {
                    if (!started) {
                        return false;
                    }
                    break;
                }
                position = 0;
                limit = read;
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private void append(int start, int count) throws LineTooLongException {
        if (length + count > maxLineBytes) {
            throw new LineTooLongException(number + 1);
        }
        if (length + count > line.length) {
            line = java.util.Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    /** The current line's bytes, valid until the next call of {@link #next()}. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return length;
    }

    /** One-based number of the current line. */
    public int number() {
        return number;
    }

    public static final class LineTooLongException extends IOException {
        public final int line;

        LineTooLongException(int line) {
            super("line " + line + " is too long");
            this.line = line;
        }
    }
}
