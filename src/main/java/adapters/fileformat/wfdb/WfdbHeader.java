package adapters.fileformat.wfdb;

import domain.InvalidInputException;
import domain.ecg.Recording;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import usecase.port.RecordingReader;

/**
 * A parsed WFDB header ({@code .hea}): the record line and one line per signal, as specified in
 * PhysioNet's header(5). Only what Sinus can import is accepted: single-segment records whose
 * signals are stored in formats 16, 61, 80 or 212, one sample per frame, without skew.
 *
 * @param samplingRateHz   the record's sampling frequency, a whole number of Hz
 * @param samplesPerSignal the declared number of samples per signal, or null when the header leaves it open
 * @param start            base date and time of the record (taken as UTC), or null unless the header has both
 */
public record WfdbHeader(String recordName, int samplingRateHz, Long samplesPerSignal, Instant start,
                         List<SignalSpec> signals) {

    /** A header is a few lines; anything far larger is not one, and is refused before it fills the memory. */
    static final long MAX_BYTES = 1 << 20;
    static final Set<Integer> SUPPORTED_FORMATS = Set.of(16, 61, 80, 212);

    private static final double DEFAULT_FREQUENCY = 250;
    private static final double DEFAULT_GAIN = 200;
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    /** {@code fs[/counterfreq][(base)]}: only fs matters here. */
    private static final Pattern FREQUENCY =
            Pattern.compile("(" + NUMBER + ")(?:/(" + NUMBER + "))?(?:\\((" + NUMBER + ")\\))?");
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(-?\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile("(" + NUMBER + ")?(?:\\((-?\\d+)\\))?(?:/(.*))?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    public WfdbHeader {
        signals = List.copyOf(signals);
    }

    /**
     * One signal line.
     *
     * @param index      zero-based signal number
     * @param line       the line of the header that describes it
     * @param fileName   the data file as the header names it
     * @param format     storage format (16, 61, 80 or 212)
     * @param byteOffset bytes at the start of the file that precede the samples
     * @param gain       ADC units per physical unit, never 0
     * @param baseline   the ADC value of 0 physical units
     * @param units      physical units as written; empty when the header names none (WFDB's default is mV)
     * @param checksum   16-bit sum of the signal's samples, or null when the header has none
     */
    public record SignalSpec(int index, int line, String fileName, int format, long byteOffset, double gain,
                             int baseline, String units, Integer checksum, String description) {

        /** The units WFDB assumes when a header names none. */
        public String effectiveUnits() {
            return units.isEmpty() ? "mV" : units;
        }
    }

    public static WfdbHeader read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw invalid(String.format(Locale.ROOT, "is %,d bytes, too large for a WFDB header (at most %,d)",
                    size, MAX_BYTES));
        }
        // Descriptions and units may hold UTF-8 (µV); a stray byte must not fail the whole header.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            return parse(reader);
        }
    }

    static WfdbHeader parse(BufferedReader reader) throws IOException {
        Lines lines = new Lines(reader);
        if (!lines.next()) {
            throw invalid("is empty; a WFDB header starts with a record line such as \"100 2 360 650000\"");
        }
        Tokens record = lines.tokens();
        int recordLine = lines.number;
        if (record.size() < 2) {
            throw invalid(recordLine, "the record line needs at least a record name and the number of signals");
        }
        String name = record.get(0);
        if (name.contains("/")) {
            throw invalid(recordLine, "multi-segment records are not supported (" + name + ")");
        }
        int signalCount = integer(record.get(1), recordLine, "number of signals");
        if (signalCount < 1) {
            throw invalid(recordLine, "the record has no signals");
        }
        int rate = record.size() > 2 ? frequency(record.get(2), recordLine) : (int) DEFAULT_FREQUENCY;
        Long samples = null;
        if (record.size() > 3) {
            long declared = longValue(record.get(3), recordLine, "number of samples per signal");
            if (declared < 0) {
                throw invalid(recordLine, "the number of samples per signal is negative");
            }
            samples = declared == 0 ? null : declared; // 0 means "not stated" in WFDB
        }
        LocalTime time = record.size() > 4 ? time(record.get(4), recordLine) : null;
        LocalDate date = record.size() > 5 ? date(record.get(5), recordLine) : null;
        Instant start = time != null && date != null ? LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC) : null;

        List<SignalSpec> signals = new ArrayList<>();
        for (int i = 0; i < signalCount; i++) {
            if (!lines.next()) {
                throw invalid("the record line (line " + recordLine + ") declares " + signalCount
                        + " signals but the header describes " + i);
            }
            signals.add(signal(i, lines.number, lines.tokens()));
        }
        return new WfdbHeader(name, rate, samples, start, signals);
    }

    private static SignalSpec signal(int index, int line, Tokens tokens) {
        if (tokens.size() < 2) {
            throw invalid(line, "a signal line needs at least a file name and a storage format");
        }
        Matcher format = FORMAT.matcher(tokens.get(1));
        if (!format.matches()) {
            throw invalid(line, "storage format \"" + tokens.get(1) + "\" is not understood "
                    + "(expected format[xsamples][:skew][+offset], e.g. 212)");
        }
        int storage = integer(format.group(1), line, "storage format");
        if (!SUPPORTED_FORMATS.contains(storage)) {
            throw invalid(line, "storage format " + storage + " is not supported (supported: 16, 61, 80, 212)");
        }
        if (format.group(2) != null && integer(format.group(2), line, "samples per frame") > 1) {
            throw invalid(line, format.group(2) + " samples per frame is not supported (only 1)");
        }
        if (format.group(3) != null && integer(format.group(3), line, "skew") != 0) {
            throw invalid(line, "skew is not supported (" + format.group(3) + " samples)");
        }
        long offset = format.group(4) == null ? 0 : longValue(format.group(4), line, "byte offset");

        double gain = DEFAULT_GAIN;
        Integer baseline = null;
        String units = "";
        if (tokens.size() > 2) {
            Matcher g = GAIN.matcher(tokens.get(2));
            if (!g.matches()) {
                throw invalid(line, "gain \"" + tokens.get(2) + "\" is not understood "
                        + "(expected gain[(baseline)][/units], e.g. 200(1024)/mV)");
            }
            if (g.group(1) != null) {
                gain = Double.parseDouble(g.group(1));
                if (!Double.isFinite(gain)) {
                    throw invalid(line, "gain \"" + g.group(1) + "\" is out of range");
                }
                if (gain == 0) {
                    gain = DEFAULT_GAIN; // WFDB: a gain of 0 means "uncalibrated", read with the default
                }
            }
            baseline = g.group(2) == null ? null : integer(g.group(2), line, "baseline");
            units = g.group(3) == null ? "" : g.group(3);
        }
        if (tokens.size() > 3) {
            integer(tokens.get(3), line, "ADC resolution");
        }
        int adcZero = tokens.size() > 4 ? integer(tokens.get(4), line, "ADC zero") : 0;
        if (tokens.size() > 5) {
            integer(tokens.get(5), line, "initial value");
        }
        Integer checksum = tokens.size() > 6 ? integer(tokens.get(6), line, "checksum") : null;
        if (tokens.size() > 7) {
            integer(tokens.get(7), line, "block size");
        }
        String description = tokens.rest(8);
        return new SignalSpec(index, line, tokens.get(0), storage, offset, gain,
                baseline != null ? baseline : adcZero, units, checksum, description);
    }

    private static int frequency(String token, int line) {
        Matcher m = FREQUENCY.matcher(token);
        double hz = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
        if (!(hz > 0) || Double.isInfinite(hz)) {
            throw invalid(line, "sampling frequency \"" + token + "\" is not a positive number");
        }
        double whole = Math.rint(hz);
        if (Math.abs(hz - whole) > 1e-6) {
            throw invalid(line, "sampling frequency " + m.group(1) + " Hz is not a whole number of Hz, "
                    + "which Sinus needs");
        }
        if (whole < Recording.MIN_SAMPLING_RATE_HZ || whole > Recording.MAX_SAMPLING_RATE_HZ) {
            throw invalid(line, "sampling frequency " + m.group(1) + " Hz is outside the supported "
                    + Recording.MIN_SAMPLING_RATE_HZ + "-" + Recording.MAX_SAMPLING_RATE_HZ + " Hz");
        }
        return (int) whole;
    }

    private static LocalTime time(String token, int line) {
        Matcher m = TIME.matcher(token);
        try {
            if (m.matches()) {
                String fraction = m.group(4) == null ? "0" : (m.group(4) + "00000000").substring(0, 9);
                return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(fraction));
            }
        } catch (DateTimeException e) {
            // falls through to the same message as any other bad time
        }
        throw invalid(line, "base time \"" + token + "\" is not a time of day HH:MM:SS[.sss]");
    }

    private static LocalDate date(String token, int line) {
        Matcher m = DATE.matcher(token);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            // falls through to the same message as any other bad date
        }
        throw invalid(line, "base date \"" + token + "\" is not a date DD/MM/YYYY");
    }

    private static int integer(String token, int line, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw invalid(line, what + " \"" + token + "\" is not an integer");
        }
    }

    private static long longValue(String token, int line, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw invalid(line, what + " \"" + token + "\" is not an integer");
        }
    }

    static InvalidInputException invalid(int line, String message) {
        return invalid("line " + line + ": " + message);
    }

    static InvalidInputException invalid(String message) {
        return InvalidInputException.of(RecordingReader.MAIN_FILE, message);
    }

    /** The header's lines without comments and blank lines, with their numbers in the file. */
    private static final class Lines {
        private final BufferedReader reader;
        private String current;
        private int number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        boolean next() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    current = trimmed;
                    return true;
                }
            }
            return false;
        }

        Tokens tokens() {
            return new Tokens(current);
        }
    }

    /** Whitespace-separated fields of a line, remembering where each starts so the free-text rest can be kept. */
    private static final class Tokens {
        private static final Pattern FIELD_PATTERN = Pattern.compile("\\S+");
        private final String line;
        private final List<String> values = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        Tokens(String line) {
            this.line = line;
            Matcher m = FIELD_PATTERN.matcher(line);
            while (m.find()) {
                values.add(m.group());
                starts.add(m.start());
            }
        }

        int size() {
            return values.size();
        }

        String get(int i) {
            return values.get(i);
        }

        /** Everything from field {@code i} to the end of the line, spaces included; empty when there is none. */
        String rest(int i) {
            return i < values.size() ? line.substring(starts.get(i)).strip() : "";
        }
    }
}
