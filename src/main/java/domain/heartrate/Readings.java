package domain.heartrate;

import java.time.Duration;
import java.time.Instant;

/** The rules every reading meets before it is stored. */
public final class Readings {

    /** The typical range of an adult's heart rate, inclusive; readings outside it are refused, not stored. */
    public static final int MIN_BPM = 40;
    public static final int MAX_BPM = 180;
    public static final String OUT_OF_RANGE = "Heart rate out of typical range for an adult";
    /** Clocks drift: a reading may be stamped up to this far ahead of the server's time. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
    public static final String IN_THE_FUTURE = "Timestamp is more than 5 minutes in the future";
    public static final int MAX_DEVICE_LENGTH = 64;
    public static final String DEVICE_TOO_LONG = "Device name is longer than 64 characters";

    private Readings() {
    }

    /**
     * The verdict on a reading of {@code bpm} measured at {@code time} by {@code device}, received at {@code now}.
     *
     * @return null when the reading may be stored; otherwise the reason it may not
     */
    public static String refusal(int bpm, Instant time, String device, Instant now) {
        if (bpm < MIN_BPM || bpm > MAX_BPM) {
            return OUT_OF_RANGE;
        }
        if (time.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            return IN_THE_FUTURE;
        }
        if (device != null && device.length() > MAX_DEVICE_LENGTH) {
            return DEVICE_TOO_LONG;
        }
        return null;
    }
}
