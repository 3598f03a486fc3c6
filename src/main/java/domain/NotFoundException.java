package domain;

/** The thing asked for does not exist, or does not belong to the caller (the two are indistinguishable on purpose). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
