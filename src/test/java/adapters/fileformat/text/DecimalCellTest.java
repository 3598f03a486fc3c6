package adapters.fileformat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one digit scanner agrees with exact decimal arithmetic on every kind of cell. */
class DecimalCellTest {

    @Test
    void plainAndUnusualCellsScaleLikeExactDecimalArithmetic() {
        for (String cell : List.of("0", "-0", "+7", "995", "-0.145", "0.0005", "-0.0005", "123.4567", ".5", "5.",
                "12345678901234567", "123456789012345678", "1234567890.12345678", "-99999999999999999.9", "1e3",
                "-1.5E-2", "00000000000000000000001", "0.00000000000000000001")) {
            for (int factor : new int[] {1, 1000, 1_000_000}) {
                assertScaledExactly(cell, factor);
            }
            assertEquals(new BigDecimal(cell).doubleValue(), value(cell), 0.0, cell);
        }
    }

    @Test
    void randomDecimalsScaleLikeExactDecimalArithmetic() {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder cell = new StringBuilder(random.nextBoolean() ? "-" : "");
            int digits = 1 + random.nextInt(20);
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point && d > 0) {
                    cell.append('.');
                }
                cell.append((char) ('0' + random.nextInt(10)));
            }
            String text = cell.toString();
            int factor = new int[] {1, 1000, 1_000_000}[random.nextInt(3)];
            assertScaledExactly(text, factor);
            assertEquals(new BigDecimal(text).doubleValue(), value(text), 0.0, text);
        }
    }

    @Test
    void decimalCommasCountOnlyWhenAllowedAndWhatIsNoNumberSaysSo() {
        byte[] comma = "-0,25".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-250, DecimalCell.microvolts(comma, 0, comma.length, 1000, true));
        assertEquals(DecimalCell.NOT_A_NUMBER, DecimalCell.microvolts(comma, 0, comma.length, 1000, false));
        for (String cell : List.of("", "-", ".", "abc", "1.2.3", "1,5", "--1", "1e", "NaN")) {
            assertEquals(DecimalCell.NOT_A_NUMBER, microvolts(cell, 1), cell);
            assertEquals(Double.NaN, value(cell), cell);
        }
        assertEquals(DecimalCell.OUT_OF_RANGE, microvolts("1e30", 1));
    }

    private static long microvolts(String cell, int factor) {
        byte[] bytes = ("x" + cell + "y").getBytes(StandardCharsets.US_ASCII);
        return DecimalCell.microvolts(bytes, 1, bytes.length - 1, factor, false);
    }

    private static double value(String cell) {
        byte[] bytes = cell.getBytes(StandardCharsets.US_ASCII);
        return DecimalCell.value(bytes, 0, bytes.length, false);
    }

    /** The exact product rounded half away from zero when it is a 32-bit sample; else any value beyond that range. */
    private static void assertScaledExactly(String cell, int factor) {
        BigDecimal exact = new BigDecimal(cell).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP);
        long actual = microvolts(cell, factor);
        if (exact.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            assertEquals(exact.longValueExact(), actual, cell + " × " + factor);
        } else {
            assertTrue(actual != DecimalCell.NOT_A_NUMBER && (int) actual != actual, cell + " × " + factor + ": " + actual);
        }
    }
}
