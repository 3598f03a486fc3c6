package domain.account;

import domain.InvalidInputException;

/** A password in clear, only ever held in memory long enough to hash it. Never printed. */
public record Password(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 72;

    public Password {
        if (value == null || value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw InvalidInputException.of("password", "must be at least " + MIN_LENGTH + " characters");
        }
        // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw InvalidInputException.of("password", "must be at most " + MAX_LENGTH + " bytes in UTF-8");
        }
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
