package domain;

/** The request collides with existing state, such as a username or an ECG id already taken. */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
