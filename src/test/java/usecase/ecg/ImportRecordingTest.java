package usecase.ecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.InvalidInputException;
import domain.ecg.EcgKey;
import domain.ecg.RecordingLimits;
import domain.ecg.VoltageUnit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.fakes.InMemoryEcgRepository;
import usecase.fakes.MutableClock;
import usecase.fakes.RecordingAnalysisQueue;
import usecase.fakes.Recordings;
import usecase.port.ImportedRecording;
import usecase.port.RecordingReader;
import usecase.port.RecordingReader.SourceFile;

class ImportRecordingTest {

    private final InMemoryEcgRepository ecgs = new InMemoryEcgRepository();
    private final RecordingLimits limits = new RecordingLimits(3, 10, 20);
    private final FakeReader wfdb = new FakeReader(RecordingReader.Format.WFDB);
    private final FakeReader csv = new FakeReader(RecordingReader.Format.CSV);
    private final ImportRecording importRecording = new ImportRecording(List.of(wfdb, csv),
            new SubmitEcg(ecgs, new RecordingAnalysisQueue(), new MutableClock(), limits,
                    new usecase.fakes.InMemoryEventLog().recorder(new MutableClock())), limits);
    private final UUID owner = UUID.randomUUID();
    private final SourceFile header = new SourceFile("rec.hea", Path.of("spool-1"));
    private final SourceFile data = new SourceFile("rec.dat", Path.of("spool-2"));
    private final SourceFile table = new SourceFile("ecg.csv", Path.of("spool-3"));

    @Test
    void aCsvFileIsReadByTheCsvReaderWithTheStatedRateAndUnitsAndSubmitted() throws Exception {
        UUID id = UUID.randomUUID();
        ImportRecording.Result result = importRecording.execute(new ImportRecording.Command(owner, id.toString(),
                "2026-11-23T08:30:00+01:00", " 360 ", "mV", null, List.of(), table));

        assertEquals(List.of(new RecordingReader.Files(table.path(), List.of(), 360, VoltageUnit.MILLIVOLT)), csv.read);
        assertEquals(List.of(), wfdb.read);
        assertEquals(id, result.submitted().id());
        assertEquals(Instant.parse("2026-11-23T07:30:00Z"), result.recording().date());
        assertTrue(ecgs.stored(new EcgKey(owner, id)).isPresent());
    }

    @Test
    void aWfdbRecordIsReadByTheWfdbReaderWithItsDataFilesAndMicrovoltsByDefaultForCsv() throws Exception {
        importRecording.execute(new ImportRecording.Command(owner, null, null, null, null, header, List.of(data), null));
        importRecording.execute(new ImportRecording.Command(owner, null, null, null, null, null, List.of(), table));

        assertEquals(List.of(new RecordingReader.Files(header.path(), List.of(data), null, null)), wfdb.read);
        assertEquals(VoltageUnit.MICROVOLT, csv.read.get(0).unit());
        assertNull(csv.read.get(0).samplingRateHz());
    }

    @Test
    void everyMistakeInTheInputsIsReportedAtOnceAndNothingIsRead() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> importRecording.execute(
                new ImportRecording.Command(owner, "x", "yesterday", "fast", "furlongs", header, List.of(), table)));

        assertEquals(List.of(ImportRecording.ID, ImportRecording.DATE, ImportRecording.SAMPLING_RATE_HZ,
                ImportRecording.UNITS, ImportRecording.INPUTS), fields(e));
        assertEquals(List.of(), csv.read);
        assertEquals(List.of(), wfdb.read);
        assertEquals(0, ecgs.size());
    }

    @Test
    void neitherFormatOrDataWithoutHeaderOrCsvOptionsWithWfdbAreRefused() {
        assertEquals(List.of(ImportRecording.INPUTS), fields(assertThrows(InvalidInputException.class, () ->
                importRecording.execute(new ImportRecording.Command(owner, null, null, null, null, null, null, null)))));
        assertEquals(List.of(ImportRecording.HEADER, ImportRecording.SAMPLING_RATE_HZ, ImportRecording.UNITS),
                fields(assertThrows(InvalidInputException.class, () -> importRecording.execute(
                        new ImportRecording.Command(owner, null, null, "360", "mV", null, List.of(data), null)))));
    }

    @Test
    void aReadersErrorsNameTheCommandsInputsNotTheReadersRoles() {
        wfdb.failWith(RecordingReader.MAIN_FILE, RecordingReader.COMPANION_FILES);
        csv.failWith(RecordingReader.MAIN_FILE, RecordingReader.SAMPLING_RATE);

        assertEquals(List.of(ImportRecording.HEADER, ImportRecording.DATA), fields(assertThrows(
                InvalidInputException.class, () -> importRecording.execute(
                        new ImportRecording.Command(owner, null, null, null, null, header, List.of(data), null)))));
        assertEquals(List.of(ImportRecording.CSV, ImportRecording.SAMPLING_RATE_HZ), fields(assertThrows(
                InvalidInputException.class, () -> importRecording.execute(
                        new ImportRecording.Command(owner, null, null, "360", null, null, List.of(), table)))));
        assertEquals(0, ecgs.size());
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(InvalidInputException.Violation::field).toList();
    }

    private static final class FakeReader implements RecordingReader {

        private final Format format;
        private final List<Files> read = new ArrayList<>();
        private List<String> failures = List.of();

        FakeReader(Format format) {
            this.format = format;
        }

        void failWith(String... fields) {
            failures = List.of(fields);
        }

        @Override
        public Format format() {
            return format;
        }

        @Override
        public ImportedRecording read(Files files, RecordingLimits limits) {
            read.add(files);
            if (!failures.isEmpty()) {
                throw new InvalidInputException(failures.stream()
                        .map(f -> new InvalidInputException.Violation(f, "is wrong")).toList());
            }
            return new ImportedRecording(Recordings.of(new int[] {1, 2, 3}), List.of());
        }
    }
}
