package domain.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomaliesTest {

    @Test
    void reportsMissingSpikeAndDipButNotAChangeOfExactlyThirty() {
        List<Anomaly> found = new ArrayList<>();
        Anomalies anomalies = new Anomalies(found::add);
        Instant t = Instant.EPOCH;
        anomalies.valid(1, t, 70);
        anomalies.missing(2, t);
        anomalies.valid(3, t, 101);  // +31 from 70 (the missing row is skipped): spike
        anomalies.valid(4, t, 70);   // -31: dip
        anomalies.valid(5, t, 100);  // +30: nothing
        anomalies.valid(6, t, 70);   // -30: nothing
        assertEquals(List.of(Anomaly.Kind.MISSING, Anomaly.Kind.SPIKE, Anomaly.Kind.DIP),
                found.stream().map(Anomaly::kind).toList());
        assertEquals(List.of(2L, 3L, 4L), found.stream().map(Anomaly::row).toList());
        assertEquals(70, found.get(1).previousBpm());
        assertEquals(101, found.get(1).bpm());
    }
}
