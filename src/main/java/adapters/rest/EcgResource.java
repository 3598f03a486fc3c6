package adapters.rest;

import adapters.http.Problem;
import adapters.http.Caller;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.InvalidInputException;
import domain.ecg.EcgKey;
import domain.ecg.RecordingLimits;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import usecase.PageRequest;
import usecase.ecg.DeleteEcg;
import usecase.ecg.GetEcg;
import usecase.ecg.GetEcgBeats;
import usecase.ecg.GetEcgSignal;
import usecase.ecg.ListEcgs;
import usecase.ecg.ReplaceEcg;
import usecase.ecg.SubmitEcg;

@Path("/v1/ecgs")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ECGs", description = "Submit recordings and read their analysis. Users see only their own ECGs.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Administrators do not own ECGs", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EcgResource {

    private final SecurityIdentity identity;
    private final SubmitEcg submitEcg;
    private final ReplaceEcg replaceEcg;
    private final GetEcg getEcg;
    private final GetEcgBeats getEcgBeats;
    private final GetEcgSignal getEcgSignal;
    private final ListEcgs listEcgs;
    private final DeleteEcg deleteEcg;
    private final JsonFactory json;
    private final RecordingLimits limits;

    EcgResource(SecurityIdentity identity, SubmitEcg submitEcg, ReplaceEcg replaceEcg, GetEcg getEcg,
                GetEcgBeats getEcgBeats, GetEcgSignal getEcgSignal, ListEcgs listEcgs, DeleteEcg deleteEcg, ObjectMapper mapper,
                RecordingLimits limits) {
        this.identity = identity;
        this.json = mapper.getFactory();
        this.limits = limits;
        this.submitEcg = submitEcg;
        this.replaceEcg = replaceEcg;
        this.getEcg = getEcg;
        this.getEcgBeats = getEcgBeats;
        this.getEcgSignal = getEcgSignal;
        this.listEcgs = listEcgs;
        this.deleteEcg = deleteEcg;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an ECG", description = "Stores the recording and analyses it asynchronously; poll "
            + "the Location until status is done. " + EcgJson.ZERO_CROSSINGS_DEFINITION)
    @APIResponse(responseCode = "202", description = "Stored; analysis pending",
            content = @Content(schema = @Schema(implementation = EcgJson.Accepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "409", description = "You have an ECG with the client-chosen id")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    @APIResponse(responseCode = "422", description = "Invalid recording; the problem lists every field")
    public Response submit(@RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = EcgJson.Submission.class))) InputStream body) throws IOException {
        EcgSubmissionReader.Submission submission = EcgSubmissionReader.read(json, body, limits);
        SubmitEcg.Result result = submitEcg.execute(
                new SubmitEcg.Command(Caller.id(identity), submission.id(), submission.recording()));
        return Response.accepted(new EcgJson.Accepted(result.id(), EcgJson.status(result.status())))
                .location(URI.create("/v1/ecgs/" + result.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an ECG with its analysis", description = EcgJson.ZERO_CROSSINGS_DEFINITION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EcgJson.Report.class)))
    @APIResponse(responseCode = "404", description = "No such ECG, or not yours")
    public EcgJson.Report get(@PathParam("id") UUID id) {
        return EcgJson.Report.of(getEcg.execute(key(id)));
    }

    @GET
    @Path("/{id}/beats")
    @Operation(summary = "Get the detected beats of an ECG", description = "Each beat with its R-peak sample and time, "
            + "the RR interval ending at it, its AAMI class and the leads that saw it. Empty while pending. "
            + "from_s and to_s select the beats in [from_s, to_s) of a long recording; count is always the total.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EcgJson.BeatListOut.class)))
    @APIResponse(responseCode = "404", description = "No such ECG, or not yours")
    @APIResponse(responseCode = "422", description = "from_s or to_s is not a number, or to_s is not after from_s")
    public EcgJson.BeatListOut beats(
            @PathParam("id") UUID id,
            @Parameter(description = "Only beats at or after this time (s)", example = "60") @QueryParam("from_s") String from,
            @Parameter(description = "Only beats before this time (s)", example = "120") @QueryParam("to_s") String to) {
        double fromS = QueryParams.seconds("from_s", from, 0);
        double toS = QueryParams.seconds("to_s", to, Double.POSITIVE_INFINITY);
        if (toS <= fromS) {
            throw InvalidInputException.of("to_s", "must be after from_s");
        }
        return EcgJson.BeatListOut.of(id, getEcgBeats.execute(key(id)), fromS, toS);
    }

    @GET
    @Path("/{id}/signal")
    @Operation(summary = "Get a window of one lead for a chart", description = "The samples of [from_s, to_s) of one "
            + "lead (default: the first lead, the whole recording), in microvolts, reduced to at most max_points "
            + "buckets that each keep their lowest and highest sample (min_uv, max_uv at time_s, the bucket's first "
            + "sample), so no QRS spike is lost at any zoom; undecimated (decimated false) each bucket is one sample. "
            + "With the beats (time, class) and rhythm findings in the window. Reads only the window's part of the "
            + "stored lead.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EcgJson.SignalOut.class)))
    @APIResponse(responseCode = "404", description = "No such ECG, or not yours")
    @APIResponse(responseCode = "422", description = "No such lead; from_s, to_s or max_points out of range")
    public EcgJson.SignalOut signal(
            @PathParam("id") UUID id,
            @Parameter(description = "Lead name (default: the first)", example = "II") @QueryParam("lead") String lead,
            @Parameter(description = "Start (s)", example = "0") @QueryParam("from_s") String from,
            @Parameter(description = "End (s), default the end", example = "10") @QueryParam("to_s") String to,
            @Parameter(description = "At most this many buckets (10-20000)", example = "2000")
            @QueryParam("max_points") String maxPoints) {
        double fromS = QueryParams.seconds("from_s", from, 0);
        Double toS = to == null || to.isBlank() ? null : QueryParams.seconds("to_s", to, 0);
        return EcgJson.SignalOut.of(getEcgSignal.execute(new GetEcgSignal.Query(key(id), lead == null || lead.isBlank()
                ? null : lead, fromS, toS, QueryParams.integer("max_points", maxPoints, 2000))));
    }

    @GET
    @Operation(summary = "List your ECGs, newest first", description = "Without samples.")
    @APIResponse(responseCode = "200", description = "A page of ECGs (items are Ecg objects)")
    @APIResponse(responseCode = "422", description = "Invalid page or size")
    public PageJson<EcgJson.Report> list(
            @Parameter(description = "Zero-based page", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1-100", example = "20") @QueryParam("size") String size) {
        PageRequest request = new PageRequest(QueryParams.integer("page", page, 0), QueryParams.integer("size", size, 20));
        return PageJson.of(listEcgs.execute(Caller.id(identity), request), EcgJson.Report::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an ECG's recording", description = "Same body as POST (an id in it must be the "
            + "path's); the results are dropped and the new recording is analysed again.")
    @APIResponse(responseCode = "202", description = "Replaced; analysis pending",
            content = @Content(schema = @Schema(implementation = EcgJson.Accepted.class)))
    @APIResponse(responseCode = "404", description = "No such ECG, or not yours")
    @APIResponse(responseCode = "422", description = "Invalid recording")
    public Response replace(@PathParam("id") UUID id, @RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = EcgJson.Submission.class))) InputStream body) throws IOException {
        EcgSubmissionReader.Submission submission = EcgSubmissionReader.read(json, body, limits);
        if (submission.id() != null && !submission.id().equals(id)) {
            throw InvalidInputException.of("id", "must be the id in the path (" + id + "), or be left out");
        }
        replaceEcg.execute(new ReplaceEcg.Command(key(id), submission.recording()));
        return Response.accepted(new EcgJson.Accepted(id, "pending")).location(URI.create("/v1/ecgs/" + id)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an ECG with its samples and results")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such ECG, or not yours")
    public void delete(@PathParam("id") UUID id) {
        deleteEcg.execute(key(id));
    }

    private EcgKey key(UUID id) {
        return new EcgKey(Caller.id(identity), id);
    }
}
