package usecase.fakes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import usecase.port.VerifiedCredentials;

/**
 * Remembers verified credentials tied to the stored hash, as the port requires. Being a test fake,
 * it keeps the password in clear; a production implementation must not.
 */
public final class InMemoryVerifiedCredentials implements VerifiedCredentials {

    private final Set<List<String>> entries = new HashSet<>();

    @Override
    public boolean contains(String username, String password, String storedHash) {
        return entries.contains(List.of(username, password, storedHash));
    }

    @Override
    public void remember(String username, String password, String storedHash) {
        entries.add(List.of(username, password, storedHash));
    }

    public int size() {
        return entries.size();
    }
}
