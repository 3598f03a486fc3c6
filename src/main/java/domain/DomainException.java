package domain;

/**
 * A broken business rule. Every rule violation in Sinus is one of these subtypes, so the
 * REST adapter can turn each into exactly one HTTP status without guessing.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, ForbiddenException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
