package adapters.rest;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** The authenticated caller's user id: the security adapter names the principal by it. */
final class Caller {

    private Caller() {
    }

    static UUID id(SecurityIdentity identity) {
        return UUID.fromString(identity.getPrincipal().getName());
    }
}
