package adapters.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import usecase.account.Authenticate;

/** HTTP Basic: checks username and password against the accounts in the database. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Authenticate authenticate;

    PasswordIdentityProvider(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String password = new String(request.getPassword().getPassword());
        String address = clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> Identities.from(
                authenticate.withPassword(request.getUsername(), password, address)));
    }

    private static String clientAddress(RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
