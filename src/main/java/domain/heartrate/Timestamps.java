package domain.heartrate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The two ways clients state when a reading was measured: ISO-8601 with an offset, or Unix seconds. */
public final class Timestamps {

    /** Later than any device's clock will be (year 5138): a larger number is a mistake (milliseconds, say). */
    private static final double MAX_EPOCH_SECONDS = 1e11;

    private Timestamps() {
    }

    /** Unix seconds, with a fraction; null when out of range (before 1970, or absurdly far ahead). */
    public static Instant ofEpochSeconds(double seconds) {
        return seconds >= 0 && seconds < MAX_EPOCH_SECONDS ? Instant.ofEpochMilli(Math.round(seconds * 1000)) : null;
    }

    /** ISO-8601 with an offset, or Unix seconds written as a number; null when it is neither or out of range. */
    public static Instant parse(String text) {
        double seconds = plainNumber(text);
        if (!Double.isNaN(seconds)) {
            return ofEpochSeconds(seconds);
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() >= MAX_EPOCH_SECONDS ? null : instant;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A plain decimal number (digits, one optional point, an optional leading minus), else NaN. */
    public static double plainNumber(String text) {
        if (text.isEmpty() || text.length() > 30) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && c == '-')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** What a client is told when its timestamp is neither. */
    public static final String EXPECTED = "ISO-8601 with an offset (2026-12-01T08:00:00Z) or Unix seconds";
}
