package bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference annotations of a PhysioNet record: its beats and its rhythm episodes, from its MIT-format
 * {@code .atr} annotation file, or, without one, the beats alone from a {@code NNN.beats.csv}
 * ({@code sample,symbol}), which has no rhythm information.
 */
final class ReferenceAnnotations {

    /** MIT annotation codes 1..41 to symbols; blanks are unused codes. */
    private static final String[] SYMBOLS = new String[42];
    /** The QRS reference set: every beat label, none of the rhythm, noise or artifact labels. */
    private static final String BEAT_SYMBOLS = "NLRBAaJSVrFejnE/fQ?";
    private static final int RHYTHM = 28;
    private static final int VF_ONSET = 32;
    private static final int VF_END = 33;
    private static final int SKIP = 59;
    private static final int AUX = 63;
    /** The rhythm labels of ventricular flutter and fibrillation. */
    private static final List<String> VF_RHYTHMS = List.of("(VF", "(VFL");

    static {
        String[] table = {"", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "", "|", "", "s",
            "T", "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
            ")", "r"};
        System.arraycopy(table, 0, SYMBOLS, 0, table.length);
    }

    private ReferenceAnnotations() {
    }

    /**
     * @param samples                 each reference beat's fiducial point, ascending
     * @param symbols                 each beat's MIT symbol
     * @param rhythms                 per rhythm label ({@code "(N"}, {@code "(AFIB"}, ...) its episodes: each
     *                                rhythm annotation opens one that lasts until the next, the last until the
     *                                record's end; merged, in time order
     * @param ventricularFibrillation the spans EC57 leaves out of beat scoring: {@code (VF}/{@code (VFL}
     *                                rhythm episodes joined with {@code [ ... ]} VF onset/end pairs; merged
     */
    record Annotations(int[] samples, char[] symbols, Map<String, List<Span>> rhythms,
                       List<Span> ventricularFibrillation) {

        int count() {
            return samples.length;
        }

        /** The episodes of one rhythm label, empty when it never occurs. */
        List<Span> rhythm(String label) {
            return rhythms.getOrDefault(label, List.of());
        }
    }

    /** @param recordLength samples per lead of the record: the end of its last rhythm episode */
    static Annotations read(Path folder, String record, int recordLength) throws IOException {
        Path atr = folder.resolve(record + ".atr");
        if (Files.exists(atr)) {
            return readAtr(atr, recordLength);
        }
        return readCsv(folder.resolve(record + ".beats.csv"));
    }

    static Annotations readAtr(Path file, int recordLength) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] samples = new int[1024];
        char[] symbols = new char[1024];
        int count = 0;
        List<Integer> rhythmStarts = new ArrayList<>();
        List<String> rhythmLabels = new ArrayList<>();
        List<Span> vf = new ArrayList<>();
        int vfOnset = -1;
        int lastCode = 0;
        long time = 0;
        while (bytes.remaining() >= 2) {
            int word = bytes.getShort() & 0xFFFF;
            int code = word >> 10;
            int interval = word & 0x3FF;
            if (code == 0 && interval == 0) {
                break;
            }
            if (code == SKIP) { // a 32-bit interval follows, high word first
                int high = bytes.getShort() & 0xFFFF;
                int low = bytes.getShort() & 0xFFFF;
                time += ((long) high << 16) | low;
            } else if (code == AUX) { // text of the annotation before, padded to an even length
                byte[] text = new byte[interval];
                bytes.get(text);
                bytes.position(bytes.position() + (interval & 1));
                if (lastCode == RHYTHM) {
                    rhythmLabels.set(rhythmLabels.size() - 1, auxText(text));
                }
            } else if (code < 60) { // 60 NUM, 61 SUB and 62 CHN modify the annotation before
                time += interval;
                lastCode = code;
                String symbol = code < SYMBOLS.length ? SYMBOLS[code] : "";
                if (code == RHYTHM) {
                    rhythmStarts.add((int) time);
                    rhythmLabels.add("");
                } else if (code == VF_ONSET && vfOnset < 0) {
                    vfOnset = (int) time;
                } else if (code == VF_END) { // without an onset, VF ran from the record's start
                    vf.add(new Span(Math.max(vfOnset, 0), (int) time));
                    vfOnset = -1;
                } else if (!symbol.isEmpty() && BEAT_SYMBOLS.contains(symbol)) {
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                        symbols = Arrays.copyOf(symbols, count * 2);
                    }
                    samples[count] = (int) time;
                    symbols[count] = symbol.charAt(0);
                    count++;
                }
            }
        }
        if (vfOnset >= 0) {
            vf.add(new Span(vfOnset, Math.max(vfOnset, recordLength)));
        }
        Map<String, List<Span>> rhythms = rhythms(rhythmStarts, rhythmLabels, recordLength);
        VF_RHYTHMS.forEach(label -> vf.addAll(rhythms.getOrDefault(label, List.of())));
        return new Annotations(Arrays.copyOf(samples, count), Arrays.copyOf(symbols, count), rhythms, Span.merge(vf));
    }

    /** Each rhythm annotation opens an episode that the next one (or the record's end) closes. */
    private static Map<String, List<Span>> rhythms(List<Integer> starts, List<String> labels, int recordLength) {
        Map<String, List<Span>> episodes = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : Math.max(start, recordLength);
            episodes.computeIfAbsent(labels.get(i), l -> new ArrayList<>()).add(new Span(start, end));
        }
        episodes.replaceAll((label, spans) -> Span.merge(spans));
        return episodes;
    }

    /** The text up to the first NUL, trimmed. */
    private static String auxText(byte[] text) {
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.US_ASCII).trim();
    }

    static Annotations readCsv(Path file) throws IOException {
        var lines = Files.readAllLines(file).stream().skip(1).filter(line -> !line.isBlank()).toList();
        int[] samples = new int[lines.size()];
        char[] symbols = new char[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            samples[i] = Integer.parseInt(cells[0].trim());
            symbols[i] = cells[1].trim().charAt(0);
        }
        return new Annotations(samples, symbols, Map.of(), List.of());
    }
}
