package adapters.http;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * Who is calling, as the security adapter describes them and the transports read them: the principal's
 * name is the user's id, and an attribute says whether the caller proved their password on this request.
 */
public final class Caller {

    /** Identity attribute: {@code true} when the caller authenticated with their password (HTTP Basic). */
    public static final String WITH_PASSWORD = "sinus.with-password";
    /** Identity attribute: the account's username. */
    public static final String USERNAME = "username";

    private Caller() {
    }

    public static UUID id(SecurityIdentity identity) {
        return UUID.fromString(identity.getPrincipal().getName());
    }

    public static String username(SecurityIdentity identity) {
        return identity.getAttribute(USERNAME);
    }

    public static boolean withPassword(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(WITH_PASSWORD));
    }
}
