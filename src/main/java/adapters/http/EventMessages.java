package adapters.http;

import domain.ecg.EcgStatus;
import domain.event.DomainEvent;
import domain.event.DomainEvent.EcgAnalysed;
import domain.event.DomainEvent.EcgDeleted;
import domain.event.DomainEvent.EcgSubmitted;
import domain.event.DomainEvent.HeartRateAlertRaised;
import domain.event.DomainEvent.HeartRateRecorded;
import domain.event.LoggedEvent;
import domain.heartrate.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events in JSON, as {@code GET /v1/events} lists them and {@code /v1/events/stream} pushes them: {@code id} (the
 * event's number in the caller's stream), {@code type}, {@code at}, then the type's fields in snake_case.
 */
public final class EventMessages {

    private EventMessages() {
    }

    public static Map<String, Object> json(LoggedEvent logged) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", logged.id());
        DomainEvent event = logged.event();
        json.put("type", type(event));
        json.put("at", logged.at().toString());
        if (event instanceof EcgSubmitted e) {
            json.put("ecg_id", e.ecgId().toString());
        } else if (event instanceof EcgDeleted e) {
            json.put("ecg_id", e.ecgId().toString());
        } else if (event instanceof EcgAnalysed e) {
            json.put("ecg_id", e.ecgId().toString());
            json.put("status", e.status() == EcgStatus.DONE ? "done" : "failed");
            json.put("beats", e.beats());
            json.put("mean_hr_bpm", e.meanHrBpm() == null ? null : Math.round(e.meanHrBpm() * 10) / 10.0);
            json.put("findings", e.findings());
        } else if (event instanceof HeartRateRecorded e) {
            List<Map<String, Object>> readings = new ArrayList<>(e.readings().size());
            for (Reading reading : e.readings()) {
                Map<String, Object> one = new LinkedHashMap<>(6);
                one.put("timestamp", reading.time().toString());
                one.put("bpm", reading.bpm());
                one.put("alert", reading.alert() == null ? null : reading.alert().name());
                one.put("device", reading.device());
                readings.add(one);
            }
            json.put("readings", readings);
        } else if (event instanceof HeartRateAlertRaised e) {
            json.put("alert", e.alert().name());
            json.put("bpm", e.bpm());
            json.put("timestamp", e.time().toString());
        }
        return json;
    }

    /** The event's type as the API names it, and as the event log stores it. */
    public static String type(DomainEvent event) {
        if (event instanceof EcgSubmitted) {
            return "ecg_submitted";
        } else if (event instanceof EcgAnalysed) {
            return "ecg_analysed";
        } else if (event instanceof EcgDeleted) {
            return "ecg_deleted";
        } else if (event instanceof HeartRateRecorded) {
            return "heart_rate_recorded";
        }
        return "heart_rate_alert_raised";
    }
}
