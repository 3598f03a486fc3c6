package adapters.fileformat.wfdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Unsigned bytes from a stream through a large buffer: cheaper per byte than {@code BufferedInputStream.read()}. */
final class ByteReader implements AutoCloseable {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    ByteReader(InputStream in) {
        this.in = in;
    }

    /** The next byte, 0-255; the caller has checked the length, so running out is an I/O failure. */
    int next() throws IOException {
        if (position == limit) {
            fill();
        }
        return buffer[position++] & 0xFF;
    }

    private void fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read <= 0) {
            throw new EOFException("the file ended early; it changed while it was read");
        }
        position = 0;
        limit = read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
