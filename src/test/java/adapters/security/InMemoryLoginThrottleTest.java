package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryLoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(3, 5, Duration.ofMinutes(5), now::get);

    @Test
    void anAccountWaitsForTheRestOfItsWindowAfterTooManyFailures() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.delay("alice", "10.0.0." + i));
            throttle.failed("alice", "10.0.0." + i);
        }
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        assertEquals(Optional.of(Duration.ofMinutes(4)), throttle.delay("alice", "10.0.0.99"));
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertEquals(Optional.empty(), throttle.delay("alice", "10.0.0.99"), "a new window, a new count");
    }

    @Test
    void anAddressThatGuessesManyUsernamesIsThrottledWhatEverTheName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "203.0.113.5");
        }

        assertTrue(throttle.delay("somebody-new", "203.0.113.5").isPresent());
        assertEquals(Optional.empty(), throttle.delay("somebody-new", "203.0.113.6"));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "203.0.113.5");
        }
        throttle.succeeded("alice");

        assertEquals(Optional.empty(), throttle.delay("alice", "198.51.100.1"));
        assertTrue(throttle.delay("alice", "203.0.113.5").isPresent());
    }

    @Test
    void floodsOfNamesDoNotGrowTheMemoryWithoutBound() {
        for (int i = 0; i < InMemoryLoginThrottle.MAX_ENTRIES + 10; i++) {
            throttle.failed("name-" + i, "198.51.100." + (i % 200));
        }
        assertTrue(throttle.delay("name-" + (InMemoryLoginThrottle.MAX_ENTRIES + 5), "192.0.2.1").isEmpty());
    }
}
