package usecase.port;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** The format of the archives that move all data between installations: how one is written and read. */
public interface ArchiveFormat {

    /** An archive being written to a stream. {@link #close()} finishes the stream; {@link #end} completes the archive. */
    interface Output extends ArchiveWriter, AutoCloseable {
        @Override
        void close() throws IOException;
    }

    Output writer(OutputStream target);

    /** A reader of an archive spooled to a file; it reads the file as often as asked. */
    ArchiveReader reader(Path archive);
}
