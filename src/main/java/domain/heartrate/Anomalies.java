package domain.heartrate;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Finds the anomalies of a series of readings fed in row order: a missing value; a spike, a rise of more than
 * {@value #MAX_STEP_BPM} bpm from the previous valid reading; a dip, a drop of more than that. A change of exactly
 * {@value #MAX_STEP_BPM} is not an anomaly. Missing and refused rows are skipped by the comparison: the next valid
 * reading is compared with the last valid one before them.
 */
public final class Anomalies {

    /** Beat-to-beat heart rate rarely moves this far between one reading and the next outside of artefacts. */
    public static final int MAX_STEP_BPM = 30;

    private final Consumer<Anomaly> sink;
    private Integer previous;

    public Anomalies(Consumer<Anomaly> sink) {
        this.sink = sink;
    }

    public void missing(long row, Instant time) {
        sink.accept(new Anomaly(Anomaly.Kind.MISSING, row, time, null, null));
    }

    /** A valid reading (one that was stored). */
    public void valid(long row, Instant time, int bpm) {
        if (previous != null) {
            int step = bpm - previous;
            if (step > MAX_STEP_BPM) {
                sink.accept(new Anomaly(Anomaly.Kind.SPIKE, row, time, bpm, previous));
            } else if (step < -MAX_STEP_BPM) {
                sink.accept(new Anomaly(Anomaly.Kind.DIP, row, time, bpm, previous));
            }
        }
        previous = bpm;
    }
}
