package usecase.fakes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import usecase.port.LoginThrottle;

/** Blocks a username or an address after a fixed number of failures, until told otherwise; no clock. */
public final class CountingLoginThrottle implements LoginThrottle {

    private final int limit;
    private final Map<String, Integer> failures = new HashMap<>();

    public CountingLoginThrottle(int limit) {
        this.limit = limit;
    }

    @Override
    public Optional<Duration> delay(String username, String address) {
        boolean blocked = failures.getOrDefault("user:" + username, 0) >= limit
                || failures.getOrDefault("address:" + address, 0) >= limit;
        return blocked ? Optional.of(Duration.ofSeconds(60)) : Optional.empty();
    }

    @Override
    public void failed(String username, String address) {
        failures.merge("user:" + username, 1, Integer::sum);
        failures.merge("address:" + address, 1, Integer::sum);
    }

    @Override
    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    public int failuresOf(String username) {
        return failures.getOrDefault("user:" + username, 0);
    }
}
