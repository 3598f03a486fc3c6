package adapters.config;

import adapters.fileformat.archive.NdjsonArchive;
import adapters.fileformat.csv.CsvRecordReader;
import adapters.fileformat.csv.HeartRateCsvReader;
import adapters.fileformat.wfdb.WfdbRecordReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.ecg.RecordingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import usecase.port.ArchiveFormat;
import usecase.port.ReadingSeriesReader;
import usecase.port.RecordingReader;

/**
 * Makes the plain-Java file formats beans for the use cases that read and write files: the recording
 * readers (one per format) and the archive format, with the JSON limits and recording limits configured.
 */
@ApplicationScoped
public class FileFormats {

    @Produces
    @Singleton
    RecordingReader wfdb() {
        return new WfdbRecordReader();
    }

    @Produces
    @Singleton
    RecordingReader csv() {
        return new CsvRecordReader();
    }

    @Produces
    @Singleton
    ReadingSeriesReader heartRateCsv() {
        return new HeartRateCsvReader();
    }

    @Produces
    @Singleton
    ArchiveFormat archive(ObjectMapper mapper, SinusConfig config, RecordingLimits limits) {
        return new NdjsonArchive(mapper.getFactory(), config.db().kind().toString(), limits);
    }
}
