package adapters.rest;

import adapters.http.Caller;
import adapters.http.Problem;
import adapters.http.SessionCookies;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import usecase.account.AuthenticatedUser;
import usecase.account.Authenticate;

/**
 * Sign-in for the dashboard: the password is checked like HTTP Basic checks it (same throttling), and the answer
 * sets the session cookie ({@link SessionCookies}). API clients keep using Basic or bearer tokens.
 */
@Path("/v1/auth/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Browser session", description = "Sign-in and sign-out for the dashboard (a session cookie).")
public class SessionResource {

    private final Authenticate authenticate;
    private final SessionCookies cookies;
    private final SecurityIdentity identity;

    SessionResource(Authenticate authenticate, SessionCookies cookies, SecurityIdentity identity) {
        this.authenticate = authenticate;
        this.cookies = cookies;
        this.identity = identity;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in", description = "Form fields username and password. Sets the HttpOnly, "
            + "SameSite=Strict session cookie sinus_session (valid for sinus.security.session-lifetime, default 12 h, "
            + "and until the password changes). Requests made with it that change something must carry the header "
            + "X-Sinus-Csrf: 1.")
    @APIResponse(responseCode = "200", description = "{username, role}")
    @APIResponse(responseCode = "401", description = "Wrong username or password", content = @Content(
            mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong passwords lately; Retry-After")
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @Context HttpServerRequest request, @Context UriInfo uri) {
        SocketAddress remote = request.remoteAddress();
        Optional<AuthenticatedUser> user = username == null || password == null ? Optional.empty()
                : authenticate.withPassword(username, password, remote == null ? "unknown" : remote.hostAddress());
        if (user.isEmpty()) {
            return Problems.plain(401, "Wrong username or password.", uri);
        }
        return Response.ok(Map.of("username", user.get().username(), "role", role(user.get().role().name())))
                .header(HttpHeaders.SET_COOKIE, cookies.issue(user.get(), request).encode()).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Who is signed in", description = "With the session cookie (or any credentials). Not "
            + "signed in is an answer too, not an error: the page asks this at every load.")
    @APIResponse(responseCode = "200", description = "{username, role}; both null when not signed in")
    public Map<String, String> current() {
        Map<String, String> who = new java.util.HashMap<>();
        who.put("username", identity.isAnonymous() ? null : Caller.username(identity));
        who.put("role", identity.isAnonymous() ? null : identity.hasRole("admin") ? "admin" : "user");
        return who;
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign out", description = "Makes the browser forget the session cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response signOut(@Context HttpServerRequest request) {
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookies.cleared(request).encode()).build();
    }

    private static String role(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
