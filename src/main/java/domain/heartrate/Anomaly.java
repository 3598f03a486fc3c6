package domain.heartrate;

import java.time.Instant;

/**
 * Something in a series of readings worth a look: a missing value, or a change of more than
 * {@link Anomalies#MAX_STEP_BPM} bpm from the previous valid reading.
 *
 * @param row          the one-based data row of the series
 * @param bpm          the reading (null when missing)
 * @param previousBpm  the previous valid reading a spike or dip is measured from (null for a missing value)
 */
public record Anomaly(Kind kind, long row, Instant time, Integer bpm, Integer previousBpm) {

    public enum Kind { MISSING, SPIKE, DIP }
}
