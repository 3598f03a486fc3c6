package domain.heartrate;

/** What becomes of one reading a client sends: stored (with the alert it raises, if any) or rejected, and why. */
public sealed interface ReadingVerdict {

    /** @param alert null when the heart rate is within the thresholds */
    record Accepted(Alert alert) implements ReadingVerdict {
        private static final Accepted PLAIN = new Accepted(null);
        private static final Accepted LOW = new Accepted(Alert.LOW);
        private static final Accepted HIGH = new Accepted(Alert.HIGH);

        public static Accepted of(Alert alert) {
            return alert == null ? PLAIN : alert == Alert.LOW ? LOW : HIGH;
        }
    }

    record Rejected(String reason) implements ReadingVerdict {
    }
}
