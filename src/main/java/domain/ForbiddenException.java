package domain;

/** The caller is known but may not do this, or not this way (say, issue a token without their password). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
