package adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket of one live stream, on a clock the test moves. */
class StreamRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger refused = new AtomicInteger();

    private StreamRate rate(int perSecond, int burst) {
        return new StreamRate(perSecond, burst, now::get, refused::addAndGet);
    }

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aStreamOpensWithItsBurstAndThenGetsItsRate() {
        StreamRate rate = rate(100, 1_000);
        assertTrue(rate.take(1_000));
        assertFalse(rate.take(1));
        advanceMillis(10); // one reading's worth
        assertTrue(rate.take(1));
        assertFalse(rate.take(1));
        advanceMillis(500);
        assertFalse(rate.take(51), "50 readings' worth");
        assertTrue(rate.take(50));
        assertEquals(1 + 1 + 51, refused.get(), "each refusal counts the readings it refused");
    }

    @Test
    void aRefusedMessageTakesNothingSoASmallerOneStillPasses() {
        StreamRate rate = rate(10, 20);
        assertTrue(rate.take(15));
        assertFalse(rate.take(10));
        assertTrue(rate.take(5));
    }

    @Test
    void theBucketNeverHoldsMoreThanItsBurst() {
        StreamRate rate = rate(100, 200);
        advanceMillis(3_600_000);
        assertFalse(rate.take(201));
        assertTrue(rate.take(200));
    }

    @Test
    void aMessageWithoutReadingsCostsOne() {
        StreamRate rate = rate(1, 2);
        assertTrue(rate.take(0));
        assertTrue(rate.take(0));
        assertFalse(rate.take(0));
    }

    @Test
    void rateZeroIsNoLimitAndTheRefusalNamesTheLimit() {
        StreamRate unlimited = rate(0, 1);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(unlimited.take(10_000));
        }
        assertEquals("Too many readings on this stream: at most 5000 per second (10000 at once); this message was not "
                + "stored, send it again in a moment.", rate(5_000, 10_000).refusal());
        assertThrows(IllegalArgumentException.class, () -> rate(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> rate(10, 0));
    }
}
