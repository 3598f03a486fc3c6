package usecase.port;

/**
 * A short-lived memory of credentials that already passed the slow hash check, so that a client
 * sending the same Basic credentials on every request pays for the hash once. Implementations
 * must not keep the password in clear, and must tie each entry to the stored hash, so that a
 * password change invalidates it at once.
 */
public interface VerifiedCredentials {

    boolean contains(String username, String password, String storedHash);

    void remember(String username, String password, String storedHash);
}
