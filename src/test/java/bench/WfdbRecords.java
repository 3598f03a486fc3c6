package bench;

import adapters.fileformat.wfdb.WfdbRecordReader;
import domain.ecg.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a record with the import's own WFDB reader, handing it every data file its header names. */
final class WfdbRecords {

    private WfdbRecords() {
    }

    static Recording read(Path folder, String record) throws IOException {
        Path header = folder.resolve(record + ".hea");
        List<String> lines = Files.readAllLines(header).stream()
                .map(String::trim).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        Map<String, Path> dataFiles = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String file = line.split("\\s+")[0];
            dataFiles.putIfAbsent(file, folder.resolve(file));
        }
        return WfdbRecordReader.read(header, dataFiles, new domain.ecg.RecordingLimits(64, 1 << 30, 1L << 31)).recording();
    }
}
