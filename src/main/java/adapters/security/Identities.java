package adapters.security;

import domain.account.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;
import adapters.http.Caller;
import usecase.account.AuthenticatedUser;

/**
 * Turns an authenticated account into a Quarkus identity. The principal's name is the user's id,
 * which is what the REST adapter scopes data by; the roles are {@code admin} and {@code user}; the
 * attribute {@link Caller#WITH_PASSWORD} says whether the caller proved their password on this
 * request (HTTP Basic) rather than presenting a token.
 */
final class Identities {

    private Identities() {
    }

    static SecurityIdentity from(Optional<AuthenticatedUser> user) {
        AuthenticatedUser found = user.orElseThrow(AuthenticationFailedException::new);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(found.id().toString()))
                .addRole(found.role() == Role.ADMIN ? "admin" : "user")
                .addAttribute(Caller.USERNAME, found.username())
                .addAttribute(Caller.WITH_PASSWORD, found.withPassword())
                .build();
    }
}
