package domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. {@code passwordHash} is the only form in which a password is ever stored.
 */
public record User(UUID id, Username username, String passwordHash, Role role, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + role + "]";
    }
}
