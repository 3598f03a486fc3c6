package adapters.fileformat.wfdb;

import static adapters.fileformat.wfdb.WfdbFiles.checksum;
import static adapters.fileformat.wfdb.WfdbFiles.encode;
import static adapters.fileformat.wfdb.WfdbFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.InvalidInputException;
import domain.ecg.Lead;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import usecase.port.ImportedRecording;
import usecase.port.SkippedSignal;

class WfdbRecordReaderTest {

    @TempDir
    Path dir;

    private ImportedRecording read(String header, Map<String, byte[]> data) throws IOException {
        Path hea = write(dir, "rec.hea", header);
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        data.forEach((name, bytes) -> files.put(name, write(dir, "upload-" + name, bytes)));
        return WfdbRecordReader.read(hea, files, WfdbFiles.LIMITS);
    }

    private InvalidInputException invalid(String header, Map<String, byte[]> data) {
        return assertThrows(InvalidInputException.class, () -> read(header, data));
    }

    private static String message(InvalidInputException e) {
        return e.violations().get(0).field() + ": " + e.violations().get(0).message();
    }

    private static int[] samples(ImportedRecording imported, int lead) {
        return imported.recording().leads().get(lead).signal().toArray();
    }

    private static List<String> names(ImportedRecording imported) {
        return imported.recording().leads().stream().map(Lead::name).toList();
    }

    @Test
    void format212TwoSignalsInterleavedWithOddSampleCountAndChecksums() throws IOException {
        int[] first = {995, 996, -2047, 2047, 0};
        int[] second = {1011, 1010, 1000, -5, 7};
        // 10 samples in the stream; an odd count per signal still pairs up across signals.
        String header = "rec 2 360 5\n"
                + "d.dat 212 200 11 1024 995 " + checksum(first) + " 0 MLII\n"
                + "d.dat 212 200 11 1024 1011 " + checksum(second) + " 0 V5\n";

        ImportedRecording imported = read(header, Map.of("d.dat", encode(212, first, second)));

        assertEquals(List.of("MLII", "V5"), names(imported));
        assertEquals(360, imported.recording().samplingRateHz());
        assertArrayEquals(new int[] {-145, -140, -15355, 5115, -5120}, samples(imported, 0));
        assertArrayEquals(new int[] {-65, -70, -120, -5145, -5085}, samples(imported, 1));
        assertTrue(imported.skipped().isEmpty());
    }

    @Test
    void format212OddTotalSampleCountEndsWithTwoBytes() throws IOException {
        int[] only = {1, -2, 2047};
        byte[] bytes = encode(212, only);
        assertEquals(5, bytes.length); // 3 bytes for the pair, 2 for the last sample

        ImportedRecording imported = read("rec 1 100 3\nd.dat 212 1(0)/uV 12 0 1 " + checksum(only) + " 0 I\n",
                Map.of("d.dat", bytes));

        assertArrayEquals(new int[] {1, -2, 2047}, samples(imported, 0));
    }

    @Test
    void format16IsLittleEndianAndHonoursTheByteOffset() throws IOException {
        int[] first = {-32767, 32767, 0, 100};
        int[] second = {5, -5, 500, -500};
        byte[] encoded = encode(16, first, second);
        byte[] withPrefix = new byte[encoded.length + 7];
        Arrays.fill(withPrefix, 0, 7, (byte) 0x55); // a vendor's file header that the offset skips
        System.arraycopy(encoded, 0, withPrefix, 7, encoded.length);
        String header = "rec 2 500 4\n"
                + "d.dat 16+7 1000(0)/mV 16 0 0 " + checksum(first) + " 0 I\n"
                + "d.dat 16+7 1000(0)/mV 16 0 0 " + checksum(second) + " 0 II\n";

        ImportedRecording imported = read(header, Map.of("d.dat", withPrefix));

        assertArrayEquals(first, samples(imported, 0)); // 1000 adu/mV: one adu is one microvolt
        assertArrayEquals(second, samples(imported, 1));
    }

    @Test
    void format61IsBigEndian() throws IOException {
        int[] signal = {1, 256, -1, -300};
        ImportedRecording imported = read("rec 1 250 4\nd.dat 61 2/uV 16 0 0 " + checksum(signal) + " 0 V1\n",
                Map.of("d.dat", encode(61, signal)));

        assertArrayEquals(new int[] {1, 128, -1, -150}, samples(imported, 0)); // halves round away from zero
    }

    @Test
    void format80IsOffsetBinary() throws IOException {
        int[] signal = {-127, 0, 127, 3};
        byte[] bytes = encode(80, signal);
        assertEquals(1, bytes[0] & 0xFF);

        ImportedRecording imported = read("rec 1 128\nd.dat 80 1(3)/mV\n", Map.of("d.dat", bytes));

        assertArrayEquals(new int[] {-130_000, -3_000, 124_000, 0}, samples(imported, 0));
        assertEquals(128, imported.recording().samplingRateHz());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 61, 80, 212})
    void invalidSampleMarkersHoldThePreviousValue(int format) throws IOException {
        int invalid = switch (format) {
            case 212 -> -2048;
            case 80 -> -128;
            default -> -32768;
        };
        int[] signal = {invalid, 10, invalid, invalid, 20};
        ImportedRecording imported = read("rec 1 100 5\nd.dat " + format + " 1(0)/uV\n",
                Map.of("d.dat", encode(format, signal)));

        assertArrayEquals(new int[] {0, 10, 10, 10, 20}, samples(imported, 0));
    }

    @Test
    void unitsGainAndBaselineConvertToMicrovolts() throws IOException {
        int[] adc = {1030, 1024, 1019};
        String header = "rec 3 250 3\n"
                + "d.dat 16 200(1024)/mV 12 0\n"     // baseline from the gain field
                + "d.dat 16 0 12 1000\n"             // gain 0 -> 200, units default mV, baseline = adc zero
                + "d.dat 16 3(1000)/V 12 0\n";        // volts; 1/3 is no integer factor
        ImportedRecording imported = read(header, Map.of("d.dat", encode(16, adc, adc, adc)));

        assertArrayEquals(new int[] {30, 0, -25}, samples(imported, 0));
        assertArrayEquals(new int[] {150, 120, 95}, samples(imported, 1));
        assertArrayEquals(new int[] {10_000_000, 8_000_000, 6_333_333}, samples(imported, 2));
        assertEquals(List.of("sig0", "sig1", "sig2"), names(imported));
    }

    @Test
    void missingNumberOfSamplesIsTakenFromTheFileLengthAndChecksumsAreNotChecked() throws IOException {
        int[] signal = {1, 2, 3, 4, 5, 6, 7};
        ImportedRecording imported = read("rec 1 360\nd.dat 16 1/uV 16 0 0 12345 0 I\n",
                Map.of("d.dat", encode(16, signal)));

        assertEquals(7, imported.samplesPerLead());
    }

    @Test
    void defaultsAre250HzAGainOf200AdcUnitsPerMillivoltAndBaselineZero() throws IOException {
        ImportedRecording imported = read("rec 1\nd.dat 16\n", Map.of("d.dat", encode(16, new int[] {200, -3})));

        assertEquals(250, imported.recording().samplingRateHz());
        assertArrayEquals(new int[] {1000, -15}, samples(imported, 0));
    }

    @Test
    void extraBytesAfterTheDeclaredSamplesAreIgnored() throws IOException {
        ImportedRecording imported = read("rec 1 360 2\nd.dat 16 1/uV\n",
                Map.of("d.dat", encode(16, new int[] {1, 2, 3})));

        assertArrayEquals(new int[] {1, 2}, samples(imported, 0));
    }

    @Test
    void truncatedDataFileIsRejectedWithTheCounts() {
        int[] first = new int[649_999];
        int[] second = new int[649_999];
        InvalidInputException e = invalid("100 2 360 650000\n100.dat 212 200 11 1024 0 0 0 MLII\n"
                        + "100.dat 212 200 11 1024 0 0 0 V5\n",
                Map.of("100.dat", encode(212, first, second)));

        assertEquals("companion files: 100.dat is truncated: it holds 649,999 of 650,000 samples per signal", message(e));
    }

    @Test
    void checksumMismatchIsRejected() {
        int[] signal = {10, 20, 30};
        InvalidInputException e = invalid("rec 1 360 3\nd.dat 16 200 12 0 10 " + (checksum(signal) + 1) + " 0 MLII\n",
                Map.of("d.dat", encode(16, signal)));

        assertEquals("companion files: checksum of signal MLII does not match the header: the data file is corrupt or belongs "
                + "to another record", message(e));
    }

    @Test
    void checksumComparesAsSigned16Bit() throws IOException {
        int[] signal = {30000, 30000}; // sums to 60000, which WFDB writes as -5536
        ImportedRecording imported = read("rec 1 360 2\nd.dat 16 1/uV 16 0 0 -5536 0 I\n",
                Map.of("d.dat", encode(16, signal)));

        assertArrayEquals(signal, samples(imported, 0));
    }

    @Test
    void unsupportedFormatIsRejectedWithTheList() {
        InvalidInputException e = invalid("rec 1 360\nd.dat 311 200 12 0\n", Map.of("d.dat", new byte[4]));

        assertEquals("main file: line 2: storage format 311 is not supported (supported: 16, 61, 80, 212)", message(e));
    }

    @Test
    void samplesPerFrameAndSkewAreNotSupported() {
        assertEquals("main file: line 2: 2 samples per frame is not supported (only 1)",
                message(invalid("rec 1 360\nd.dat 16x2\n", Map.of("d.dat", new byte[4]))));
        assertEquals("main file: line 2: skew is not supported (3 samples)",
                message(invalid("rec 1 360\nd.dat 16:3\n", Map.of("d.dat", new byte[4]))));
    }

    @Test
    void signalsInOtherUnitsAreSkippedAndReported() throws IOException {
        int[] ecg = {100, 200};
        int[] pressure = {80, 120};
        String header = "rec 2 125 2\n"
                + "d.dat 16 100/mmHg 12 0 80 " + checksum(pressure) + " 0 ABP\n"
                + "d.dat 16 1/uV 12 0 100 " + checksum(ecg) + " 0 ECG lead II\n";

        ImportedRecording imported = read(header, Map.of("d.dat", encode(16, pressure, ecg)));

        assertEquals(List.of("ECG_lead_II"), names(imported));
        assertArrayEquals(ecg, samples(imported, 0));
        assertEquals(List.of(new SkippedSignal(0, "ABP", "mmHg")), imported.skipped());
    }

    @Test
    void aRecordWithoutAnyVoltageIsRejected() {
        InvalidInputException e = invalid("rec 1 125 2\nd.dat 16 100/mmHg 12 0 0 0 0 ABP\n",
                Map.of("d.dat", encode(16, new int[] {1, 2})));

        assertEquals("main file: no signal is a voltage (ABP in mmHg); an ECG needs at least one lead in V, mV or uV",
                message(e));
    }

    @Test
    void leadNamesAreSanitizedAndMadeUnique() throws IOException {
        int[] s = {1};
        String header = "rec 4 100 1\n"
                + "d.dat 16 1/uV 12 0 1 1 0 ECG lead I (wrist)\n"
                + "d.dat 16 1/uV 12 0 1 1 0 II\n"
                + "d.dat 16 1/uV 12 0 1 1 0 II\n"
                + "d.dat 16 1/uV 12 0 1 1 0 ***\n";

        ImportedRecording imported = read(header, Map.of("d.dat", encode(16, s, s, s, s)));

        assertEquals(List.of("ECG_lead_I_wrist", "II", "II_2", "sig3"), names(imported));
    }

    @Test
    void signalsInSeparateFilesAreMatchedByFileName() throws IOException {
        int[] a = {1, 2, 3};
        int[] b = {-4, -5, -6};
        String header = "rec 2 100 3\na.dat 16 1/uV\nb.dat 80 1/uV\n";

        ImportedRecording imported = read(header, new java.util.LinkedHashMap<>(Map.of(
                "b.dat", encode(80, b), "a.dat", encode(16, a))));

        assertArrayEquals(a, samples(imported, 0));
        assertArrayEquals(b, samples(imported, 1));
    }

    @Test
    void oneDataFileIsUsedWhateverItsNameWhenTheHeaderNamesOne() throws IOException {
        ImportedRecording imported = read("rec 1 100 2\nd.dat 16 1/uV\n",
                Map.of("renamed-by-browser.bin", encode(16, new int[] {7, 8})));

        assertArrayEquals(new int[] {7, 8}, samples(imported, 0));
    }

    @Test
    void missingAndUnexpectedDataFilesAreNamed() {
        InvalidInputException e = invalid("rec 2 100 1\na.dat 16 1/uV\nb.dat 16 1/uV\n",
                Map.of("a.dat", encode(16, new int[] {1}), "c.dat", encode(16, new int[] {1})));

        List<String> messages = e.violations().stream().map(v -> v.field() + ": " + v.message()).toList();
        assertEquals(List.of("companion files: missing data file(s) b.dat: send each as a part named data, with its file name",
                "companion files: data file(s) c.dat are not named by the header of record rec, which names a.dat, b.dat"), messages);
    }

    @Test
    void noDataFileAtAllIsMissing() {
        assertEquals("companion files: missing data file(s) 100.dat: send each as a part named data, with its file name",
                message(invalid("100 1 360\n100.dat 16\n", Map.of())));
    }

    @Test
    void aFileHoldingOnlySkippedSignalsNeedNotBeSent() throws IOException {
        ImportedRecording imported = read("rec 2 100 2\necg.dat 16 1/uV 16 0 0 0 0 I\nbp.dat 16 1/mmHg 16 0 0 0 0 BP\n",
                Map.of("ecg.dat", encode(16, new int[] {3, -3})));

        assertArrayEquals(new int[] {3, -3}, samples(imported, 0));
        assertEquals(1, imported.skipped().size());
    }

    @Test
    void baseDateAndTimeBecomeTheRecordingDate() throws IOException {
        ImportedRecording imported = read("rec 1 360 1 13:05:09.250 23/11/2026\nd.dat 16\n",
                Map.of("d.dat", encode(16, new int[] {1})));

        assertEquals(Instant.parse("2026-11-23T13:05:09.250Z"), imported.recording().date());
    }

    @Test
    void baseTimeWithoutDateLeavesTheDateOpen() throws IOException {
        ImportedRecording imported = read("rec 1 360 1 13:05:09\nd.dat 16\n", Map.of("d.dat", encode(16, new int[] {1})));

        assertNull(imported.recording().date());
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndCountedInLineNumbers() throws IOException {
        String header = "# produced by a test\n\nrec 1 360/3600(0) 2\n# signals follow\nd.dat 16 1/uV 16 0 5 11 0 I\n"
                + "# age 69 sex M\n";
        ImportedRecording imported = read(header, Map.of("d.dat", encode(16, new int[] {5, 6})));
        assertArrayEquals(new int[] {5, 6}, samples(imported, 0));

        InvalidInputException e = invalid("# comment\n\nrec 1 360\n# x\nd.dat 16 abc\n", Map.of());
        assertEquals("main file: line 5: gain \"abc\" is not understood (expected gain[(baseline)][/units], "
                + "e.g. 200(1024)/mV)", message(e));
    }

    @Test
    void nearlyWholeFrequenciesAreAcceptedOthersRejected() throws IOException {
        ImportedRecording imported = read("rec 1 359.9999999\nd.dat 16\n", Map.of("d.dat", encode(16, new int[] {1})));
        assertEquals(360, imported.recording().samplingRateHz());

        assertEquals("main file: line 1: sampling frequency 360.5 Hz is not a whole number of Hz, which Sinus needs",
                message(invalid("rec 1 360.5\nd.dat 16\n", Map.of())));
        assertEquals("main file: line 1: sampling frequency 20000 Hz is outside the supported 1-10000 Hz",
                message(invalid("rec 1 20000\nd.dat 16\n", Map.of())));
    }

    @Test
    void headerErrorsNameTheirLine() {
        assertEquals("main file: line 1: multi-segment records are not supported (rec/2)",
                message(invalid("rec/2 1 360 100\nseg1 100\n", Map.of())));
        assertEquals("main file: line 1: number of signals \"two\" is not an integer",
                message(invalid("rec two 360\n", Map.of())));
        assertEquals("main file: line 1: the record line needs at least a record name and the number of signals",
                message(invalid("rec\n", Map.of())));
        assertEquals("main file: line 1: the record has no signals", message(invalid("rec 0\n", Map.of())));
        assertEquals("main file: line 2: ADC zero \"x\" is not an integer",
                message(invalid("rec 1 360\nd.dat 16 200 12 x\n", Map.of())));
        assertEquals("main file: line 3: a signal line needs at least a file name and a storage format",
                message(invalid("rec 2 360\nd.dat 16\nd.dat\n", Map.of())));
        assertEquals("main file: the record line (line 1) declares 3 signals but the header describes 1",
                message(invalid("rec 3 360\nd.dat 16\n", Map.of())));
        assertEquals("main file: line 1: base time \"25:00:00\" is not a time of day HH:MM:SS[.sss]",
                message(invalid("rec 1 360 10 25:00:00\nd.dat 16\n", Map.of())));
        assertEquals("main file: line 1: base date \"31/02/2026\" is not a date DD/MM/YYYY",
                message(invalid("rec 1 360 10 10:00:00 31/02/2026\nd.dat 16\n", Map.of())));
        assertEquals("main file: line 2: storage format \"x\" is not understood (expected format[xsamples][:skew][+offset], "
                + "e.g. 212)", message(invalid("rec 1\nd.dat x\n", Map.of())));
    }

    @Test
    void emptyAndOversizedHeadersAreRejected() {
        assertTrue(message(invalid("", Map.of())).startsWith("main file: is empty"));
        assertTrue(message(invalid("# only a comment\n", Map.of())).startsWith("main file: is empty"));
        String huge = "#" + "x".repeat((int) WfdbHeader.MAX_BYTES) + "\n";
        assertEquals("main file: is 1,048,578 bytes, too large for a WFDB header (at most 1,048,576)",
                message(invalid(huge, Map.of())));
    }

    @Test
    void signalsOfOneFileMustShareTheirFormat() {
        assertEquals("main file: the signals of d.dat use different storage formats [16, 212], which is not supported",
                message(invalid("rec 2 360\nd.dat 16\nd.dat 212\n", Map.of("d.dat", new byte[12]))));
    }

    @Test
    void anEmptyDataFileWithoutDeclaredLengthHoldsNoSamples() {
        assertEquals("companion files: d.dat holds no samples", message(invalid("rec 1 360\nd.dat 16\n", Map.of("d.dat", new byte[1]))));
    }
}
