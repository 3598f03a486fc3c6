package adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import domain.Violations;
import domain.ecg.IntArrayBuilder;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads an ECG submission ({@code {"id", "date", "sampling_rate_hz", "leads": [{"name",
 * "number_of_samples", "signal"}]}}) straight from the body's tokens: samples go into one {@code int[]}
 * per lead, never an object per number, and the recording limits are checked while reading, so a body
 * cannot make Sinus allocate more than those limits allow. Every broken rule is collected with its path,
 * a wrong type as much as a wrong value ({@code leads[0].signal[3]}: "must be an integer"), and reported
 * together with the domain's own rules. Malformed JSON is a {@link com.fasterxml.jackson.core.JsonParseException}.
 */
final class EcgSubmissionReader {

    /** A submission that passed every rule. */
    record Submission(UUID id, Recording recording) {
    }

    /** The body is not a JSON object at all: a 400, not a list of field errors. */
    static final class NotAnObject extends RuntimeException {
        NotAnObject() {
            super("The body must be a JSON object.", null, false, false);
        }
    }

    private static final String INTEGER = "must be an integer";
    private static final String DATE = "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T08:30:00Z";

    private final RecordingLimits limits;
    private final Violations violations = new Violations();
    private long samplesRead;

    private EcgSubmissionReader(RecordingLimits limits) {
        this.limits = limits;
    }

    static Submission read(JsonFactory json, InputStream body, RecordingLimits limits) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            return new EcgSubmissionReader(limits).submission(parser);
        }
    }

    private Submission submission(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new NotAnObject();
        }
        UUID id = null;
        OffsetDateTime date = null;
        Integer rate = null;
        List<Lead.Draft> leads = null;
        // A field given twice is malformed JSON here (StrictJson's duplicate detection), not a rule violation.
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = uuid(parser, value, "id");
                case "date" -> date = date(parser, value, "date");
                case "sampling_rate_hz" -> rate = rate(parser, value);
                case "leads" -> leads = leads(parser, value);
                default -> unknown(parser, field);
            }
        }
        if (parser.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "content after the JSON object");
        }
        Recording recording = Recording.fromDraft(date == null ? null : date.toInstant(), rate, leads, violations);
        return new Submission(id, recording);
    }

    private void unknown(JsonParser parser, String field) throws IOException {
        violations.add(field, "is not a known field");
        parser.skipChildren();
    }

    private UUID uuid(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                String text = parser.getText();
                UUID id = UUID.fromString(text);
                if (id.toString().equalsIgnoreCase(text)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        violations.add(field, "must be a UUID");
        parser.skipChildren();
        return null;
    }

    private OffsetDateTime date(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            try {
                return OffsetDateTime.parse(parser.getText());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        violations.add(field, DATE);
        parser.skipChildren();
        return null;
    }

    private Integer rate(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            violations.add("sampling_rate_hz", "must be between " + Recording.MIN_SAMPLING_RATE_HZ + " and "
                    + Recording.MAX_SAMPLING_RATE_HZ);
            return null;
        }
        violations.add("sampling_rate_hz", INTEGER);
        parser.skipChildren();
        return null;
    }

    private List<Lead.Draft> leads(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            violations.add("leads", "must be an array of leads");
            parser.skipChildren();
            return List.of();
        }
        List<Lead.Draft> leads = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (index >= limits.maxLeads()) {
                violations.add("leads", limits.tooManyLeads());
                parser.skipChildren();
            } else {
                leads.add(lead(parser, parser.currentToken(), "leads[" + index + "]"));
            }
            index++;
        }
        return leads;
    }

    private Lead.Draft lead(JsonParser parser, JsonToken value, String path) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            violations.add(path, "must be an object");
            parser.skipChildren();
            return null;
        }
        String name = null;
        Integer declared = null;
        int[] signal = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            String fieldPath = path + "." + field;
            JsonToken token = parser.nextToken();
            switch (field) {
                case "name" -> {
                    if (token == JsonToken.VALUE_STRING) {
                        name = parser.getText();
                    } else if (token != JsonToken.VALUE_NULL) {
                        violations.add(fieldPath, "must be a string");
                        parser.skipChildren();
                    }
                }
                case "number_of_samples" -> {
                    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                        declared = parser.getIntValue();
                    } else if (token != JsonToken.VALUE_NULL) {
                        violations.add(fieldPath, INTEGER);
                        parser.skipChildren();
                    }
                }
                case "signal" -> signal = signal(parser, token, fieldPath);
                default -> unknown(parser, fieldPath);
            }
        }
        return new Lead.Draft(name, declared, signal);
    }

    /** The samples; a sample of the wrong kind is reported with its index and read as 0, so the count stays right. */
    private int[] signal(JsonParser parser, JsonToken value, String path) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            violations.add(path, "must be an array of integers");
            parser.skipChildren();
            return new int[0];
        }
        IntArrayBuilder samples = new IntArrayBuilder(limits.maxSamplesPerLead());
        boolean full = false;
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int sample = 0;
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
                sample = parser.getIntValue();
            } else {
                violations.add(path + "[" + index + "]", token == JsonToken.VALUE_NUMBER_INT
                        ? "is out of the 32-bit integer range" : INTEGER);
                parser.skipChildren();
            }
            if (!full && !samples.add(sample)) {
                violations.add(path, limits.tooManySamplesPerLead());
                full = true;
            }
            if (!full && ++samplesRead > limits.maxSamples()) {
                violations.add("leads", limits.tooManySamples());
                full = true;
            }
            index++;
        }
        return samples.toArray();
    }
}
