package adapters.rest.fileformat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from a CSV line's bytes. Plain decimals ({@code -0.145}, {@code 995})
 * are read as an integer mantissa and a count of fraction digits, so that scaling to microvolts is exact
 * and allocation-free; anything else (exponents, very long digit strings) goes through {@link BigDecimal}.
 */
final class DecimalCell {

    /** Returned by {@link #microvolts} for a cell that is not a number. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Returned by {@link #microvolts} for a number too large for any sample. */
    static final long OUT_OF_RANGE = Long.MAX_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalCell() {
    }

    /**
     * {@code value × factor}, rounded to the nearest integer, halves away from zero.
     *
     * @param decimalComma whether {@code ,} is a decimal separator (files separated by {@code ;} or tabs)
     * @return the result, {@link #NOT_A_NUMBER}, or a value outside the int range when it does not fit
     */
    static long microvolts(byte[] bytes, int start, int end, int factor, boolean decimalComma) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return slowMicrovolts(bytes, start, end, factor, decimalComma);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    fractionDigits++;
                }
            } else if (!point && (c == '.' || (c == ',' && decimalComma))) {
                point = true;
            } else {
                return slowMicrovolts(bytes, start, end, factor, decimalComma);
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        long scaled;
        try {
            scaled = Math.multiplyExact(mantissa, (long) factor);
        } catch (ArithmeticException e) {
            return slowMicrovolts(bytes, start, end, factor, decimalComma);
        }
        long divisor = POWERS_OF_TEN[fractionDigits];
        long quotient = scaled / divisor;
        if (2 * (scaled % divisor) >= divisor) {
            quotient++;
        }
        return negative ? -quotient : quotient;
    }

    /** The cell as a double, or NaN when it is not a number. */
    static double value(byte[] bytes, int start, int end, boolean decimalComma) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return slowValue(bytes, start, end, decimalComma);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    fractionDigits++;
                }
            } else if (!point && (c == '.' || (c == ',' && decimalComma))) {
                point = true;
            } else {
                return slowValue(bytes, start, end, decimalComma);
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        // Both operands are exact doubles (mantissa < 2^53, 10^15 too), so the quotient is correctly rounded.
        double value = mantissa / (double) POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    private static long slowMicrovolts(byte[] bytes, int start, int end, int factor, boolean decimalComma) {
        BigDecimal value = decimal(bytes, start, end, decimalComma);
        if (value == null) {
            return NOT_A_NUMBER;
        }
        BigDecimal scaled = value.multiply(BigDecimal.valueOf(factor));
        int integerDigits = scaled.precision() - scaled.scale();
        if (integerDigits > 18) {
            return OUT_OF_RANGE;
        }
        if (integerDigits < -1) {
            return 0; // below 0.01 uV: rounding it costs nothing, and it spares scaling 1e-999999999
        }
        return scaled.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static double slowValue(byte[] bytes, int start, int end, boolean decimalComma) {
        BigDecimal value = decimal(bytes, start, end, decimalComma);
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static BigDecimal decimal(byte[] bytes, int start, int end, boolean decimalComma) {
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        if (decimalComma) {
            text = text.replace(',', '.');
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
