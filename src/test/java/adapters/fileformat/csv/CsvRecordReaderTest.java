package adapters.fileformat.csv;

import static adapters.fileformat.wfdb.WfdbFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.fileformat.wfdb.WfdbFiles;
import domain.InvalidInputException;
import domain.ecg.Lead;
import domain.ecg.VoltageUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import usecase.port.ImportedRecording;
import usecase.port.RecordingReader;

class CsvRecordReaderTest {

    @TempDir
    Path dir;

    private ImportedRecording read(String csv, Integer rate, VoltageUnit unit) throws IOException {
        return CsvRecordReader.read(write(dir, "ecg.csv", csv), rate, unit, WfdbFiles.LIMITS);
    }

    private ImportedRecording read(String csv) throws IOException {
        return read(csv, null, VoltageUnit.MICROVOLT);
    }

    private String invalid(String csv, Integer rate, VoltageUnit unit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(csv, rate, unit));
        assertEquals(1, e.violations().size());
        return e.violations().get(0).field() + ": " + e.violations().get(0).message();
    }

    private String invalid(String csv) {
        return invalid(csv, null, VoltageUnit.MICROVOLT);
    }

    private static int[] lead(ImportedRecording imported, int index) {
        return imported.recording().leads().get(index).signal().toArray();
    }

    private static List<String> names(ImportedRecording imported) {
        return imported.recording().leads().stream().map(Lead::name).toList();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void timeColumnGivesTheSamplingRate() throws IOException {
        ImportedRecording imported = read("time,I,II\n0.000,1,-1\n0.002,2,-2\n0.004,3,-3\n0.006,4,-4\n");

        assertEquals(500, imported.recording().samplingRateHz());
        assertEquals(List.of("I", "II"), names(imported));
        assertArrayEquals(new int[] {1, 2, 3, 4}, lead(imported, 0));
        assertArrayEquals(new int[] {-1, -2, -3, -4}, lead(imported, 1));
        assertNull(imported.recording().date());
    }

    @Test
    void timeStepsRoundedToPrintedPrecisionStillCount() throws IOException {
        StringBuilder csv = new StringBuilder("seconds,V1\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.6f,%d%n", i / 360.0, i));
        }
        assertEquals(360, read(csv.toString()).recording().samplingRateHz());
    }

    @Test
    void nonUniformTimeStepsAreRejected() {
        assertEquals("main file: the time steps are not uniform: the step to line 5 is 0.00400000 s, more than 1% away "
                + "from the mean step of 0.00266667 s", invalid("t,I\n0,1\n0.002,1\n0.004,1\n0.008,1\n"));
    }

    @Test
    void timeMustIncrease() {
        assertEquals("main file: line 3: time 0.0 s does not come after the previous row's 0.0 s",
                invalid("time,I\n0,1\n0,1\n"));
    }

    @Test
    void statedRateMustAgreeWithTheTimeColumn() throws IOException {
        assertEquals(500, read("time_s,I\n0,1\n0.002,2\n", 500, VoltageUnit.MICROVOLT).recording().samplingRateHz());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read("time_s,I\n0,1\n0.002,2\n", 250, VoltageUnit.MICROVOLT));
        assertEquals(RecordingReader.SAMPLING_RATE, e.violations().get(0).field());
        assertEquals("is 250 Hz but the time column of the CSV gives 500 Hz", e.violations().get(0).message());
    }

    @Test
    void sampleColumnIsIgnoredAndTheRateComesFromTheForm() throws IOException {
        ImportedRecording imported = read("sample,MLII,V5\n0,995,1011\n1,995,1011\n2,994,1010\n", 360,
                VoltageUnit.MICROVOLT);

        assertEquals(360, imported.recording().samplingRateHz());
        assertEquals(List.of("MLII", "V5"), names(imported));
        assertArrayEquals(new int[] {995, 995, 994}, lead(imported, 0));
    }

    @Test
    void withoutTimeColumnOrRateTheRateIsUnknown() throws IOException {
        ImportedRecording imported = read("I,II,III\n1,2,3\n4,5,6\n");

        assertNull(imported.recording().samplingRateHz());
        assertEquals(List.of("I", "II", "III"), names(imported));
        assertArrayEquals(new int[] {3, 6}, lead(imported, 2));
        assertEquals(2, imported.samplesPerLead());
    }

    @Test
    void gzipIsDetectedByItsMagicBytes() throws IOException {
        Path file = write(dir, "no-extension", gzip("index,I\n0,7\n1,-7\n"));

        ImportedRecording imported = CsvRecordReader.read(file, 100, VoltageUnit.MICROVOLT, WfdbFiles.LIMITS);

        assertArrayEquals(new int[] {7, -7}, lead(imported, 0));
    }

    @Test
    void corruptGzipIsRejected() throws IOException {
        byte[] zipped = gzip("I\n" + "1\n".repeat(1000));
        Path file = write(dir, "cut.csv.gz", Arrays.copyOf(zipped, zipped.length / 2));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvRecordReader.read(file, null, VoltageUnit.MICROVOLT, WfdbFiles.LIMITS));
        assertEquals("the gzip data is corrupt or truncated", e.violations().get(0).message());
    }

    @Test
    void semicolonSeparatedFilesMayUseDecimalCommas() throws IOException {
        ImportedRecording imported = read("time;I;II\n0,000;0,5;1\n0,004;-0,25;2\n", null, VoltageUnit.MILLIVOLT);

        assertEquals(250, imported.recording().samplingRateHz());
        assertArrayEquals(new int[] {500, -250}, lead(imported, 0));
        assertArrayEquals(new int[] {1000, 2000}, lead(imported, 1));
    }

    @Test
    void tabSeparatedFilesAreRead() throws IOException {
        ImportedRecording imported = read("I\tII\n1\t2\n3\t4\n");

        assertArrayEquals(new int[] {2, 4}, lead(imported, 1));
    }

    @Test
    void unitsScaleAndRoundToMicrovolts() throws IOException {
        assertArrayEquals(new int[] {-145, 1, -1, 123457, 0},
                lead(read("I\n-0.145\n0.0005\n-0.0005\n123.4567\n0.0004\n", null, VoltageUnit.MILLIVOLT), 0));
        assertArrayEquals(new int[] {1_500_000, -2, 100},
                lead(read("I\n1.5\n-0.0000015\n1e-4\n", null, VoltageUnit.VOLT), 0));
        assertArrayEquals(new int[] {12, -13, 1000},
                lead(read("I\n12.4\n-12.5\n1E3\n", null, VoltageUnit.MICROVOLT), 0));
    }

    @Test
    void nonNumericCellNamesItsLineAndColumn() {
        assertEquals("main file: line 5, column V1: \"abc\" is not a number",
                invalid("time,I,V1\n0,1,1\n0.002,1,1\n0.004,1,1\n0.006,1,abc\n"));
        assertEquals("main file: line 2, column I: the cell is empty", invalid("I,II\n,1\n"));
        assertEquals("main file: line 2, column time: \"x\" is not a number", invalid("time,I\nx,1\n"));
        assertEquals("main file: line 2, column I: \"NaN\" is not a number", invalid("I\nNaN\n"));
    }

    @Test
    void valuesBeyondThe32BitRangeAreRejected() {
        assertEquals("main file: line 2, column I: \"3000\" V is beyond the 32-bit microvolt range Sinus stores",
                invalid("I\n3000\n", null, VoltageUnit.VOLT));
        assertEquals("main file: line 2, column I: \"1e30\" uV is beyond the 32-bit microvolt range Sinus stores",
                invalid("I\n1e30\n"));
    }

    @Test
    void raggedRowsAreRejectedWithTheirLine() {
        assertEquals("main file: line 3 has 2 columns but the header has 3", invalid("a,b,c\n1,2,3\n1,2\n"));
        assertEquals("main file: line 2 has 4 columns but the header has 3", invalid("a,b,c\n1,2,3,4\n"));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRejected() {
        assertEquals("main file: the file is empty", invalid(""));
        assertEquals("main file: the file has a header but no data rows", invalid("I,II\n"));
        assertEquals("main file: the file has a header but no data rows", invalid("I,II\n\n\n"));
        assertTrue(invalid("\nI\n1\n").startsWith("main file: line 1 is empty"));
        assertEquals("main file: the header names no lead columns, only \"time\"", invalid("time\n0\n"));
    }

    @Test
    void trailingBlankLinesAreIgnoredButNotBlankLinesInside() throws IOException {
        assertEquals(2, read("I\r\n1\r\n2\r\n\r\n  \n").samplesPerLead());
        assertEquals("main file: line 3 is empty; only lines at the end of the file may be blank", invalid("I\n1\n\n2\n"));
    }

    @Test
    void headerNamesAreSanitizedAndQuotesAndByteOrderMarkRemoved() throws IOException {
        ImportedRecording imported = read("\uFEFF\"Time\",\"Lead I (mV)\",II,II,\n0,1,2,3,4\n0.01,1,2,3,4\n");

        assertEquals(List.of("Lead_I_mV", "II", "II_2", "sig3"), names(imported));
        assertEquals(100, imported.recording().samplingRateHz());
    }

    @Test
    void longLinesAreRejectedBeforeTheyFillTheMemory() {
        assertEquals("main file: line 2 is longer than 1024 KiB; is this really a CSV file?",
                invalid("I\n" + "1".repeat(2 << 20) + "\n"));
    }

    @Test
    void aFileWithoutFinalNewlineKeepsItsLastRow() throws IOException {
        assertArrayEquals(new int[] {1, 2}, lead(read("I\n1\n2"), 0));
    }

    @Test
    void manyRowsGrowTheArrays() throws IOException {
        StringBuilder csv = new StringBuilder("I\n1\n"); // a short first row underestimates the rows
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append('\n');
        }
        int[] samples = lead(read(csv.toString()), 0);
        assertEquals(100_001, samples.length);
        assertEquals(99_999, samples[100_000]);
    }
}
