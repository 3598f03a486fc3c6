package adapters.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import usecase.account.Authenticate;

/** Checks a session cookie against the account: gone, or its password changed since sign-in, and the session ends. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final Authenticate authenticate;

    SessionIdentityProvider(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> Identities.from(
                authenticate.withSession(request.userId(), request.passwordStamp())));
    }
}
