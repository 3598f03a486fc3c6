package adapters.fileformat.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import domain.InvalidInputException;
import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import domain.analysis.AnalysisReport;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.IntArrayBuilder;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.RecordingLimits;
import domain.ecg.Signal;
import domain.heartrate.Alert;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import usecase.port.ArchiveFormat;
import usecase.port.ArchiveReader;
import usecase.port.ArchiveWriter;
import usecase.port.StoredEcg;

/**
 * The Sinus archive: gzip-compressed JSON lines. The first line is a header
 * {@code {"format":"sinus-archive","version":1,...}}; then one record per line with a {@code type}
 * of {@code user}, {@code api_token} or {@code ecg} (samples as plain integer arrays, independent of
 * any database's storage); the last line is {@code {"type":"end",...}} with the counts, so a truncated
 * archive is recognised. Password and token hashes travel as they are stored: never a secret.
 *
 * <p>Both directions stream token by token: a record's samples go straight between the int arrays and
 * the gzip stream, never through a tree of JSON nodes, and reading is bounded by the parser's limits and
 * the recording limits, so no archive, however large or hostile, needs more memory than its largest
 * admissible recording.
 */
public final class NdjsonArchive implements ArchiveFormat {

    static final String FORMAT = "sinus-archive";
    /** 2 added heart-rate settings and readings; version 1 archives (without them) are read too. */
    static final int VERSION = 2;

    private final JsonFactory json;
    private final String sourceDatabase;
    private final RecordingLimits limits;

    /**
     * @param json           the JSON parser and generator, with the stream limits every JSON input gets
     * @param sourceDatabase named in the header of the archives written (h2, postgresql)
     * @param limits         checked for every recording read
     */
    public NdjsonArchive(JsonFactory json, String sourceDatabase, RecordingLimits limits) {
        this.json = json;
        this.sourceDatabase = sourceDatabase;
        this.limits = limits;
    }

    @Override
    public Output writer(OutputStream target) {
        return new Writer(json, target, sourceDatabase);
    }

    @Override
    public ArchiveReader reader(Path archive) {
        return new Reader(json, archive, limits);
    }

    static final class Writer implements ArchiveFormat.Output {

        private final GZIPOutputStream out;
        private final JsonGenerator json;

        Writer(JsonFactory factory, OutputStream target, String sourceDatabase) {
            try {
                this.out = new GZIPOutputStream(target, 1 << 16);
                this.json = factory.createGenerator(out);
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.setRootValueSeparator(null); // records are separated by the newline each one ends with
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeNumberField("version", VERSION);
                json.writeStringField("created_at", Instant.now().toString());
                json.writeStringField("source_database", sourceDatabase);
                endRecord();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void user(User user) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "user");
                json.writeStringField("id", user.id().toString());
                json.writeStringField("username", user.username().value());
                json.writeStringField("password_hash", user.passwordHash());
                json.writeStringField("role", user.role().name());
                json.writeStringField("created_at", user.createdAt().toString());
            });
        }

        @Override
        public void apiToken(ApiToken token) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "api_token");
                json.writeStringField("id", token.id().toString());
                json.writeStringField("user_id", token.userId().toString());
                json.writeStringField("name", token.name());
                json.writeStringField("secret_hash", token.secretHash());
                json.writeStringField("created_at", token.createdAt().toString());
                json.writeStringField("expires_at", token.expiresAt().toString());
            });
        }

        @Override
        public void ecg(StoredEcg stored) {
            Ecg ecg = stored.ecg();
            Recording recording = ecg.recording();
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "ecg");
                json.writeStringField("id", ecg.id().toString());
                json.writeStringField("owner_id", ecg.ownerId().toString());
                json.writeStringField("date", recording.date() == null ? null : recording.date().toString());
                if (recording.samplingRateHz() == null) {
                    json.writeNullField("sampling_rate_hz");
                } else {
                    json.writeNumberField("sampling_rate_hz", recording.samplingRateHz());
                }
                json.writeStringField("status", ecg.status().name());
                json.writeStringField("submitted_at", ecg.submittedAt().toString());
                json.writeStringField("analysed_at", stored.analysedAt() == null ? null : stored.analysedAt().toString());
                json.writeNumberField("revision", ecg.revision());
                json.writeArrayFieldStart("leads");
                for (Lead lead : recording.leads()) {
                    json.writeStartObject();
                    json.writeStringField("name", lead.name());
                    json.writeArrayFieldStart("signal");
                    for (int i = 0; i < lead.numberOfSamples(); i++) {
                        json.writeNumber(lead.signal().get(i));
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                Optional<ZeroCrossings> crossings = stored.report() == null ? Optional.empty()
                        : stored.report().find(ZeroCrossings.class);
                if (crossings.isPresent()) {
                    json.writeArrayFieldStart("zero_crossings");
                    for (ZeroCrossings.LeadCount count : crossings.get().perLead()) {
                        json.writeNumber(count.count());
                    }
                    json.writeEndArray();
                }
            });
        }

        @Override
        public void heartRateSettings(UUID owner, AlertThresholds thresholds) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "heart_rate_settings");
                json.writeStringField("owner_id", owner.toString());
                json.writeNumberField("low_alert_below_bpm", thresholds.lowBelow());
                json.writeNumberField("high_alert_above_bpm", thresholds.highAbove());
            });
        }

        /** Each reading as [epoch milliseconds, bpm, alert (0 none, 1 low, 2 high), device or null]. */
        @Override
        public void heartRateReadings(UUID owner, List<Reading> readings) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "heart_rate_readings");
                json.writeStringField("owner_id", owner.toString());
                json.writeArrayFieldStart("readings");
                for (Reading reading : readings) {
                    json.writeStartArray();
                    json.writeNumber(reading.time().toEpochMilli());
                    json.writeNumber(reading.bpm());
                    json.writeNumber(reading.alert() == null ? 0 : reading.alert() == Alert.LOW ? 1 : 2);
                    json.writeString(reading.device());
                    json.writeEndArray();
                }
                json.writeEndArray();
            });
        }

        @Override
        public void end(ArchiveCounts counts) {
            write(() -> {
                json.writeStartObject();
                json.writeStringField("type", "end");
                json.writeNumberField("users", counts.users());
                json.writeNumberField("api_tokens", counts.apiTokens());
                json.writeNumberField("ecgs", counts.ecgs());
                json.writeNumberField("heart_rate_settings", counts.heartRateSettings());
                json.writeNumberField("heart_rate_readings", counts.heartRateReadings());
            });
        }

        private interface Fields {
            void write() throws IOException;
        }

        /** One record: the fields, then the closing brace and the newline. */
        private void write(Fields fields) {
            try {
                fields.write();
                endRecord();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void endRecord() throws IOException {
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.close();
            out.finish();
            out.flush();
        }
    }

    /** Reads an archive spooled to a file, as often as asked. */
    static final class Reader implements ArchiveReader {

        private final JsonFactory factory;
        private final Path file;
        private final RecordingLimits limits;

        Reader(JsonFactory factory, Path file, RecordingLimits limits) {
            this.factory = factory;
            this.file = file;
            this.limits = limits;
        }

        @Override
        public void read(Handler handler) {
            long[] recordLine = {1}; // where the record being read began: errors are reported there
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                 JsonParser parser = factory.createParser(in)) {
                header(parser);
                while (parser.nextToken() != null) {
                    recordLine[0] = parser.currentLocation().getLineNr();
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw invalid(recordLine[0], "is not a JSON object");
                    }
                    try {
                        record(new Record(parser, limits), handler);
                    } catch (InvalidInputException e) {
                        throw e.violations().get(0).field().startsWith("archive") ? e
                                : invalid(recordLine[0], "breaks a rule: " + e.violations().get(0));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        throw invalid(recordLine[0], "holds a record Sinus cannot read (" + e.getMessage() + ")");
                    }
                }
            } catch (ZipException e) {
                throw invalid(0, "is not gzip-compressed, or its compressed data is corrupt");
            } catch (java.io.EOFException e) {
                throw invalid(recordLine[0], "ends abruptly: the archive is truncated");
            } catch (JsonProcessingException e) {
                throw invalid(recordLine[0], "is not valid JSON, or exceeds a limit of the JSON parser");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void header(JsonParser parser) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(1, "is not a Sinus archive header");
            }
            Record header = new Record(parser, limits);
            if (!FORMAT.equals(header.scalars.get("format"))) {
                throw invalid(1, "is not a Sinus archive header");
            }
            Object version = header.scalars.get("version");
            if (!(version instanceof Long number) || number < 1 || number > VERSION) {
                throw invalid(1, "is archive version " + version + "; this Sinus reads versions 1 to " + VERSION);
            }
        }

        private static void record(Record record, Handler handler) {
            String type = record.text("type");
            switch (type) {
                case "user" -> handler.user(new User(record.uuid("id"), new Username(record.text("username")),
                        record.text("password_hash"), role(record.text("role")), record.instant("created_at")));
                case "api_token" -> handler.apiToken(new ApiToken(record.uuid("id"), record.uuid("user_id"),
                        record.optionalText("name"), record.text("secret_hash"),
                        record.instant("created_at"), record.instant("expires_at")));
                case "ecg" -> handler.ecg(record.ecg());
                case "heart_rate_settings" -> handler.heartRateSettings(record.uuid("owner_id"),
                        new AlertThresholds(record.integer("low_alert_below_bpm"), record.integer("high_alert_above_bpm")));
                case "heart_rate_readings" -> handler.heartRateReadings(record.uuid("owner_id"), record.readings);
                case "end" -> handler.end(new ArchiveWriter.ArchiveCounts(record.count("users"),
                        record.count("api_tokens"), record.count("ecgs"), record.optionalCount("heart_rate_settings"),
                        record.optionalCount("heart_rate_readings")));
                default -> throw new IllegalArgumentException("unknown record type '" + shorten(type) + "'");
            }
        }

        private static Role role(String text) {
            for (Role role : Role.values()) {
                if (role.name().equals(text)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("role must be ADMIN or USER, not '" + shorten(text) + "'");
        }

        private static String shorten(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }

        private static InvalidInputException invalid(long line, String message) {
            return InvalidInputException.of(line > 0 ? "archive line " + line : "archive", message);
        }
    }

    /** One record's fields: scalars by name, and for an ECG its leads, read as they stream by. */
    private static final class Record {

        final Map<String, Object> scalars = new HashMap<>();
        final List<Lead> leads = new ArrayList<>();
        static final int MAX_READINGS = 100_000;
        final List<Reading> readings = new ArrayList<>();
        private final RecordingLimits limits;
        private long samples;

        /** Reads the object whose START_OBJECT is the parser's current token, up to and including its end. */
        Record(JsonParser parser, RecordingLimits limits) throws IOException {
            this.limits = limits;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING -> scalars.put(field, parser.getText());
                    case VALUE_NUMBER_INT -> scalars.put(field, parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? null : parser.getLongValue());
                    case VALUE_NULL -> scalars.put(field, null);
                    case START_ARRAY -> {
                        if (field.equals("leads")) {
                            leads(parser);
                        } else if (field.equals("readings")) {
                            readings(parser);
                        } else {
                            parser.skipChildren(); // zero_crossings and the like: results are computed again here
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }

        /** At most {@value #MAX_READINGS} readings per record, so that one record never holds more in memory. */
        private void readings(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                if (readings.size() >= MAX_READINGS) {
                    throw new IllegalArgumentException("a heart_rate_readings record holds more than " + MAX_READINGS);
                }
                long millis = longValue(parser, "time");
                long bpm = longValue(parser, "bpm");
                long alert = longValue(parser, "alert");
                JsonToken device = parser.nextToken();
                if (device != JsonToken.VALUE_STRING && device != JsonToken.VALUE_NULL) {
                    throw new IllegalArgumentException("reading " + readings.size() + " has no device string or null");
                }
                String name = device == JsonToken.VALUE_NULL ? null : parser.getText();
                if (parser.nextToken() != JsonToken.END_ARRAY || bpm < Short.MIN_VALUE || bpm > Short.MAX_VALUE
                        || alert < 0 || alert > 2 || millis < 0) {
                    throw new IllegalArgumentException("reading " + readings.size()
                            + " is not [epoch milliseconds, bpm, alert 0-2, device]");
                }
                readings.add(new Reading(Instant.ofEpochMilli(millis), (int) bpm, name,
                        alert == 0 ? null : alert == 1 ? Alert.LOW : Alert.HIGH));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("'readings' must be an array of arrays");
            }
        }

        private long longValue(JsonParser parser, String what) throws IOException {
            if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new IllegalArgumentException("reading " + readings.size() + " has no integer " + what);
            }
            return parser.getLongValue();
        }

        private void leads(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (leads.size() >= limits.maxLeads()) {
                    throw new IllegalArgumentException("an ECG " + limits.tooManyLeads());
                }
                String name = null;
                int[] signal = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                        name = parser.getText();
                    } else if (field.equals("signal") && value == JsonToken.START_ARRAY) {
                        signal = signal(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (signal == null) {
                    throw new IllegalArgumentException("lead " + leads.size() + " has no signal");
                }
                leads.add(new Lead(name, Signal.wrap(signal)));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("'leads' must be an array of objects");
            }
        }

        private int[] signal(JsonParser parser) throws IOException {
            IntArrayBuilder values = new IntArrayBuilder(limits.maxSamplesPerLead());
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw new IllegalArgumentException("sample " + values.size() + " of lead " + leads.size()
                            + " is not a 32-bit integer");
                }
                if (!values.add(parser.getIntValue())) {
                    throw new IllegalArgumentException("a lead " + limits.tooManySamplesPerLead());
                }
                if (++samples > limits.maxSamples()) {
                    throw new IllegalArgumentException("an ECG " + limits.tooManySamples());
                }
            }
            return values.toArray();
        }

        String text(String field) {
            if (!(scalars.get(field) instanceof String text)) {
                throw new IllegalArgumentException("'" + field + "' is missing or not a string");
            }
            return text;
        }

        String optionalText(String field) {
            return scalars.get(field) == null ? null : text(field);
        }

        UUID uuid(String field) {
            return UUID.fromString(text(field));
        }

        Instant instant(String field) {
            return Instant.parse(text(field));
        }

        long optionalCount(String field) {
            return scalars.containsKey(field) ? count(field) : 0;
        }

        int integer(String field) {
            if (!(scalars.get(field) instanceof Long value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + field + "' is not an integer");
            }
            return value.intValue();
        }

        long count(String field) {
            if (!(scalars.get(field) instanceof Long count) || count < 0) {
                throw new IllegalArgumentException("'" + field + "' is not a count");
            }
            return count;
        }

        StoredEcg ecg() {
            Object rate = scalars.get("sampling_rate_hz");
            if (rate != null && !(rate instanceof Long)) {
                throw new IllegalArgumentException("'sampling_rate_hz' is not an integer");
            }
            if (rate != null && ((Long) rate < Integer.MIN_VALUE || (Long) rate > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("'sampling_rate_hz' is out of range");
            }
            Integer samplingRate = rate == null ? null : ((Long) rate).intValue();
            Instant date = scalars.get("date") == null ? null : instant("date");
            Object revision = scalars.get("revision");
            Ecg ecg = new Ecg(uuid("id"), uuid("owner_id"), new Recording(date, samplingRate, leads),
                    status(text("status")), instant("submitted_at"), revision instanceof Long r ? r : 0);
            Instant analysedAt = scalars.get("analysed_at") == null ? null : instant("analysed_at");
            return new StoredEcg(ecg, analysedAt, (AnalysisReport) null);
        }

        private static EcgStatus status(String text) {
            for (EcgStatus status : EcgStatus.values()) {
                if (status.name().equals(text)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("status must be PENDING, DONE or FAILED");
        }
    }
}
