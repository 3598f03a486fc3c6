package domain.event;

import domain.ecg.EcgStatus;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to a user's data, reported to that user only: every event carries its owner. Events are
 * written in the same transaction as the change they report and announced after it commits.
 */
public sealed interface DomainEvent {

    /** The user whose data changed: the only one who is told. */
    UUID owner();

    /** A new ECG was stored, or an ECG's recording was replaced; either way it is pending analysis. */
    record EcgSubmitted(UUID owner, UUID ecgId) implements DomainEvent {
        public EcgSubmitted {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(ecgId);
        }
    }

    /**
     * An ECG's analysis ended.
     *
     * @param status    {@link EcgStatus#DONE} or {@link EcgStatus#FAILED}
     * @param beats     the number of beats found, or null when beats were not available (or it failed)
     * @param meanHrBpm the mean heart rate, or null when unavailable
     * @param findings  the number of rhythm findings
     */
    record EcgAnalysed(UUID owner, UUID ecgId, EcgStatus status, Integer beats, Double meanHrBpm, int findings)
            implements DomainEvent {
        public EcgAnalysed {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(ecgId);
            if (status != EcgStatus.DONE && status != EcgStatus.FAILED) {
                throw new IllegalArgumentException("an analysis ends done or failed, not " + status);
            }
        }

        public static EcgAnalysed failed(UUID owner, UUID ecgId) {
            return new EcgAnalysed(owner, ecgId, EcgStatus.FAILED, null, null, 0);
        }
    }

    record EcgDeleted(UUID owner, UUID ecgId) implements DomainEvent {
        public EcgDeleted {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(ecgId);
        }
    }

    /** Readings were stored (in arrival order); one event carries at most {@link #MAX_READINGS}. */
    record HeartRateRecorded(UUID owner, List<Reading> readings) implements DomainEvent {

        public static final int MAX_READINGS = 1000;

        public HeartRateRecorded {
            Objects.requireNonNull(owner);
            readings = List.copyOf(readings);
            if (readings.isEmpty() || readings.size() > MAX_READINGS) {
                throw new IllegalArgumentException("an event carries 1 to " + MAX_READINGS + " readings");
            }
        }
    }

    /** A stored reading raised an alert: the first reading of that alert in what was stored together. */
    record HeartRateAlertRaised(UUID owner, Alert alert, int bpm, Instant time) implements DomainEvent {
        public HeartRateAlertRaised {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(alert);
            Objects.requireNonNull(time);
        }
    }

    /**
     * The events that report {@code readings} of {@code owner} stored together: the readings in events of at most
     * {@link HeartRateRecorded#MAX_READINGS}, then one alert event per kind of alert they raised (its first reading).
     */
    static List<DomainEvent> readingsStored(UUID owner, List<Reading> readings) {
        List<DomainEvent> events = new ArrayList<>(readings.size() / HeartRateRecorded.MAX_READINGS + 3);
        recorded(owner, readings, events);
        List<Alert> raised = new ArrayList<>(2);
        for (Reading reading : readings) {
            if (reading.alert() != null && !raised.contains(reading.alert())) {
                raised.add(reading.alert());
                events.add(new HeartRateAlertRaised(owner, reading.alert(), reading.bpm(), reading.time()));
            }
        }
        return events;
    }

    /**
     * The same news in fewer events, for changes committed together: each owner's stored readings in as few
     * {@link HeartRateRecorded} events as they fit, then one {@link HeartRateAlertRaised} per owner and kind of alert
     * (the first). Other events are kept as they are, before those, in their order.
     */
    static List<DomainEvent> coalesce(List<DomainEvent> events) {
        List<DomainEvent> kept = new ArrayList<>();
        Map<UUID, List<Reading>> readings = new LinkedHashMap<>();
        Map<UUID, Map<Alert, HeartRateAlertRaised>> alerts = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            if (event instanceof HeartRateRecorded recorded) {
                readings.computeIfAbsent(recorded.owner(), owner -> new ArrayList<>()).addAll(recorded.readings());
                alerts.computeIfAbsent(recorded.owner(), owner -> new EnumMap<>(Alert.class));
            } else if (event instanceof HeartRateAlertRaised raised) {
                alerts.computeIfAbsent(raised.owner(), owner -> new EnumMap<>(Alert.class))
                        .putIfAbsent(raised.alert(), raised);
            } else {
                kept.add(event);
            }
        }
        for (Map.Entry<UUID, Map<Alert, HeartRateAlertRaised>> owner : alerts.entrySet()) {
            recorded(owner.getKey(), readings.getOrDefault(owner.getKey(), List.of()), kept);
            owner.getValue().values().stream()
                    .sorted(Comparator.comparing(HeartRateAlertRaised::time))
                    .forEach(kept::add);
        }
        return kept;
    }

    /** {@code readings} in {@link HeartRateRecorded} events of at most {@link HeartRateRecorded#MAX_READINGS}. */
    private static void recorded(UUID owner, List<Reading> readings, List<DomainEvent> into) {
        for (int from = 0; from < readings.size(); from += HeartRateRecorded.MAX_READINGS) {
            into.add(new HeartRateRecorded(owner,
                    readings.subList(from, Math.min(readings.size(), from + HeartRateRecorded.MAX_READINGS))));
        }
    }
}
