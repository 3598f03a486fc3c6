package usecase.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers failed password checks per account and per client address, so that guessing is slowed to a
 * few tries per window instead of as many as the server can hash.
 */
public interface LoginThrottle {

    /** How long the next password check for this username, or from this address, must wait; empty if it may go ahead. */
    Optional<Duration> delay(String username, String address);

    void failed(String username, String address);

    /** A correct password clears the account's failures (not the address's: one success must not reset a guesser). */
    void succeeded(String username);
}
