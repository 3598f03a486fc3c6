package adapters.metrics;

import domain.heartrate.Alert;
import domain.heartrate.Reading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import usecase.port.ReadingMetrics;

/**
 * {@code sinus_readings_total{result="stored"|"rejected"}} and {@code sinus_alerts_total{kind="low"|"high"}}: the
 * readings of every transport (REST, WebSocket, gRPC, CSV import), counted where they are judged.
 */
@Startup // every series is there, at 0, from the start
@ApplicationScoped
public class MicrometerReadingMetrics implements ReadingMetrics {

    private final Counter stored;
    private final Counter rejected;
    private final Map<Alert, Counter> alerts = new EnumMap<>(Alert.class);

    MicrometerReadingMetrics(MeterRegistry registry) {
        stored = readings(registry, "stored");
        rejected = readings(registry, "rejected");
        for (Alert alert : Alert.values()) {
            alerts.put(alert, Counter.builder("sinus.alerts").description("Heart-rate readings stored with an alert")
                    .tag("kind", alert.name().toLowerCase()).register(registry));
        }
    }

    private static Counter readings(MeterRegistry registry, String result) {
        return Counter.builder("sinus.readings").description("Heart-rate readings received, by what became of them")
                .tag("result", result).register(registry);
    }

    @Override
    public void stored(List<Reading> readings) {
        stored.increment(readings.size());
        for (Reading reading : readings) {
            if (reading.alert() != null) {
                alerts.get(reading.alert()).increment();
            }
        }
    }

    @Override
    public void rejected(int count) {
        rejected.increment(count);
    }
}
