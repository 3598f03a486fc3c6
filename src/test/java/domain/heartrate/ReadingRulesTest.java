package domain.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void acceptsFortyToOneHundredEightyInclusive() {
        assertNull(Readings.refusal(40, NOW, null, NOW));
        assertNull(Readings.refusal(180, NOW, null, NOW));
        assertEquals(Readings.OUT_OF_RANGE, Readings.refusal(39, NOW, null, NOW));
        assertEquals(Readings.OUT_OF_RANGE, Readings.refusal(181, NOW, null, NOW));
        assertEquals("Heart rate out of typical range for an adult", Readings.refusal(-5, NOW, null, NOW));
    }

    @Test
    void rejectsReadingsMoreThanFiveMinutesAhead() {
        assertNull(Readings.refusal(70, NOW.plusSeconds(300), null, NOW));
        assertEquals(Readings.IN_THE_FUTURE, Readings.refusal(70, NOW.plusSeconds(301), null, NOW));
        assertNull(Readings.refusal(70, NOW.minusSeconds(86_400 * 400), null, NOW));
    }

    @Test
    void rejectsDeviceNamesOverSixtyFourCharacters() {
        assertNull(Readings.refusal(70, NOW, "d".repeat(64), NOW));
        assertEquals(Readings.DEVICE_TOO_LONG, Readings.refusal(70, NOW, "d".repeat(65), NOW));
    }

    @Test
    void defaultThresholdsAlertLowBelowFiftyAndHighAboveOneHundredFifty() {
        AlertThresholds thresholds = AlertThresholds.DEFAULT;
        assertEquals(Alert.LOW, thresholds.alertFor(40));
        assertEquals(Alert.LOW, thresholds.alertFor(49));
        assertNull(thresholds.alertFor(50));
        assertNull(thresholds.alertFor(150));
        assertEquals(Alert.HIGH, thresholds.alertFor(151));
        assertEquals(Alert.HIGH, thresholds.alertFor(180));
    }

    @Test
    void thresholdsMustBeOrderedWithinTheValidRange() {
        assertThrows(InvalidInputException.class, () -> new AlertThresholds(39, 150));
        assertThrows(InvalidInputException.class, () -> new AlertThresholds(50, 181));
        assertThrows(InvalidInputException.class, () -> new AlertThresholds(100, 100));
        assertEquals(Alert.HIGH, new AlertThresholds(40, 41).alertFor(42));
    }

    @Test
    void highWinsOverLow() {
        assertEquals(Alert.HIGH, Alert.worse(Alert.LOW, Alert.HIGH));
        assertEquals(Alert.LOW, Alert.worse(null, Alert.LOW));
        assertNull(Alert.worse(null, null));
    }

    @Test
    void timestampsAreIsoWithAnOffsetOrUnixSeconds() {
        assertEquals(NOW, Timestamps.parse("2026-12-01T09:00:00+01:00"));
        assertEquals(NOW, Timestamps.parse(Long.toString(NOW.getEpochSecond())));
        assertEquals(NOW.plusMillis(500), Timestamps.parse(NOW.getEpochSecond() + ".5"));
        assertNull(Timestamps.parse("2026-12-01T08:00:00")); // no offset
        assertNull(Timestamps.parse("yesterday"));
        assertNull(Timestamps.parse("-5"));
    }
}
