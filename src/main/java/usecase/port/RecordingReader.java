package usecase.port;

import domain.ecg.RecordingLimits;
import domain.ecg.VoltageUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one recording from files a transport has spooled: a PhysioNet WFDB record, a CSV file. Each format
 * has one implementation. A reader names the file it was given by its role ({@link #MAIN_FILE},
 * {@link #COMPANION_FILES}, {@link #SAMPLING_RATE}) in its errors; the caller renames the roles to its own inputs.
 */
public interface RecordingReader {

    /** The file that describes the recording: a WFDB header, a CSV file. */
    String MAIN_FILE = "main file";
    /** The files the main file refers to: a WFDB record's data files. */
    String COMPANION_FILES = "companion files";
    /** The sampling rate the client stated, when a file contradicts it. */
    String SAMPLING_RATE = "sampling rate";

    enum Format { WFDB, CSV }

    /**
     * One file as the client sent it.
     *
     * @param name the client's file name (only its last path component counts), or null when it sent none
     * @param path where the transport spooled it
     */
    record SourceFile(String name, Path path) {
    }

    /**
     * @param main           the file that describes the recording
     * @param companions     the files it refers to, matched by name (none for CSV)
     * @param samplingRateHz the rate the client states, or null; a file that states one must agree
     * @param unit           what a file's numbers measure when the format does not say (CSV)
     */
    record Files(Path main, List<SourceFile> companions, Integer samplingRateHz, VoltageUnit unit) {

        public Files {
            companions = List.copyOf(companions);
        }
    }

    Format format();

    /**
     * @param limits checked while reading, before anything is allocated for more than the limits allow
     * @throws domain.InvalidInputException when the files cannot be imported; the message says why and where
     */
    ImportedRecording read(Files files, RecordingLimits limits) throws IOException;
}
