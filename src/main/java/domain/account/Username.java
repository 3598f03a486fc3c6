package domain.account;

import domain.InvalidInputException;
import java.util.regex.Pattern;

/** A login name: 3–64 characters of {@code [A-Za-z0-9._-]}, compared exactly (case-sensitive). */
public record Username(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw InvalidInputException.of("username", "must be 3-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
