package adapters.security;

import adapters.config.SinusConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import usecase.port.LoginThrottle;

/**
 * Counts failed sign-ins per username and per client address in fixed windows, in this process's
 * memory (each instance counts its own). Past the limit, the account or address waits for the end of
 * its window. The maps are bounded: when one fills up, expired windows are dropped, and if that is not
 * enough the map is cleared, which only ever errs towards letting a check through.
 */
@ApplicationScoped
public class InMemoryLoginThrottle implements LoginThrottle {

    static final int MAX_ENTRIES = 100_000;

    private record Window(long startNanos, int failures) {
    }

    private final Map<String, Window> accounts = new ConcurrentHashMap<>();
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;
    private final long windowNanos;
    private final LongSupplier nanoTime;

    @Inject
    InMemoryLoginThrottle(SinusConfig config) {
        this(config.security().loginFailuresPerAccount(), config.security().loginFailuresPerAddress(),
                config.security().loginFailureWindow(), System::nanoTime);
    }

    InMemoryLoginThrottle(int perAccount, int perAddress, Duration window, LongSupplier nanoTime) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<Duration> delay(String username, String address) {
        long now = nanoTime.getAsLong();
        long wait = Math.max(remaining(accounts.get(username), perAccount, now),
                remaining(addresses.get(address), perAddress, now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    private long remaining(Window window, int limit, long now) {
        if (window == null || window.failures() < limit) {
            return 0;
        }
        return Math.max(0, window.startNanos() + windowNanos - now);
    }

    @Override
    public void failed(String username, String address) {
        count(accounts, username);
        count(addresses, address);
    }

    private void count(Map<String, Window> windows, String key) {
        if (key == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (windows.size() >= MAX_ENTRIES) {
            windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
            if (windows.size() >= MAX_ENTRIES) {
                windows.clear();
            }
        }
        windows.merge(key, new Window(now, 1), (old, fresh) -> now - old.startNanos() >= windowNanos
                ? fresh : new Window(old.startNanos(), old.failures() + 1));
    }

    @Override
    public void succeeded(String username) {
        accounts.remove(username);
    }
}
