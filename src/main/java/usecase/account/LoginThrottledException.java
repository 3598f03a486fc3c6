package usecase.account;

import java.time.Duration;

/** Too many wrong passwords for this account or from this address: the next check must wait. */
public final class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
