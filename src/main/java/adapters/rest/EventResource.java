package adapters.rest;

import adapters.http.Caller;
import adapters.http.EventMessages;
import adapters.http.Problem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import usecase.events.ListEvents;

@Path("/v1/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "What happened to your data, in order: the catch-up of the live stream "
        + "/v1/events/stream. Each user sees only their own events.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EventResource {

    private final SecurityIdentity identity;
    private final ListEvents listEvents;

    EventResource(SecurityIdentity identity, ListEvents listEvents) {
        this.identity = identity;
        this.listEvents = listEvents;
    }

    @GET
    @Operation(summary = "Your events after the one with id since", description = "Event ids count 1, 2, 3, ... per "
            + "user in the order the changes were committed, so the last id you saw says exactly what you missed. "
            + "Types: ecg_submitted, ecg_analysed, ecg_deleted, heart_rate_recorded, heart_rate_alert_raised. Events "
            + "are kept for sinus.events.retention (default 7 days); a gap before the first id listed means older "
            + "ones were purged.")
    @APIResponse(responseCode = "200", description = "{events: [...], last_id}: last_id is the last event's id, or "
            + "since when there are none")
    public Map<String, Object> list(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        ListEvents.Result result = listEvents.after(Caller.id(identity), QueryParams.longInteger("since", since, 0),
                QueryParams.integer("limit", limit, 100));
        List<Map<String, Object>> events = result.events().stream().map(EventMessages::json).toList();
        return Map.of("events", events, "last_id", result.lastId());
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The id of your latest event", description = "Open /v1/events/stream?since=<last_id> to "
            + "receive what happens from now on.")
    public Map<String, Object> latest() {
        return Map.of("last_id", listEvents.lastId(Caller.id(identity)));
    }
}
