package domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects rule violations so that a caller learns about every bad field in one round trip. The same
 * violation is listed once, and at most {@link #MAX_LISTED} are listed: a million bad samples make a
 * hundred lines and a count, not a million lines. A rule whose field already broke another rule (a
 * value of the wrong type, say) can be checked with {@link #checkUnreported}, so it is not reported twice.
 */
public final class Violations {

    public static final int MAX_LISTED = 100;

    private final List<InvalidInputException.Violation> found = new ArrayList<>();
    private final Set<InvalidInputException.Violation> listed = new HashSet<>();
    private final Set<String> fields = new HashSet<>();
    private long unlisted;

    public Violations add(String field, String message) {
        InvalidInputException.Violation violation = new InvalidInputException.Violation(field, message);
        if (listed.contains(violation)) {
            return this;
        }
        if (found.size() >= MAX_LISTED) {
            unlisted++;
        } else {
            found.add(violation);
            listed.add(violation);
        }
        fields.add(field);
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        return ok ? this : add(field, message);
    }

    /** As {@link #check}, unless {@code field} has broken a rule already. */
    public Violations checkUnreported(boolean ok, String field, String message) {
        return ok || has(field) ? this : add(field, message);
    }

    /** Builds a value whose constructor checks its own rules; its violations are collected instead of thrown. */
    public <T> T attempt(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> add(v.field(), v.message()));
            return null;
        }
    }

    /** Whether {@code field} has been reported already. */
    public boolean has(String field) {
        return fields.contains(field);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<InvalidInputException.Violation> all = new ArrayList<>(found);
        if (unlisted > 0) {
            all.add(new InvalidInputException.Violation("(more)", unlisted + " more violation(s) are not listed"));
        }
        throw new InvalidInputException(all);
    }
}
