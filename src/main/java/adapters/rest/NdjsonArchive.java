package adapters.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.InvalidInputException;
import domain.analysis.AnalysisReport;
import domain.analysis.ZeroCrossings;
import domain.account.ApiToken;
import domain.account.Role;
import domain.account.User;
import domain.account.Username;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import usecase.port.ArchiveReader;
import usecase.port.ArchiveWriter;
import usecase.port.StoredEcg;

/**
 * The Sinus archive: gzip-compressed JSON lines. The first line is a header
 * {@code {"format":"sinus-archive","version":1,...}}; then one record per line with a {@code type}
 * of {@code user}, {@code api_token} or {@code ecg} (samples as plain integer arrays, independent of
 * any database's storage); the last line is {@code {"type":"end",...}} with the counts, so a truncated
 * archive is recognised. Password and token hashes travel as they are stored: never a secret.
 */
final class NdjsonArchive {

    static final String MEDIA_TYPE = "application/gzip";
    static final String FORMAT = "sinus-archive";
    static final int VERSION = 1;

    private NdjsonArchive() {
    }

    static final class Writer implements ArchiveWriter, AutoCloseable {

        private final ObjectMapper mapper;
        private final GZIPOutputStream out;

        Writer(ObjectMapper mapper, OutputStream target, String sourceDatabase) {
            this.mapper = mapper;
            try {
                this.out = new GZIPOutputStream(target, 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode header = mapper.createObjectNode()
                    .put("format", FORMAT).put("version", VERSION)
                    .put("created_at", Instant.now().toString()).put("source_database", sourceDatabase);
            line(header);
        }

        @Override
        public void user(User user) {
            line(mapper.createObjectNode().put("type", "user").put("id", user.id().toString())
                    .put("username", user.username().value()).put("password_hash", user.passwordHash())
                    .put("role", user.role().name()).put("created_at", user.createdAt().toString()));
        }

        @Override
        public void apiToken(ApiToken token) {
            line(mapper.createObjectNode().put("type", "api_token").put("id", token.id().toString())
                    .put("user_id", token.userId().toString()).put("name", token.name())
                    .put("secret_hash", token.secretHash()).put("created_at", token.createdAt().toString())
                    .put("expires_at", token.expiresAt().toString()));
        }

        @Override
        public void ecg(StoredEcg stored) {
            Ecg ecg = stored.ecg();
            Recording recording = ecg.recording();
            ObjectNode node = mapper.createObjectNode().put("type", "ecg").put("id", ecg.id().toString())
                    .put("owner_id", ecg.ownerId().toString())
                    .put("date", recording.date() == null ? null : recording.date().toString())
                    .put("sampling_rate_hz", recording.samplingRateHz())
                    .put("status", ecg.status().name()).put("submitted_at", ecg.submittedAt().toString())
                    .put("analysed_at", stored.analysedAt() == null ? null : stored.analysedAt().toString())
                    .put("revision", ecg.revision());
            ArrayNode leads = node.putArray("leads");
            for (Lead lead : recording.leads()) {
                ArrayNode signal = leads.addObject().put("name", lead.name()).putArray("signal");
                for (int i = 0; i < lead.numberOfSamples(); i++) {
                    signal.add(lead.signal().get(i));
                }
            }
            Optional<ZeroCrossings> crossings = stored.report() == null ? Optional.empty()
                    : stored.report().find(ZeroCrossings.class);
            if (crossings.isPresent()) {
                ArrayNode counts = node.putArray("zero_crossings");
                crossings.get().perLead().forEach(count -> counts.add(count.count()));
            }
            line(node);
        }

        @Override
        public void end(ArchiveCounts counts) {
            line(mapper.createObjectNode().put("type", "end").put("users", counts.users())
                    .put("api_tokens", counts.apiTokens()).put("ecgs", counts.ecgs()));
        }

        private void line(JsonNode node) {
            try {
                out.write(mapper.writeValueAsBytes(node));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.finish();
            out.flush();
        }
    }

    /** Reads an archive spooled to a file, as often as asked. */
    static final class Reader implements ArchiveReader {

        private final ObjectMapper mapper;
        private final Path file;

        Reader(ObjectMapper mapper, Path file) {
            this.mapper = mapper;
            this.file = file;
        }

        @Override
        public void read(Handler handler) {
            long lineNumber = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                String line = lines.readLine();
                lineNumber++;
                header(line);
                while ((line = lines.readLine()) != null) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        record(mapper.readTree(line), handler);
                    }
                }
            } catch (ZipException e) {
                throw invalid(0, "is not gzip-compressed");
            } catch (JsonProcessingException e) {
                throw invalid(lineNumber, "is not valid JSON");
            } catch (java.io.EOFException e) {
                throw invalid(lineNumber, "ends abruptly: the archive is truncated");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidInputException e) {
                throw e.violations().get(0).field().startsWith("archive") ? e
                        : invalid(lineNumber, "breaks a rule: " + e.getMessage());
            } catch (RuntimeException e) {
                throw invalid(lineNumber, "holds a record Sinus cannot read (" + e.getMessage() + ")");
            }
        }

        private void header(String line) throws JsonProcessingException {
            JsonNode header = line == null ? null : mapper.readTree(line);
            if (header == null || !FORMAT.equals(header.path("format").asText())) {
                throw invalid(1, "is not a Sinus archive header");
            }
            int version = header.path("version").asInt(-1);
            if (version != VERSION) {
                throw invalid(1, "is archive version " + version + "; this Sinus reads version " + VERSION);
            }
        }

        private void record(JsonNode node, Handler handler) {
            switch (node.path("type").asText()) {
                case "user" -> handler.user(new User(uuid(node, "id"), new Username(text(node, "username")),
                        text(node, "password_hash"), Role.valueOf(text(node, "role")), instant(node, "created_at")));
                case "api_token" -> handler.apiToken(new ApiToken(uuid(node, "id"), uuid(node, "user_id"),
                        node.path("name").asText(null), text(node, "secret_hash"),
                        instant(node, "created_at"), instant(node, "expires_at")));
                case "ecg" -> handler.ecg(ecg(node));
                case "end" -> handler.end(new ArchiveWriter.ArchiveCounts(node.path("users").asLong(),
                        node.path("api_tokens").asLong(), node.path("ecgs").asLong()));
                default -> throw new IllegalArgumentException("unknown record type '" + node.path("type").asText() + "'");
            }
        }

        private static StoredEcg ecg(JsonNode node) {
            List<Lead> leads = new ArrayList<>();
            for (JsonNode lead : node.path("leads")) {
                JsonNode signal = lead.path("signal");
                int[] samples = new int[signal.size()];
                for (int i = 0; i < samples.length; i++) {
                    if (!signal.get(i).canConvertToInt() || !signal.get(i).isIntegralNumber()) {
                        throw new IllegalArgumentException("sample " + i + " is not a 32-bit integer");
                    }
                    samples[i] = signal.get(i).intValue();
                }
                leads.add(new Lead(text(lead, "name"), Signal.wrap(samples)));
            }
            Integer rate = absent(node, "sampling_rate_hz") ? null : node.path("sampling_rate_hz").asInt();
            Instant date = absent(node, "date") ? null : instant(node, "date");
            Ecg ecg = new Ecg(uuid(node, "id"), uuid(node, "owner_id"), new Recording(date, rate, leads),
                    EcgStatus.valueOf(text(node, "status")), instant(node, "submitted_at"), node.path("revision").asLong());
            Instant analysedAt = absent(node, "analysed_at") ? null : instant(node, "analysed_at");
            AnalysisReport report = null;
            if (node.has("zero_crossings")) {
                List<Integer> counts = new ArrayList<>();
                node.path("zero_crossings").forEach(count -> counts.add(count.asInt()));
                report = new AnalysisReport(List.of(ZeroCrossings.of(leads, counts)));
            }
            return new StoredEcg(ecg, analysedAt, report);
        }

        private static boolean absent(JsonNode node, String field) {
            return node.path(field).isNull() || node.path(field).isMissingNode();
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (!value.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' is missing");
            }
            return value.asText();
        }

        private static UUID uuid(JsonNode node, String field) {
            return UUID.fromString(text(node, field));
        }

        private static Instant instant(JsonNode node, String field) {
            return Instant.parse(text(node, field));
        }

        private static InvalidInputException invalid(long line, String message) {
            return InvalidInputException.of(line > 0 ? "archive line " + line : "archive", message);
        }
    }
}
