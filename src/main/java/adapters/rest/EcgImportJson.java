package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import domain.ecg.Lead;
import domain.ecg.Recording;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import usecase.ecg.ImportRecording;
import usecase.ecg.SubmitEcg;
import usecase.port.SkippedSignal;

/** The JSON answer to a file import: the accepted ECG and what was read from the file. */
final class EcgImportJson {

    private EcgImportJson() {
    }

    @RegisterForReflection
    @Schema(name = "EcgImported", description = "An imported recording, stored and waiting for its analysis "
            + "(the fields of EcgAccepted plus what was read from the file).")
    record Imported(UUID id,
                    @Schema(enumeration = {"pending", "done", "failed"}) String status,
                    @Schema(description = "Start of the recording: the form's date, else the WFDB header's base "
                            + "date and time (UTC), else null") Instant date,
                    @JsonProperty("sampling_rate_hz") @Schema(description = "Null when neither the file nor the "
                            + "form states it") Integer samplingRateHz,
                    @Schema(description = "Names of the imported leads, in file order", example = "[\"MLII\", \"V5\"]")
                    List<String> leads,
                    @JsonProperty("samples_per_lead") @Schema(example = "650000") int samplesPerLead,
                    @JsonProperty("skipped_signals") @Schema(description = "Signals of the file that are not "
                            + "voltages (e.g. blood pressure in mmHg) and were not imported")
                    List<Skipped> skippedSignals) {

        static Imported of(ImportRecording.Result imported) {
            SubmitEcg.Result result = imported.submitted();
            Recording recording = imported.recording();
            return new Imported(result.id(), EcgJson.status(result.status()), recording.date(),
                    recording.samplingRateHz(), recording.leads().stream().map(Lead::name).toList(),
                    imported.imported().samplesPerLead(),
                    imported.imported().skipped().stream().map(Skipped::of).toList());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgSkippedSignal")
    record Skipped(@Schema(description = "Zero-based position of the signal in the file") int index,
                   @Schema(description = "The file's description of the signal", example = "ABP") String description,
                   @Schema(description = "Its units as written in the file", example = "mmHg") String units) {

        static Skipped of(SkippedSignal signal) {
            return new Skipped(signal.index(), signal.description(), signal.units());
        }
    }
}
