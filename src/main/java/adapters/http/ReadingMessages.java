package adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import domain.DomainException;
import domain.heartrate.Alert;
import domain.heartrate.ReadingVerdict;
import domain.heartrate.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import usecase.heartrate.RecordReadings;
import usecase.port.HeartRateLog;

/**
 * Heart-rate readings in JSON, as the REST API and the WebSocket stream both take them: one reading
 * {@code {"bpm": 72, "timestamp": "2026-12-01T08:00:00Z" | 1764576000, "device": "strap"}} or an array of them;
 * and the verdict on each, in order. A reading that is not one (no bpm, a bpm that is not an integer, an
 * unknown field, a timestamp in neither form) is refused with the reason, like a reading out of range: one
 * bad element never costs the others their verdict.
 */
public final class ReadingMessages {

    private static final Logger LOG = Logger.getLogger(ReadingMessages.class);
    private static final Set<String> FIELDS = Set.of("bpm", "timestamp", "device");

    private ReadingMessages() {
    }

    /** The readings of one message, in order: each is an input for the use case or the reason it is not one. */
    public record Parsed(List<Object> items, boolean array) {

        public List<RecordReadings.Input> inputs() {
            List<RecordReadings.Input> inputs = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof RecordReadings.Input input) {
                    inputs.add(input);
                }
            }
            return inputs;
        }

        /** The verdicts of all items, in order: those of the inputs as the use case gave them, in their places. */
        public List<Verdict> verdicts(List<ReadingVerdict> ofInputs) {
            List<Verdict> verdicts = new ArrayList<>(items.size());
            Iterator<ReadingVerdict> next = ofInputs.iterator();
            for (Object item : items) {
                verdicts.add(item instanceof String reason ? Verdict.rejected(reason) : Verdict.of(next.next()));
            }
            return verdicts;
        }

        /** The replies when the inputs could not be stored: each input gets the error, the others stay refused. */
        public List<Verdict> failed(String reason) {
            List<Verdict> verdicts = new ArrayList<>(items.size());
            for (Object item : items) {
                verdicts.add(item instanceof String refusal ? Verdict.rejected(refusal) : Verdict.error(reason));
            }
            return verdicts;
        }
    }

    /** The reply to one reading. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Verdict(String status, String alert, String message) {

        private static final Verdict ACCEPTED = new Verdict("accepted", null, "Heart rate recorded");
        private static final Verdict LOW = new Verdict("accepted", "LOW", "Heart rate recorded; it is below your low alert threshold");
        private static final Verdict HIGH = new Verdict("accepted", "HIGH", "Heart rate recorded; it is above your high alert threshold");

        public static Verdict of(ReadingVerdict verdict) {
            if (verdict instanceof ReadingVerdict.Rejected rejected) {
                return rejected(rejected.reason());
            }
            Alert alert = ((ReadingVerdict.Accepted) verdict).alert();
            return alert == null ? ACCEPTED : alert == Alert.LOW ? LOW : HIGH;
        }

        public static Verdict rejected(String reason) {
            return new Verdict("rejected", null, reason);
        }

        /** The reply to a message that holds no readings at all (not JSON, not an object or array). */
        public static Verdict error(String reason) {
            return new Verdict("error", null, reason);
        }
    }

    /**
     * @return null when the message is neither a reading object nor an array of them
     */
    public static Parsed parse(JsonNode message) {
        if (message == null || !(message.isObject() || message.isArray())) {
            return null;
        }
        if (message.isObject()) {
            return new Parsed(List.of(item(message)), false);
        }
        List<Object> items = new ArrayList<>(message.size());
        for (JsonNode element : message) {
            items.add(item(element));
        }
        return new Parsed(items, true);
    }

    private static Object item(JsonNode reading) {
        if (!reading.isObject()) {
            return "A reading must be an object such as {\"bpm\": 72}";
        }
        for (Iterator<String> names = reading.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return "'" + shorten(name) + "' is not a field of a reading (bpm, timestamp, device)";
            }
        }
        JsonNode bpm = reading.get("bpm");
        if (bpm == null || bpm.isNull()) {
            return "bpm is required";
        }
        if (!bpm.isIntegralNumber() || !bpm.canConvertToInt()) {
            return "bpm must be a whole number";
        }
        Instant time = null;
        JsonNode timestamp = reading.get("timestamp");
        if (timestamp != null && !timestamp.isNull()) {
            time = timestamp.isNumber() ? Timestamps.ofEpochSeconds(timestamp.asDouble())
                    : timestamp.isTextual() ? Timestamps.parse(timestamp.asText()) : null;
            if (time == null) {
                return "timestamp must be " + Timestamps.EXPECTED;
            }
        }
        JsonNode device = reading.get("device");
        if (device != null && !device.isNull() && !device.isTextual()) {
            return "device must be a string";
        }
        return new RecordReadings.Input(bpm.intValue(), time,
                device == null || device.isNull() ? null : device.asText());
    }

    /**
     * What a streaming client is told when its readings could not be stored: too many waiting, the account gone,
     * the database away (all worth sending again, or not), or, logged, anything else.
     */
    public static String unstoredReason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HeartRateLog.Overloaded || cause instanceof DomainException) {
            return cause.getMessage();
        }
        if (Failures.databaseUnreachable(cause)) {
            return "The database is unavailable; the reading was not stored. Send it again shortly.";
        }
        LOG.warnf("heart-rate readings from a stream could not be stored: %s", cause.toString());
        return "The reading could not be stored; send it again shortly.";
    }

    private static String shorten(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
