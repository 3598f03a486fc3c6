package adapters.rest;

import adapters.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import usecase.account.ChangePassword;
import usecase.account.CreateUser;
import usecase.account.DeleteUser;
import usecase.account.GetUser;
import usecase.account.ListApiTokens;
import usecase.account.ListUsers;
import usecase.account.RevokeApiToken;

@Path("/v1/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "The administrator manages user accounts.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an administrator", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminUserResource {

    private final CreateUser createUser;
    private final ListUsers listUsers;
    private final GetUser getUser;
    private final DeleteUser deleteUser;
    private final ChangePassword changePassword;
    private final ListApiTokens listTokens;
    private final RevokeApiToken revokeToken;

    AdminUserResource(CreateUser createUser, ListUsers listUsers, GetUser getUser, DeleteUser deleteUser,
                      ChangePassword changePassword, ListApiTokens listTokens, RevokeApiToken revokeToken) {
        this.createUser = createUser;
        this.listUsers = listUsers;
        this.getUser = getUser;
        this.deleteUser = deleteUser;
        this.changePassword = changePassword;
        this.listTokens = listTokens;
        this.revokeToken = revokeToken;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user account")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AccountJson.UserOut.class)))
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "Invalid username or password")
    public Response create(AccountJson.NewUser body) {
        if (body == null) {
            throw new BadRequestException("the request body must be a user object");
        }
        AccountJson.UserOut user = AccountJson.UserOut.of(
                createUser.execute(new CreateUser.Command(body.username(), body.password())));
        return Response.created(URI.create("/v1/admin/users/" + user.id())).entity(user).build();
    }

    @GET
    @Operation(summary = "List all accounts")
    public List<AccountJson.UserOut> list() {
        return listUsers.execute().stream().map(AccountJson.UserOut::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one account")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountJson.UserOut.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public AccountJson.UserOut get(@PathParam("id") UUID id) {
        return AccountJson.UserOut.of(getUser.execute(id));
    }

    @GET
    @Path("/{id}/tokens")
    @Operation(summary = "List a user's API tokens (without secrets)")
    @APIResponse(responseCode = "404", description = "No such user")
    public List<AccountJson.TokenOut> tokens(@PathParam("id") UUID id) {
        getUser.execute(id);
        return listTokens.execute(id).stream().map(AccountJson.TokenOut::of).toList();
    }

    @DELETE
    @Path("/{id}/tokens/{tokenId}")
    @Operation(summary = "Revoke one of a user's API tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such user or token")
    public void revokeToken(@PathParam("id") UUID id, @PathParam("tokenId") UUID tokenId) {
        revokeToken.execute(id, tokenId);
    }

    @DELETE
    @Path("/{id}/tokens")
    @Operation(summary = "Revoke all of a user's API tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such user")
    public void revokeTokens(@PathParam("id") UUID id) {
        getUser.execute(id);
        revokeToken.all(id);
    }

    @PUT
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's password", description = "The old password stops working at once, and so "
            + "does every API token of the user.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "422", description = "Password too short or too long")
    public void changePassword(@PathParam("id") UUID id, AccountJson.NewPassword body) {
        if (body == null) {
            throw new BadRequestException("the request body must be a password object");
        }
        changePassword.execute(id, body.password());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a user account with all its ECGs and tokens")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "Administrator accounts cannot be deleted")
    public void delete(@PathParam("id") UUID id) {
        deleteUser.execute(id);
    }

}
