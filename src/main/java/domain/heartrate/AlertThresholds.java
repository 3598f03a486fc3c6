package domain.heartrate;

import domain.Violations;

/**
 * A user's alert thresholds: a stored reading below {@code lowBelow} raises LOW, one above {@code highAbove}
 * raises HIGH. The defaults (50, 150) alert on 40–49 and on 151–180 bpm.
 */
public record AlertThresholds(int lowBelow, int highAbove) {

    public static final AlertThresholds DEFAULT = new AlertThresholds(50, 150);

    public AlertThresholds {
        new Violations()
                .check(lowBelow >= Readings.MIN_BPM && lowBelow <= Readings.MAX_BPM, "low_alert_below_bpm",
                        "must be between " + Readings.MIN_BPM + " and " + Readings.MAX_BPM)
                .check(highAbove >= Readings.MIN_BPM && highAbove <= Readings.MAX_BPM, "high_alert_above_bpm",
                        "must be between " + Readings.MIN_BPM + " and " + Readings.MAX_BPM)
                .check(lowBelow < highAbove, "low_alert_below_bpm", "must be below high_alert_above_bpm")
                .throwIfAny();
    }

    /** The alert a stored reading of {@code bpm} raises, or null for none. */
    public Alert alertFor(int bpm) {
        if (bpm < lowBelow) {
            return Alert.LOW;
        }
        return bpm > highAbove ? Alert.HIGH : null;
    }
}
