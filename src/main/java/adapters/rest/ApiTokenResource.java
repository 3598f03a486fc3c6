package adapters.rest;

import adapters.http.Problem;
import adapters.http.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import usecase.account.IssueApiToken;
import usecase.account.ListApiTokens;
import usecase.account.RevokeApiToken;

@Path("/v1/auth/tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens", description = "Bearer tokens, so that clients do not send a password with every request.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiTokenResource {

    private final SecurityIdentity identity;
    private final IssueApiToken issueToken;
    private final ListApiTokens listTokens;
    private final RevokeApiToken revokeToken;

    ApiTokenResource(SecurityIdentity identity, IssueApiToken issueToken, ListApiTokens listTokens,
                     RevokeApiToken revokeToken) {
        this.identity = identity;
        this.issueToken = issueToken;
        this.listTokens = listTokens;
        this.revokeToken = revokeToken;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a bearer token for yourself", description = "Needs your password (HTTP Basic): a "
            + "token cannot issue tokens. The body is optional. The token's secret is in this response only; Sinus "
            + "keeps just its SHA-256.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = AccountJson.IssuedToken.class)))
    @APIResponse(responseCode = "403", description = "Authenticated with a token instead of the password")
    @APIResponse(responseCode = "422", description = "Invalid name or lifetime")
    public Response issue(AccountJson.NewToken body) {
        AccountJson.NewToken request = body == null ? new AccountJson.NewToken(null, null) : body;
        Duration lifetime = request.ttlSeconds() == null ? null : Duration.ofSeconds(request.ttlSeconds());
        IssueApiToken.Issued issued = issueToken.execute(
                new IssueApiToken.Command(Caller.id(identity), request.name(), lifetime, Caller.withPassword(identity)));
        return Response.created(URI.create("/v1/auth/tokens/" + issued.token().id()))
                .entity(new AccountJson.IssuedToken(issued.token().id(), issued.token().name(), issued.secret(),
                        issued.token().createdAt(), issued.token().expiresAt()))
                .build();
    }

    @GET
    @Operation(summary = "List your tokens (without secrets)")
    public List<AccountJson.TokenOut> list() {
        return listTokens.execute(Caller.id(identity)).stream().map(AccountJson.TokenOut::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one of your tokens (without its secret)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountJson.TokenOut.class)))
    @APIResponse(responseCode = "404", description = "No such token of yours")
    public AccountJson.TokenOut get(@PathParam("id") UUID id) {
        return AccountJson.TokenOut.of(listTokens.one(Caller.id(identity), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of your tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of yours")
    public void revoke(@PathParam("id") UUID id) {
        revokeToken.execute(Caller.id(identity), id);
    }
}
