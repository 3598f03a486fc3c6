package adapters.fileformat.csv;

import adapters.fileformat.text.DecimalCell;
import adapters.fileformat.text.LeadNames;
import adapters.fileformat.text.LineReader;
import domain.InvalidInputException;
import domain.ecg.IntArrayBuilder;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import domain.ecg.Signal;
import domain.ecg.VoltageUnit;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import usecase.port.ImportedRecording;
import usecase.port.RecordingReader;

/**
 * Reads a recording from CSV, plain or gzip-compressed: a header row of lead names, optionally led by a
 * time column (seconds) or a sample-number column, then one row per sample. The file is parsed as a
 * stream of bytes into one growing {@code int[]} per lead, never held whole in memory.
 */
public final class CsvRecordReader implements RecordingReader {

    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final Set<String> TIME_COLUMNS = Set.of("time", "t", "time_s", "seconds");
    private static final Set<String> SAMPLE_COLUMNS = Set.of("sample", "index");
    /** Time steps may vary this much around their mean: timestamps printed with limited precision jitter. */
    private static final double STEP_TOLERANCE = 0.01;

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public ImportedRecording read(Files files, RecordingLimits limits) throws IOException {
        return read(files.main(), files.samplingRateHz(), files.unit(), limits);
    }

    /**
     * @param samplingRateHz the rate the client states, or null; with a time column, the two must agree
     * @param unit           what the numbers in the lead columns are measured in
     * @param limits         checked while reading: lead columns, rows per lead, samples in all; the arrays
     *                       grow with what the file holds, never with what its size or a gzip trailer claims
     * @throws InvalidInputException when the file cannot be imported; the message gives the line and column
     */
    public static ImportedRecording read(Path csv, Integer samplingRateHz, VoltageUnit unit, RecordingLimits limits)
            throws IOException {
        long size = java.nio.file.Files.size(csv);
        if (size == 0) {
            throw invalid("the file is empty");
        }
        try (InputStream file = new BufferedInputStream(java.nio.file.Files.newInputStream(csv), 1 << 16)) {
            boolean gzip = startsWithGzipMagic(file);
            try {
                InputStream text = gzip ? new GZIPInputStream(file, 1 << 16) : file;
                return parse(new LineReader(text, MAX_LINE_BYTES), samplingRateHz, unit, limits);
            } catch (ZipException | EOFException e) {
                if (gzip) {
                    throw invalid("the gzip data is corrupt or truncated");
                }
                throw e;
            } catch (LineReader.LineTooLongException e) {
                throw invalid("line " + e.line + " is longer than " + MAX_LINE_BYTES / 1024
                        + " KiB; is this really a CSV file?");
            }
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static ImportedRecording parse(LineReader lines, Integer samplingRateHz, VoltageUnit unit,
                                           RecordingLimits limits) throws IOException {
        if (!lines.next()) {
            throw invalid("the file is empty");
        }
        Header header = Header.parse(lines, limits);
        int columns = header.labels.size();
        int leadCount = header.leadNames.size();
        long maxRows = Math.min(limits.maxSamplesPerLead(), limits.maxSamples() / leadCount);
        int firstLead = header.timeKind == ColumnKind.NONE ? 0 : 1;
        boolean timeColumn = header.timeKind == ColumnKind.TIME;
        boolean decimalComma = header.separator != ',';
        int factor = unit.microvoltsPerUnit();

        IntArrayBuilder[] leads = null;
        int[] cellStart = new int[columns + 1];
        int[] cellEnd = new int[columns + 1];
        int firstBlankLine = 0;
        TimeSteps time = new TimeSteps();
        int rows = 0;
        while (lines.next()) {
            byte[] line = lines.bytes();
            int length = lines.length();
            if (isBlank(line, length)) {
                firstBlankLine = firstBlankLine == 0 ? lines.number() : firstBlankLine;
                continue;
            }
            if (firstBlankLine != 0) {
                throw invalid("line " + firstBlankLine + " is empty; only lines at the end of the file may be blank");
            }
            int cells = split(line, length, header.separator, cellStart, cellEnd);
            if (cells != columns) {
                throw invalid("line " + lines.number() + " has " + cells + " column" + (cells == 1 ? "" : "s")
                        + " but the header has " + columns);
            }
            if (leads == null) {
                leads = new IntArrayBuilder[leadCount];
                for (int l = 0; l < leadCount; l++) {
                    leads[l] = new IntArrayBuilder((int) maxRows);
                }
            }
            if (rows >= maxRows) {
                throw invalid(String.format(Locale.ROOT, "the file has more than %,d rows: a lead %s, and a recording "
                        + "%s", maxRows, limits.tooManySamplesPerLead(), limits.tooManySamples()));
            }
            if (timeColumn) {
                double seconds = DecimalCell.value(line, cellStart[0], cellEnd[0], decimalComma);
                if (!Double.isFinite(seconds)) {
                    throw notANumber(lines.number(), header.labels.get(0), line, cellStart[0], cellEnd[0]);
                }
                time.add(seconds, lines.number());
            }
            for (int l = 0; l < leadCount; l++) {
                int c = firstLead + l;
                long microvolts = DecimalCell.microvolts(line, cellStart[c], cellEnd[c], factor, decimalComma);
                if (microvolts == DecimalCell.NOT_A_NUMBER) {
                    throw notANumber(lines.number(), header.labels.get(c), line, cellStart[c], cellEnd[c]);
                }
                if ((int) microvolts != microvolts) {
                    throw invalid(cellPrefix(lines.number(), header.labels.get(c)) + quoted(line, cellStart[c],
                            cellEnd[c]) + " " + unit.symbol() + " is beyond the 32-bit microvolt range Sinus stores");
                }
                leads[l].add((int) microvolts); // room for it: rows stay below maxRows
            }
            rows++;
        }
        if (rows == 0) {
            throw invalid("the file has a header but no data rows");
        }
        Integer rate = samplingRateHz;
        if (timeColumn && rows > 1) {
            int derived = time.samplingRateHz(rows);
            if (samplingRateHz != null && samplingRateHz != derived) {
                throw InvalidInputException.of(SAMPLING_RATE, "is " + samplingRateHz
                        + " Hz but the time column of the CSV gives " + derived + " Hz");
            }
            rate = derived;
        }
        List<Lead> result = new ArrayList<>(leadCount);
        for (int l = 0; l < leadCount; l++) {
            result.add(new Lead(header.leadNames.get(l), Signal.wrap(leads[l].toArray())));
        }
        return new ImportedRecording(new Recording(null, rate, result), List.of());
    }

    private static int split(byte[] line, int length, byte separator, int[] starts, int[] ends) {
        int cells = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || line[i] == separator) {
                if (cells < starts.length) {
                    int s = start;
                    int e = i;
                    while (s < e && (line[s] == ' ' || line[s] == '\t')) {
                        s++;
                    }
                    while (e > s && (line[e - 1] == ' ' || line[e - 1] == '\t')) {
                        e--;
                    }
                    if (e - s >= 2 && line[s] == '"' && line[e - 1] == '"') {
                        s++; // a quoted cell, as spreadsheet programs write them: "1.25"
                        e--;
                    }
                    starts[cells] = s;
                    ends[cells] = e;
                }
                cells++;
                start = i + 1;
            }
        }
        return cells;
    }

    private static boolean isBlank(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException notANumber(int line, String column, byte[] bytes, int start, int end) {
        if (start == end) {
            return invalid(cellPrefix(line, column) + "the cell is empty");
        }
        return invalid(cellPrefix(line, column) + quoted(bytes, start, end) + " is not a number");
    }

    private static String cellPrefix(int line, String column) {
        return "line " + line + ", column " + column + ": ";
    }

    private static String quoted(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, Math.min(end - start, 40), StandardCharsets.UTF_8);
        return "\"" + text + (end - start > 40 ? "..." : "") + "\"";
    }

    static InvalidInputException invalid(String message) {
        return InvalidInputException.of(MAIN_FILE, message);
    }

    private enum ColumnKind { NONE, TIME, SAMPLE }

    /** The first row: separator, what the first column is, and the leads' names. */
    private record Header(byte separator, ColumnKind timeKind, List<String> labels, List<String> leadNames) {

        static Header parse(LineReader lines, RecordingLimits limits) {
            String text = new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // the byte order mark spreadsheet programs write
            }
            if (text.isBlank()) {
                throw invalid("line 1 is empty; the first line must name the columns, e.g. time,I,II,V1");
            }
            byte separator = separator(text);
            List<String> labels = new ArrayList<>();
            for (String cell : text.split(java.util.regex.Pattern.quote(String.valueOf((char) separator)), -1)) {
                String label = cell.strip();
                if (label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")) {
                    label = label.substring(1, label.length() - 1).strip();
                }
                labels.add(label);
            }
            String first = labels.get(0).toLowerCase(Locale.ROOT);
            ColumnKind kind = TIME_COLUMNS.contains(first) ? ColumnKind.TIME
                    : SAMPLE_COLUMNS.contains(first) ? ColumnKind.SAMPLE : ColumnKind.NONE;
            int firstLead = kind == ColumnKind.NONE ? 0 : 1;
            if (labels.size() <= firstLead) {
                throw invalid("the header names no lead columns, only \"" + labels.get(0) + "\"");
            }
            if (labels.size() - firstLead > limits.maxLeads()) {
                throw invalid("the header names " + (labels.size() - firstLead) + " lead columns; a recording "
                        + limits.tooManyLeads());
            }
            if (labels.stream().allMatch(Header::isNumber)) {
                throw invalid("line 1 holds numbers, not column names; the first line must name the columns, "
                        + "e.g. time,I,II,V1");
            }
            LeadNames names = new LeadNames();
            List<String> leadNames = new ArrayList<>();
            for (int c = firstLead; c < labels.size(); c++) {
                leadNames.add(names.next(labels.get(c), c - firstLead));
                if (labels.get(c).isEmpty()) {
                    labels.set(c, String.valueOf(c + 1)); // for messages: "column 3"
                }
            }
            return new Header(separator, kind, labels, leadNames);
        }

        private static boolean isNumber(String label) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            return !label.isEmpty() && !Double.isNaN(DecimalCell.value(bytes, 0, bytes.length, false));
        }

        /** Comma, unless the header is separated by semicolons or tabs instead. */
        private static byte separator(String header) {
            long commas = header.chars().filter(c -> c == ',').count();
            long semicolons = header.chars().filter(c -> c == ';').count();
            long tabs = header.chars().filter(c -> c == '\t').count();
            if (semicolons > commas && semicolons >= tabs) {
                return ';';
            }
            return tabs > commas && tabs > semicolons ? (byte) '\t' : (byte) ',';
        }
    }

    /** The time column, checked as it streams by: it must increase, in steps that agree within the tolerance. */
    private static final class TimeSteps {
        private double first;
        private double previous;
        private double smallestStep = Double.POSITIVE_INFINITY;
        private double largestStep;
        private int smallestStepLine;
        private int largestStepLine;
        private int count;

        void add(double seconds, int line) {
            if (count > 0) {
                double step = seconds - previous;
                if (!(step > 0)) {
                    throw invalid("line " + line + ": time " + seconds + " s does not come after the previous row's "
                            + previous + " s");
                }
                if (step < smallestStep) {
                    smallestStep = step;
                    smallestStepLine = line;
                }
                if (step > largestStep) {
                    largestStep = step;
                    largestStepLine = line;
                }
            } else {
                first = seconds;
            }
            previous = seconds;
            count++;
        }

        /**
         * round(1 / mean step). The mean of steps that all lie within 1% of it equals the median within
         * that 1% too, and unlike the median it needs no memory per row.
         */
        int samplingRateHz(int rows) {
            double mean = (previous - first) / (rows - 1);
            boolean smallOff = smallestStep < mean * (1 - STEP_TOLERANCE);
            boolean largeOff = largestStep > mean * (1 + STEP_TOLERANCE);
            if (smallOff || largeOff) {
                boolean reportLarge = largeOff && (!smallOff || largestStep / mean - 1 >= 1 - smallestStep / mean);
                throw invalid(String.format(Locale.ROOT, "the time steps are not uniform: the step to line %d is "
                                + "%.6g s, more than 1%% away from the mean step of %.6g s",
                        reportLarge ? largestStepLine : smallestStepLine,
                        reportLarge ? largestStep : smallestStep, mean));
            }
            double hz = 1 / mean;
            long rounded = Math.round(hz);
            if (rounded < Recording.MIN_SAMPLING_RATE_HZ || rounded > Recording.MAX_SAMPLING_RATE_HZ) {
                throw invalid(String.format(Locale.ROOT, "the time column gives a sampling rate of %.6g Hz; "
                                + "Sinus supports %d-%d Hz", hz, Recording.MIN_SAMPLING_RATE_HZ,
                        Recording.MAX_SAMPLING_RATE_HZ));
            }
            return (int) rounded;
        }
    }
}
