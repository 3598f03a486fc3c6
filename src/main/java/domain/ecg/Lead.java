package domain.ecg;

import domain.Violations;
import java.util.regex.Pattern;

/**
 * One lead of a recording: a name (I, II, aVR, V1..V6, MLII, ...) and its samples.
 *
 * @param name   1–16 characters of {@code [A-Za-z0-9_-]}
 * @param signal at least one sample
 */
public record Lead(String name, Signal signal) {

    public static final int MAX_NAME_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}");

    public Lead {
        Violations violations = new Violations();
        check(name, signal, "", violations);
        violations.throwIfAny();
    }

    static void check(String name, Signal signal, String path, Violations violations) {
        violations.checkUnreported(name != null && !name.isEmpty(), path + "name", "is required");
        violations.checkUnreported(name == null || name.isEmpty() || NAME.matcher(name).matches(), path + "name",
                "must be 1-" + MAX_NAME_LENGTH + " characters of A-Z, a-z, 0-9, '_' or '-'");
        violations.checkUnreported(signal != null && signal.length() > 0, path + "signal",
                "must contain at least one sample");
    }

    public int numberOfSamples() {
        return signal.length();
    }

    /**
     * A lead as a client sent it, before validation.
     *
     * @param declaredSamples the client's own count of samples, or null; must match the signal when given
     * @param samples         null when the client sent none
     */
    public record Draft(String name, Integer declaredSamples, int[] samples) {
    }
}
