package domain;

import java.util.List;

/** Input that is well-formed but breaks a rule; carries every violation found, not just the first. */
public final class InvalidInputException extends DomainException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).toString() : violations.size() + " invalid fields");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations, with the fields in {@code names} renamed: a reader's roles become a command's inputs. */
    public InvalidInputException renamed(java.util.Map<String, String> names) {
        return new InvalidInputException(violations.stream()
                .map(v -> new Violation(names.getOrDefault(v.field(), v.field()), v.message())).toList());
    }

    /** One rule broken by one field; {@code field} is a JSON-pointer-like path such as {@code leads[0].name}. */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
