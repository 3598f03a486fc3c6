package domain.heartrate;

/** What a stored reading says about the heart rate, against its owner's thresholds. */
public enum Alert {
    /** Below the low threshold (bradycardia range for an adult at rest). */
    LOW,
    /** Above the high threshold. */
    HIGH;

    /** When several alerts occurred together, the one to report: HIGH wins over LOW. */
    public static Alert worse(Alert a, Alert b) {
        if (a == HIGH || b == HIGH) {
            return HIGH;
        }
        return a != null ? a : b;
    }
}
