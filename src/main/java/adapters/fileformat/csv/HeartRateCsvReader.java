package adapters.fileformat.csv;

import adapters.fileformat.text.LineReader;
import domain.InvalidInputException;
import domain.heartrate.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import usecase.port.ReadingSeriesReader;

/**
 * A CSV file of heart-rate readings: a header naming a time column and a value column, then one row per
 * reading. The time is either {@code timestamp} (ISO-8601 with an offset, or Unix seconds) or {@code seconds}
 * since a start the client gives; the value is {@code bpm}, an integer, or empty for a missing value. Other
 * columns are ignored; blank lines are skipped. The whole file is read and checked before anything is stored,
 * and the first line that is not a reading is reported with its number.
 */
public final class HeartRateCsvReader implements ReadingSeriesReader {

    private static final int MAX_LINE_BYTES = 4096;

    @Override
    public Rows read(InputStream in, Instant start) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        try {
            Header header = null;
            Growing rows = new Growing();
            while (lines.next()) {
                String line = new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8);
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = Header.of(strip(line), lines.number(), start);
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length <= Math.max(header.time, header.bpm)) {
                    throw problem(lines.number(), "has " + cells.length + " cells; the header names "
                            + (Math.max(header.time, header.bpm) + 1) + " or more");
                }
                long millis = header.time(cells[header.time].trim(), lines.number());
                rows.add(millis, bpm(cells[header.bpm].trim(), lines.number()), lines.number());
            }
            if (header == null) {
                throw InvalidInputException.of("file", "is empty: expected a header such as timestamp,bpm and rows");
            }
            return rows.done();
        } catch (LineReader.LineTooLongException e) {
            throw problem(e.line, "is longer than " + MAX_LINE_BYTES + " bytes: not a CSV file of readings");
        }
    }

    private static int bpm(String cell, int line) {
        if (cell.isEmpty()) {
            return MISSING;
        }
        try {
            long value = Long.parseLong(cell);
            return (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            throw problem(line, "bpm '" + shown(cell) + "' is not a whole number");
        }
    }

    /** A byte-order mark before the header is not part of its first name. */
    private static String strip(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static InvalidInputException problem(int line, String message) {
        return InvalidInputException.of("file", "line " + line + " " + message);
    }

    private static String shown(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "…" : cell;
    }

    /** Where the columns are and what the time column means. */
    private record Header(int time, int bpm, boolean elapsed, Instant start) {

        static Header of(String line, int number, Instant start) {
            String[] names = line.toLowerCase(Locale.ROOT).split(",", -1);
            int time = -1;
            int bpm = -1;
            boolean elapsed = false;
            for (int i = 0; i < names.length; i++) {
                String name = names[i].trim().replace("\"", "");
                if ((name.equals("timestamp") || name.equals("seconds")) && time < 0) {
                    time = i;
                    elapsed = name.equals("seconds");
                } else if (name.equals("bpm") && bpm < 0) {
                    bpm = i;
                }
            }
            if (time < 0 || bpm < 0) {
                throw problem(number, "is not a header naming a timestamp (or seconds) column and a bpm column, "
                        + "such as timestamp,bpm");
            }
            if (elapsed && start == null) {
                throw InvalidInputException.of("start", "is required for a file of seconds,bpm: the time of second 0 "
                        + "(ISO-8601 with an offset, or Unix seconds)");
            }
            return new Header(time, bpm, elapsed, start);
        }

        long time(String cell, int line) {
            if (cell.isEmpty()) {
                throw problem(line, "has no " + (elapsed ? "seconds" : "timestamp") + " value");
            }
            if (elapsed) {
                double seconds = Timestamps.plainNumber(cell);
                if (!(seconds >= 0) || seconds > 1e10) {
                    throw problem(line, "seconds '" + shown(cell) + "' is not a number of seconds, 0 or more");
                }
                return start.toEpochMilli() + Math.round(seconds * 1000);
            }
            Instant instant = Timestamps.parse(cell);
            if (instant == null) {
                throw problem(line, "timestamp '" + shown(cell) + "' is not " + Timestamps.EXPECTED);
            }
            return instant.toEpochMilli();
        }
    }

    private static final class Growing {
        private long[] millis = new long[1024];
        private int[] bpm = new int[1024];
        private int[] lines = new int[1024];
        private int size;

        void add(long time, int value, int line) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                bpm = Arrays.copyOf(bpm, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            millis[size] = time;
            bpm[size] = value;
            lines[size] = line;
            size++;
        }

        Rows done() {
            return new Rows(millis, bpm, lines, size);
        }
    }
}
