package bench;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temporary: format-212 records only, until the import's WFDB reader lands. */
final class WfdbRecords {

    private WfdbRecords() {
    }

    static Recording read(Path folder, String record) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(record + ".hea")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        String[] head = lines.get(0).trim().split("\\s+");
        int signals = Integer.parseInt(head[1]);
        int rate = (int) Double.parseDouble(head[2]);
        byte[] b = Files.readAllBytes(folder.resolve(record + ".dat"));
        int n = b.length / 3 * 2 / signals;
        int[][] out = new int[signals][n];
        int k = 0;
        for (int i = 0; i + 2 < b.length && k + 1 < n * signals; i += 3) {
            int s0 = (b[i] & 0xFF) | ((b[i + 1] & 0x0F) << 8);
            int s1 = (b[i + 2] & 0xFF) | ((b[i + 1] & 0xF0) << 4);
            out[k % signals][k / signals] = s0 > 2047 ? s0 - 4096 : s0;
            k++;
            out[k % signals][k / signals] = s1 > 2047 ? s1 - 4096 : s1;
            k++;
        }
        List<Lead> leads = new ArrayList<>();
        for (int s = 0; s < signals; s++) {
            leads.add(new Lead(lines.get(1 + s).trim().split("\\s+")[8], Signal.wrap(out[s])));
        }
        return new Recording(null, rate, leads);
    }
}
