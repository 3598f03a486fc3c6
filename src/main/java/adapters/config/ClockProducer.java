package adapters.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The wall clock, in UTC, for the use cases; tests of the use cases pass fixed clocks instead. It ticks
 * in microseconds, the precision both databases store, so that a time in a response is the time every
 * later read returns.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
