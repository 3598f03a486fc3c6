package bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reference beats of a PhysioNet record: from its MIT-format {@code .atr} annotation file, or,
 * without one, from a {@code NNN.beats.csv} ({@code sample,symbol}). Only beat annotations count.
 */
final class ReferenceAnnotations {

    /** MIT annotation codes 1..41 to symbols; blanks are unused codes. */
    private static final String[] SYMBOLS = new String[42];
    /** The QRS reference set: every beat label, none of the rhythm, noise or artifact labels. */
    private static final String BEAT_SYMBOLS = "NLRBAaJSVrFejnE/fQ?";

    static {
        String[] table = {"", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "", "|", "", "s",
            "T", "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
            ")", "r"};
        System.arraycopy(table, 0, SYMBOLS, 0, table.length);
    }

    private ReferenceAnnotations() {
    }

    record Beats(int[] samples, char[] symbols) {
        int count() {
            return samples.length;
        }
    }

    static Beats read(Path folder, String record) throws IOException {
        Path atr = folder.resolve(record + ".atr");
        if (Files.exists(atr)) {
            return readAtr(atr);
        }
        return readCsv(folder.resolve(record + ".beats.csv"));
    }

    static Beats readAtr(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] samples = new int[1024];
        char[] symbols = new char[1024];
        int count = 0;
        long time = 0;
        while (bytes.remaining() >= 2) {
            int word = bytes.getShort() & 0xFFFF;
            int code = word >> 10;
            int interval = word & 0x3FF;
            if (code == 0 && interval == 0) {
                break;
            }
            switch (code) {
                case 59 -> { // SKIP: a 32-bit interval follows, high word first
                    int high = bytes.getShort() & 0xFFFF;
                    int low = bytes.getShort() & 0xFFFF;
                    time += (high << 16) | low;
                }
                case 60, 61, 62 -> { // NUM, SUB, CHN modify the previous annotation
                }
                case 63 -> bytes.position(bytes.position() + interval + (interval & 1)); // AUX text
                default -> {
                    time += interval;
                    String symbol = code < SYMBOLS.length ? SYMBOLS[code] : "";
                    if (!symbol.isEmpty() && BEAT_SYMBOLS.contains(symbol)) {
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
        }
        return new Beats(Arrays.copyOf(samples, count), Arrays.copyOf(symbols, count));
    }

    static Beats readCsv(Path file) throws IOException {
        var lines = Files.readAllLines(file).stream().skip(1).filter(line -> !line.isBlank()).toList();
        int[] samples = new int[lines.size()];
        char[] symbols = new char[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            samples[i] = Integer.parseInt(cells[0].trim());
            symbols[i] = cells[1].trim().charAt(0);
        }
        return new Beats(samples, symbols);
    }
}
