package adapters.security;

import adapters.http.SessionCookies;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's session cookie ({@link SessionCookies}) beside Basic and bearer tokens. A request that carries
 * an {@code Authorization} header is left to those; a cookie that is not valid (another key, ended) counts as none.
 * The HTTP edge has already refused cookie requests that another site's page could have made (CSRF).
 */
@ApplicationScoped
public class SessionCookieAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionCookies cookies;

    SessionCookieAuthenticationMechanism(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Optional<SessionCookies.Session> session = cookies.open(context.request());
        if (session.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new SessionAuthenticationRequest(session.get().userId(), session.get().passwordStamp()), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }
}
