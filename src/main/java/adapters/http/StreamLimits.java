package adapters.http;

import adapters.config.SinusConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the {@link StreamRate} of each live heart-rate stream, as configured ({@code sinus.heart-rate.stream-rate},
 * {@code stream-burst}); readings refused for their rate are counted as {@code sinus_readings_total{result="throttled"}}
 * (the use case, which counts the stored and rejected ones, never sees them).
 */
@Startup // the series is there, at 0, from the start
@ApplicationScoped
public class StreamLimits {

    private final int perSecond;
    private final int burst;
    private final Counter throttled;

    StreamLimits(SinusConfig config, MeterRegistry registry) {
        this.perSecond = config.heartRate().streamRate();
        this.burst = config.heartRate().streamBurst();
        this.throttled = Counter.builder("sinus.readings").description("Heart-rate readings received, by what became of them")
                .tag("result", "throttled").register(registry);
    }

    /** The rate of a stream that opens now. */
    public StreamRate open() {
        return new StreamRate(perSecond, burst, System::nanoTime, throttled::increment);
    }
}
