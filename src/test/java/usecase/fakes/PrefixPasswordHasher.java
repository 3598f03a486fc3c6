package usecase.fakes;

import usecase.port.PasswordHasher;

/** A fast, transparent stand-in for bcrypt: the hash of {@code p} is {@code "hash:" + p}. Counts its calls. */
public final class PrefixPasswordHasher implements PasswordHasher {

    public static final String PREFIX = "hash:";

    private int hashCalls;
    private int verifyCalls;

    @Override
    public String hash(String password) {
        hashCalls++;
        return PREFIX + password;
    }

    @Override
    public boolean verify(String password, String hash) {
        verifyCalls++;
        return hash.equals(PREFIX + password);
    }

    public int hashCalls() {
        return hashCalls;
    }

    public int verifyCalls() {
        return verifyCalls;
    }
}
