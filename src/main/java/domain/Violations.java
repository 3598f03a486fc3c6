package domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects rule violations so that a caller learns about every bad field in one round trip. */
public final class Violations {

    private final List<InvalidInputException.Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new InvalidInputException.Violation(field, message));
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        return ok ? this : add(field, message);
    }

    /** Builds a value whose constructor checks its own rules; its violations are collected instead of thrown. */
    public <T> T attempt(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidInputException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
