package domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.ecg.EcgStatus;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DomainEventTest {

    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static List<Reading> readings(int count, int bpm) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(new Reading(T0.plusSeconds(i), bpm, null, null));
        }
        return readings;
    }

    @Test
    void manyReadingsAreSplitIntoEventsOfAtMostAThousandInOrder() {
        List<Reading> stored = readings(2500, 70);
        List<DomainEvent> events = DomainEvent.readingsStored(OWNER, stored);
        assertEquals(3, events.size());
        assertEquals(stored.subList(0, 1000), ((DomainEvent.HeartRateRecorded) events.get(0)).readings());
        assertEquals(stored.subList(2000, 2500), ((DomainEvent.HeartRateRecorded) events.get(2)).readings());
    }

    @Test
    void eachKindOfAlertIsRaisedOnceWithItsFirstReading() {
        List<Reading> stored = List.of(new Reading(T0, 160, null, Alert.HIGH), new Reading(T0.plusSeconds(1), 45, null,
                Alert.LOW), new Reading(T0.plusSeconds(2), 170, null, Alert.HIGH), new Reading(T0.plusSeconds(3), 80,
                null, null));
        assertEquals(List.of(new DomainEvent.HeartRateRecorded(OWNER, stored),
                new DomainEvent.HeartRateAlertRaised(OWNER, Alert.HIGH, 160, T0),
                new DomainEvent.HeartRateAlertRaised(OWNER, Alert.LOW, 45, T0.plusSeconds(1))),
                DomainEvent.readingsStored(OWNER, stored));
    }

    @Test
    void noAlertNoAlertEvent() {
        assertEquals(1, DomainEvent.readingsStored(OWNER, readings(3, 90)).size());
    }

    @Test
    void anAnalysisEndsDoneOrFailedNeverPending() {
        assertThrows(IllegalArgumentException.class, () -> new DomainEvent.EcgAnalysed(OWNER, UUID.randomUUID(),
                EcgStatus.PENDING, null, null, 0));
    }

    @Test
    void eventIdsStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new LoggedEvent(0, T0, new DomainEvent.EcgDeleted(OWNER,
                UUID.randomUUID())));
    }

    @Test
    void readingsCommittedTogetherAreReportedInAsFewEventsAsFitWithOneAlertPerKind() {
        UUID other = UUID.randomUUID();
        Reading high1 = new Reading(T0, 160, null, Alert.HIGH);
        Reading high2 = new Reading(T0.plusSeconds(1), 170, null, Alert.HIGH);
        Reading calm = new Reading(T0.plusSeconds(2), 80, null, null);
        DomainEvent deleted = new DomainEvent.EcgDeleted(other, UUID.randomUUID());
        List<DomainEvent> separately = new ArrayList<>();
        separately.addAll(DomainEvent.readingsStored(OWNER, List.of(high1)));
        separately.addAll(DomainEvent.readingsStored(other, List.of(calm)));
        separately.add(deleted);
        separately.addAll(DomainEvent.readingsStored(OWNER, List.of(high2, calm)));
        separately.addAll(DomainEvent.readingsStored(OWNER, readings(1500, 70)));

        List<DomainEvent> together = DomainEvent.coalesce(separately);

        List<Reading> alicesReadings = new ArrayList<>(List.of(high1, high2, calm));
        alicesReadings.addAll(readings(1500, 70));
        assertEquals(List.of(deleted,
                new DomainEvent.HeartRateRecorded(OWNER, alicesReadings.subList(0, 1000)),
                new DomainEvent.HeartRateRecorded(OWNER, alicesReadings.subList(1000, 1503)),
                new DomainEvent.HeartRateAlertRaised(OWNER, Alert.HIGH, 160, T0),
                new DomainEvent.HeartRateRecorded(other, List.of(calm))), together);
    }
}
