package usecase.port;

import domain.ecg.Recording;
import java.util.List;

/**
 * What a file reader made of an upload.
 *
 * @param recording the leads in microvolts, with the file's sampling rate and start time (either may be null)
 * @param skipped   signals of the file that are not voltages and were left out
 */
public record ImportedRecording(Recording recording, List<SkippedSignal> skipped) {

    public ImportedRecording {
        skipped = List.copyOf(skipped);
    }

    public int samplesPerLead() {
        return recording.leads().get(0).numberOfSamples();
    }
}
