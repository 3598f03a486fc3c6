package adapters.rest;

import domain.InvalidInputException;
import domain.heartrate.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read as the API documents them; a value that is not one is a 422 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static int integer(String name, String value, int defaultValue) {
        long parsed = longInteger(name, value, defaultValue);
        if (parsed != (int) parsed) {
            throw InvalidInputException.of(name, "must be an integer");
        }
        return (int) parsed;
    }

    static long longInteger(String name, String value, long defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be an integer");
        }
    }

    static double seconds(String name, String value, double defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw InvalidInputException.of(name, "must be a number of seconds, 0 or more");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be a number of seconds, 0 or more");
        }
    }

    /** ISO-8601 with an offset, or Unix seconds; null when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = Timestamps.parse(value.trim());
        if (instant == null) {
            throw InvalidInputException.of(name, "must be " + Timestamps.EXPECTED);
        }
        return instant;
    }

    /** An ISO-8601 duration such as PT10M. */
    static Duration duration(String name, String value, Duration defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "must be an ISO-8601 duration such as PT10M");
        }
    }
}
