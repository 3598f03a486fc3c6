package adapters.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import usecase.startup.PrepareDatabase;

/** Until the database has been prepared (it may be down at start-up), every API request gets a 503. */
public class ServiceReadiness {

    private final PrepareDatabase prepare;

    ServiceReadiness(PrepareDatabase prepare) {
        this.prepare = prepare;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseUntilPrepared(UriInfo uri) {
        if (prepare.isPrepared()) {
            return null;
        }
        return Response.fromResponse(Problems.plain(503, "Sinus is waiting for its database; try again shortly.", uri))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }
}
