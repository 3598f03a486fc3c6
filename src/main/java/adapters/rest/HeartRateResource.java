package adapters.rest;

import adapters.http.Caller;
import adapters.http.Problem;
import adapters.http.ReadingMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.InvalidInputException;
import domain.Violations;
import domain.heartrate.AlertThresholds;
import domain.heartrate.Timestamps;
import domain.heartrate.TrainingZones;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import usecase.PageRequest;
import usecase.heartrate.ComputeTrainingZones;
import usecase.heartrate.GetHeartRateSeries;
import usecase.heartrate.GetHeartRateStatus;
import usecase.heartrate.HeartRateAlertSettings;
import usecase.heartrate.HeartRatePolicy;
import usecase.heartrate.ImportHeartRateCsv;
import usecase.heartrate.ListReadings;
import usecase.heartrate.RecordReadings;

@Path("/v1/heart-rate")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Heart rate", description = "Readings, status, training zones, CSV import. Users see only their own.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Administrators have no heart-rate data", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HeartRateResource {

    private static final String READING_FORMAT = "A reading is {\"bpm\": 72, \"timestamp\": \"2026-12-01T08:00:00Z\" "
            + "(or Unix seconds; default now), \"device\": \"chest strap\" (optional, at most 64 characters)}. Valid: "
            + "40-180 bpm, at most 5 minutes ahead of the server's clock. Alerts: LOW below, HIGH above your thresholds "
            + "(default 50 and 150 bpm).";

    private final SecurityIdentity identity;
    private final RecordReadings recordReadings;
    private final ListReadings listReadings;
    private final GetHeartRateStatus getStatus;
    private final ComputeTrainingZones computeZones;
    private final ImportHeartRateCsv importCsv;
    private final GetHeartRateSeries getSeries;
    private final HeartRateAlertSettings settings;
    private final HeartRatePolicy policy;
    private final Clock clock;

    HeartRateResource(SecurityIdentity identity, RecordReadings recordReadings, ListReadings listReadings,
                      GetHeartRateStatus getStatus, ComputeTrainingZones computeZones, ImportHeartRateCsv importCsv,
                      GetHeartRateSeries getSeries, HeartRateAlertSettings settings, HeartRatePolicy policy,
                      Clock clock) {
        this.identity = identity;
        this.recordReadings = recordReadings;
        this.listReadings = listReadings;
        this.getStatus = getStatus;
        this.computeZones = computeZones;
        this.importCsv = importCsv;
        this.getSeries = getSeries;
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
    }

    @POST
    @Path("/readings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record one reading or an array of them", description = READING_FORMAT + " One verdict per "
            + "reading, in order (an object for an object, an array for an array); a batch is never all or nothing. "
            + "The answer comes once the accepted readings are stored.")
    @APIResponse(responseCode = "200", description = "Verdicts", content = @Content(schema = @Schema(
            implementation = ReadingMessages.Verdict.class)))
    @APIResponse(responseCode = "400", description = "Not JSON")
    @APIResponse(responseCode = "422", description = "Neither a reading nor an array, or more readings than one request may carry")
    @APIResponse(responseCode = "503", description = "Too many readings waiting to be stored; retry after the Retry-After")
    public Uni<Object> record(@RequestBody(required = true) JsonNode body) {
        ReadingMessages.Parsed parsed = ReadingMessages.parse(body);
        if (parsed == null) {
            throw InvalidInputException.of("body", "must be a reading object or an array of readings");
        }
        return Uni.createFrom().completionStage(() -> recordReadings.execute(owner(), parsed.inputs()))
                .map(verdicts -> {
                    List<ReadingMessages.Verdict> replies = parsed.verdicts(verdicts);
                    return parsed.array() ? replies : replies.get(0);
                });
    }

    @GET
    @Path("/readings")
    @Operation(summary = "List your readings in time order", description = "from (inclusive) and to (exclusive): "
            + "ISO-8601 with an offset or Unix seconds.")
    @APIResponse(responseCode = "422", description = "Invalid from, to, page or size")
    public PageJson<HeartRateJson.ReadingOut> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("page") String page,
                                                   @Parameter(description = "1-100, default 100") @QueryParam("size") String size) {
        PageRequest request = new PageRequest(QueryParams.integer("page", page, 0), QueryParams.integer("size", size, 100));
        return PageJson.of(listReadings.execute(new ListReadings.Query(owner(), QueryParams.instant("from", from),
                QueryParams.instant("to", to), request)), HeartRateJson.ReadingOut::of);
    }

    @GET
    @Path("/status")
    @Operation(summary = "Latest readings, alert and statistics of a recent window", description = "alert_type is "
            + "the worst alert raised in the window (HIGH wins over LOW); stats cover the window.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeartRateJson.StatusOut.class)))
    @APIResponse(responseCode = "422", description = "recent outside 1-1000, or window not a duration of at most a day")
    public HeartRateJson.StatusOut status(
            @Parameter(description = "How many latest readings, default 10") @QueryParam("recent") String recent,
            @Parameter(description = "ISO-8601 duration, default PT10M", example = "PT10M") @QueryParam("window") String window) {
        return HeartRateJson.StatusOut.of(getStatus.execute(new GetHeartRateStatus.Query(owner(),
                QueryParams.integer("recent", recent, GetHeartRateStatus.DEFAULT_RECENT),
                QueryParams.duration("window", window, GetHeartRateStatus.DEFAULT_WINDOW))));
    }

    @POST
    @Path("/zones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Time in training zones", description = "Over your stored readings from..to, or over the "
            + "readings in the request. Zones 1-5 start at 50, 60, 70, 80 and 90 % of the maximum heart rate "
            + "(percent_max) or of the heart-rate reserve (karvonen, needs resting_bpm); maximum: 220 - age (fox) or "
            + "208 - 0.7 x age (tanaka). Each interval between consecutive readings counts toward the zone of their "
            + "mean; intervals longer than the configured gap (default 30 s) are not counted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeartRateJson.ZonesOut.class)))
    @APIResponse(responseCode = "422", description = "Invalid age, method or period, or fewer than 2 readings")
    public HeartRateJson.ZonesOut zones(HeartRateJson.ZonesIn body) {
        if (body == null) {
            throw InvalidInputException.of("body", "is required");
        }
        TrainingZones.Parameters parameters = parameters(body);
        TrainingZones.Times times;
        if (body.readings() != null) {
            times = computeZones.execute(parameters, samples(body.readings()));
        } else {
            Instant to = body.to() == null ? clock.instant() : QueryParams.instant("to", body.to());
            Instant from = body.from() == null ? to.minus(Duration.ofDays(1)) : QueryParams.instant("from", body.from());
            times = computeZones.execute(parameters, new ComputeTrainingZones.StoredPeriod(owner(), from, to));
        }
        return HeartRateJson.ZonesOut.of(times, parameters);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Blocking
    @Operation(summary = "Import a CSV file of readings", description = "A header timestamp,bpm (ISO-8601 with an "
            + "offset or Unix seconds) or seconds,bpm with the start parameter; empty bpm cells are missing values. "
            + "Reports counts and anomalies: missing, spike (a rise of more than 30 bpm from the previous valid "
            + "reading), dip (a drop of more than 30 bpm).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeartRateJson.ImportOut.class)))
    @APIResponse(responseCode = "422", description = "Not a CSV file of readings (the message names the line); nothing stored")
    public Uni<HeartRateJson.ImportOut> importCsv(
            @Parameter(description = "Time of second 0 for a seconds,bpm file") @QueryParam("start") String start,
            InputStream body) throws IOException {
        return imported(importCsv.execute(owner(), body, QueryParams.instant("start", start)));
    }

    /** The multipart form of the import: the file in the part {@code file}, optionally {@code start} beside it. */
    public static class CsvForm {
        @RestForm
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")
        public FileUpload file;

        @RestForm
        public String start;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Import a CSV file of readings (multipart)", description = "The file in the part 'file'.")
    public Uni<HeartRateJson.ImportOut> importCsvForm(CsvForm form, @QueryParam("start") String start) throws IOException {
        if (form == null || form.file == null) {
            throw InvalidInputException.of("file", "is required: the CSV file in the form part 'file'");
        }
        String startValue = form.start != null && !form.start.isBlank() ? form.start : start;
        try (InputStream file = Files.newInputStream(form.file.uploadedFile())) {
            return imported(importCsv.execute(owner(), file, QueryParams.instant("start", startValue)));
        }
    }

    private static Uni<HeartRateJson.ImportOut> imported(java.util.concurrent.CompletionStage<ImportHeartRateCsv.Result> result) {
        return Uni.createFrom().completionStage(result).map(HeartRateJson.ImportOut::of);
    }

    @GET
    @Path("/series")
    @Operation(summary = "Your readings at one-second resolution", description = "For charts and a one-reading-per-"
            + "second replay: each second holds its last reading; seconds without one are null (fill=none) or hold "
            + "the value before (fill=forward, the default). At most one day.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeartRateJson.SeriesOut.class)))
    @APIResponse(responseCode = "422", description = "Invalid from, to or fill")
    public HeartRateJson.SeriesOut series(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @Parameter(schema = @Schema(enumeration = {"forward", "none"})) @QueryParam("fill") String fill) {
        Violations violations = new Violations().check(from != null && !from.isBlank(), "from", "is required")
                .check(to != null && !to.isBlank(), "to", "is required");
        GetHeartRateSeries.Fill filling = GetHeartRateSeries.Fill.FORWARD;
        if (fill != null && !fill.isBlank()) {
            filling = switch (fill.trim().toLowerCase(Locale.ROOT)) {
                case "forward" -> GetHeartRateSeries.Fill.FORWARD;
                case "none" -> GetHeartRateSeries.Fill.NONE;
                default -> {
                    violations.add("fill", "must be forward or none");
                    yield null;
                }
            };
        }
        violations.throwIfAny();
        return HeartRateJson.SeriesOut.of(getSeries.execute(new GetHeartRateSeries.Query(owner(),
                QueryParams.instant("from", from), QueryParams.instant("to", to), filling)));
    }

    @GET
    @Path("/settings")
    @Operation(summary = "Your alert thresholds")
    public HeartRateJson.SettingsJson getSettings() {
        return HeartRateJson.SettingsJson.of(settings.get(owner()));
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your alert thresholds", description = "40 <= low_alert_below_bpm < "
            + "high_alert_above_bpm <= 180. Applies to readings stored from now on.")
    @APIResponse(responseCode = "422", description = "Thresholds out of range or in the wrong order")
    public HeartRateJson.SettingsJson putSettings(HeartRateJson.SettingsJson body) {
        if (body == null) {
            throw InvalidInputException.of("body", "is required");
        }
        new Violations().check(body.lowAlertBelowBpm() != null, "low_alert_below_bpm", "is required")
                .check(body.highAlertAboveBpm() != null, "high_alert_above_bpm", "is required").throwIfAny();
        return HeartRateJson.SettingsJson.of(settings.change(owner(),
                new AlertThresholds(body.lowAlertBelowBpm(), body.highAlertAboveBpm())));
    }

    private TrainingZones.Parameters parameters(HeartRateJson.ZonesIn body) {
        Violations violations = new Violations().check(body.age() != null, "age", "is required");
        TrainingZones.Method method = TrainingZones.Method.PERCENT_MAX;
        if (body.method() != null) {
            method = switch (body.method()) {
                case "percent_max" -> TrainingZones.Method.PERCENT_MAX;
                case "karvonen" -> TrainingZones.Method.KARVONEN;
                default -> {
                    violations.add("method", "must be percent_max or karvonen");
                    yield null;
                }
            };
        }
        TrainingZones.MaxFormula formula = TrainingZones.MaxFormula.FOX;
        if (body.maxFormula() != null) {
            formula = switch (body.maxFormula()) {
                case "fox" -> TrainingZones.MaxFormula.FOX;
                case "tanaka" -> TrainingZones.MaxFormula.TANAKA;
                default -> {
                    violations.add("max_formula", "must be fox or tanaka");
                    yield null;
                }
            };
        }
        violations.throwIfAny();
        return new TrainingZones.Parameters(body.age(), body.restingBpm(), method, formula, policy.zoneMaxGap());
    }

    private static List<ComputeTrainingZones.Sample> samples(List<HeartRateJson.ZoneReadingIn> readings) {
        Violations violations = new Violations();
        List<ComputeTrainingZones.Sample> samples = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            HeartRateJson.ZoneReadingIn reading = readings.get(i);
            String field = "readings[" + i + "]";
            if (reading == null || reading.bpm() == null || reading.bpm() < 0 || reading.bpm() > 300) {
                violations.add(field + ".bpm", "is required: a whole number of beats per minute (0-300)");
                continue;
            }
            Object stamp = reading.timestamp();
            Instant time = stamp instanceof Number number ? Timestamps.ofEpochSeconds(number.doubleValue())
                    : stamp instanceof String text ? Timestamps.parse(text) : null;
            if (time == null) {
                violations.add(field + ".timestamp", "is required: " + Timestamps.EXPECTED);
                continue;
            }
            samples.add(new ComputeTrainingZones.Sample(time, reading.bpm()));
        }
        violations.throwIfAny();
        return samples;
    }

    private UUID owner() {
        return Caller.id(identity);
    }
}
