package usecase.port;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** Reads a file of heart-rate readings (a CSV file): every row, with its time and its value or a gap. */
public interface ReadingSeriesReader {

    /** A row whose value cell was empty. */
    int MISSING = Integer.MIN_VALUE;

    /**
     * @param start the time of second 0 when the file gives seconds since a start instead of timestamps, else null
     * @throws domain.InvalidInputException when the file is not a series of readings; the message names the line
     */
    Rows read(InputStream in, Instant start) throws IOException;

    /**
     * The file's rows in file order.
     *
     * @param epochMillis each row's time
     * @param bpm         each row's value, or {@link #MISSING}; values beyond an int are clamped to just inside its range
     * @param lines       each row's one-based line in the file
     */
    record Rows(long[] epochMillis, int[] bpm, int[] lines, int size) {
    }
}
