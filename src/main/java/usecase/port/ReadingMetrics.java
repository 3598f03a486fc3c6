package usecase.port;

import domain.heartrate.Reading;
import java.util.List;

/** Counts what happens to the heart-rate readings that arrive, for the operator. */
public interface ReadingMetrics {

    /** {@code readings} are committed (some may carry an alert). */
    void stored(List<Reading> readings);

    /** {@code count} readings were refused: invalid, or not stored because the log was full or the database away. */
    void rejected(int count);

    /** Counts nothing: for tests that do not look. */
    ReadingMetrics NONE = new ReadingMetrics() {
        @Override
        public void stored(List<Reading> readings) {
        }

        @Override
        public void rejected(int count) {
        }
    };
}
