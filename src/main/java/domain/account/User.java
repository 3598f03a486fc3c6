package domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. {@code passwordHash} is the only form in which a password is ever stored.
 */
public record User(UUID id, Username username, String passwordHash, Role role, Instant createdAt) {

    /** The width of the stored hash; bcrypt's are 60 characters. */
    public static final int MAX_HASH_LENGTH = 255;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (passwordHash.isBlank() || passwordHash.length() > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("a password hash has 1-" + MAX_HASH_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "User[" + username + ", " + role + "]";
    }
}
