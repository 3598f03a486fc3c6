package adapters.fileformat.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.fileformat.csv.CsvRecordReader;
import domain.InvalidInputException;
import domain.ecg.Lead;
import domain.ecg.VoltageUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import usecase.port.ImportedRecording;

/**
 * Record 100 of the MIT-BIH Arrhythmia Database, read from the shared data folder (never copied into the
 * repository): {@code -Dsinus.test.data=...} points elsewhere. The reader verifies the header's checksums,
 * so a wrong decoding of format 212 fails here.
 */
class MitBihRecordTest {

    private static Path data;

    @BeforeAll
    static void locateData() {
        data = WfdbFiles.realData();
        assertTrue(Files.isRegularFile(data.resolve("100.hea")), "MIT-BIH record 100 not found in "
                + data.toAbsolutePath() + "; set -Dsinus.test.data to the folder holding 100.hea, 100.dat, 100.csv.gz");
    }

    @Test
    void wfdbRecord100HasTwoLeadsOf650000SamplesInMicrovolts() throws IOException {
        ImportedRecording imported = WfdbRecordReader.read(data.resolve("100.hea"),
                Map.of("100.dat", data.resolve("100.dat")), WfdbFiles.LIMITS);

        assertEquals(List.of("MLII", "V5"), imported.recording().leads().stream().map(Lead::name).toList());
        assertEquals(360, imported.recording().samplingRateHz());
        assertEquals(650_000, imported.samplesPerLead());
        assertNull(imported.recording().date()); // the header has no base time or date
        assertEquals((995 - 1024) * 5, imported.recording().leads().get(0).signal().get(0));
        assertEquals((1011 - 1024) * 5, imported.recording().leads().get(1).signal().get(0));
        assertTrue(imported.skipped().isEmpty());
    }

    @Test
    void dataOfAnotherRecordFailsTheHeadersChecksums() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WfdbRecordReader.read(
                data.resolve("100.hea"), Map.of("100.dat", data.resolve("101.dat")), WfdbFiles.LIMITS));

        assertEquals(List.of("checksum of signal MLII does not match the header: the data file is corrupt or belongs "
                        + "to another record", "checksum of signal V5 does not match the header: the data file is "
                        + "corrupt or belongs to another record"),
                e.violations().stream().map(InvalidInputException.Violation::message).toList());
    }

    @Test
    void csvOfRecord100MatchesTheWfdbRecordSampleForSample() throws IOException {
        ImportedRecording wfdb = WfdbRecordReader.read(data.resolve("100.hea"), Map.of("x", data.resolve("100.dat")), WfdbFiles.LIMITS);
        // The CSV holds raw ADC values; in uV they are 5 times the WFDB values plus the baseline's 1024.
        ImportedRecording csv = CsvRecordReader.read(data.resolve("100.csv.gz"), 360, VoltageUnit.MICROVOLT, WfdbFiles.LIMITS);

        assertEquals(List.of("MLII", "V5"), csv.recording().leads().stream().map(Lead::name).toList());
        for (int lead = 0; lead < 2; lead++) {
            int[] fromWfdb = wfdb.recording().leads().get(lead).signal().toArray();
            int[] adc = Arrays.stream(fromWfdb).map(uv -> uv / 5 + 1024).toArray();
            assertArrayEquals(adc, csv.recording().leads().get(lead).signal().toArray());
        }
    }
}
