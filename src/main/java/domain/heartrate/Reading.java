package domain.heartrate;

import java.time.Instant;

/**
 * One stored heart-rate reading.
 *
 * @param time   when it was measured (millisecond precision)
 * @param device the device that measured it, or null
 * @param alert  the alert it raised when it was stored, or null
 */
public record Reading(Instant time, int bpm, String device, Alert alert) {
}
