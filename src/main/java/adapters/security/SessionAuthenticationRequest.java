package adapters.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.UUID;

/** A dashboard session cookie's content, to be checked against the account. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final UUID userId;
    private final String passwordStamp;

    SessionAuthenticationRequest(UUID userId, String passwordStamp) {
        this.userId = userId;
        this.passwordStamp = passwordStamp;
    }

    UUID userId() {
        return userId;
    }

    String passwordStamp() {
        return passwordStamp;
    }
}
