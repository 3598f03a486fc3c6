package usecase.ecg;

import domain.InvalidInputException;
import domain.Violations;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import domain.ecg.VoltageUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import usecase.port.ImportedRecording;
import usecase.port.RecordingReader;
import usecase.port.RecordingReader.SourceFile;

/**
 * Imports a recording from files: a WFDB record (a header and its data files) or a CSV file. Decides which
 * combinations of inputs are legal and which reader reads them, applies the date override, then submits the
 * recording like any other. Reading runs before any transaction opens: a day-long Holter takes seconds to
 * decode, and only its submission is one short transaction.
 */
@ApplicationScoped
public class ImportRecording {

    /** The command's inputs, as every error names them. */
    public static final String HEADER = "header";
    public static final String DATA = "data";
    public static final String CSV = "csv";
    public static final String SAMPLING_RATE_HZ = "sampling_rate_hz";
    public static final String UNITS = "units";
    public static final String ID = "id";
    public static final String DATE = "date";
    /** The combination of inputs as a whole. */
    public static final String INPUTS = "(form)";

    private static final String EITHER = "send either a WFDB record (parts header and data) or a CSV file (part csv)";

    private final Map<RecordingReader.Format, RecordingReader> readers = new EnumMap<>(RecordingReader.Format.class);
    private final SubmitEcg submitEcg;
    private final RecordingLimits limits;

    @Inject
    public ImportRecording(Instance<RecordingReader> readers, SubmitEcg submitEcg, RecordingLimits limits) {
        this(readers.stream().toList(), submitEcg, limits);
    }

    ImportRecording(List<RecordingReader> readers, SubmitEcg submitEcg, RecordingLimits limits) {
        readers.forEach(reader -> this.readers.put(reader.format(), reader));
        this.submitEcg = submitEcg;
        this.limits = limits;
    }

    /**
     * Text inputs arrive as the client wrote them (null or blank when absent) and are checked here, so that
     * every mistake in a request is reported at once.
     *
     * @param header a WFDB header, or null
     * @param data   the WFDB data files, none for CSV
     * @param csv    a CSV file, plain or gzip, or null
     */
    public record Command(UUID ownerId, String id, String date, String samplingRateHz, String units,
                          SourceFile header, List<SourceFile> data, SourceFile csv) {

        public Command {
            data = data == null ? List.of() : List.copyOf(data);
        }
    }

    /** The stored ECG, the recording as stored, and what the reader made of the files. */
    public record Result(SubmitEcg.Result submitted, Recording recording, ImportedRecording imported) {
    }

    public Result execute(Command command) throws IOException {
        Violations violations = new Violations();
        UUID id = parsed(command.id(), UUID::fromString, ID, "must be a UUID", violations);
        OffsetDateTime date = parsed(command.date(), OffsetDateTime::parse, DATE,
                "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T08:30:00Z", violations);
        Integer rate = parsed(command.samplingRateHz(), Integer::valueOf, SAMPLING_RATE_HZ, "must be an integer",
                violations);
        VoltageUnit unit = parsed(command.units(), u -> VoltageUnit.of(u).orElseThrow(IllegalArgumentException::new),
                UNITS, "must be uV, mV or V", violations);
        boolean wfdb = command.header() != null || !command.data().isEmpty();
        boolean csv = command.csv() != null;
        if (wfdb && csv) {
            violations.add(INPUTS, EITHER + ", not both");
        } else if (!wfdb && !csv) {
            violations.add(INPUTS, EITHER);
        } else if (wfdb) {
            violations.check(command.header() != null, HEADER, "is required with data parts: the record's .hea file");
            violations.check(rate == null, SAMPLING_RATE_HZ, "applies to CSV only; a WFDB header states the rate");
            violations.check(blank(command.units()), UNITS, "applies to CSV only; a WFDB header states the units");
        }
        violations.throwIfAny();

        ImportedRecording imported = wfdb
                ? read(RecordingReader.Format.WFDB, HEADER, DATA, new RecordingReader.Files(command.header().path(),
                        command.data(), null, null))
                : read(RecordingReader.Format.CSV, CSV, DATA, new RecordingReader.Files(command.csv().path(),
                        List.of(), rate, unit == null ? VoltageUnit.MICROVOLT : unit));
        Recording recording = date == null ? imported.recording() : imported.recording().withDate(date.toInstant());
        SubmitEcg.Result submitted = submitEcg.execute(new SubmitEcg.Command(command.ownerId(), id, recording));
        return new Result(submitted, recording, imported);
    }

    private ImportedRecording read(RecordingReader.Format format, String main, String companions,
                                   RecordingReader.Files files) throws IOException {
        try {
            return readers.get(format).read(files, limits);
        } catch (InvalidInputException e) {
            throw e.renamed(Map.of(RecordingReader.MAIN_FILE, main, RecordingReader.COMPANION_FILES, companions,
                    RecordingReader.SAMPLING_RATE, SAMPLING_RATE_HZ));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * A text input parsed, or null when it is absent or does not parse; then {@code problem} is added for
     * {@code input}.
     */
    private static <T> T parsed(String value, Function<String, T> parse, String input, String problem,
                                Violations violations) {
        if (blank(value)) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            violations.add(input, problem);
            return null;
        }
    }
}
