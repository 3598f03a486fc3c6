package adapters.http;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The rate one live stream (a WebSocket connection, a gRPC stream) may send heart-rate readings at: a token bucket
 * of {@code burst} readings, refilled at {@code perSecond}, full when the stream opens. A message takes one token per
 * reading it carries (at least one: a message that holds none still costs its parsing) and is refused whole when the
 * bucket holds fewer, so a client resends exactly what it was told was not stored. {@code perSecond} 0: no limit.
 */
public final class StreamRate {

    private final int perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final IntConsumer onRefused;
    private double tokens;
    private long last;

    public StreamRate(int perSecond, int burst, LongSupplier nanoClock, IntConsumer onRefused) {
        if (perSecond < 0 || burst < 1) {
            throw new IllegalArgumentException("a stream rate needs perSecond >= 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.onRefused = onRefused;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** @return whether a message of {@code readings} readings may go on; if not, none of them is stored */
    public synchronized boolean take(int readings) {
        if (perSecond == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * (perSecond / 1e9));
        last = now;
        int cost = Math.max(1, readings);
        if (cost > tokens) {
            onRefused.accept(cost);
            return false;
        }
        tokens -= cost;
        return true;
    }

    /** What the client of a refused message is told. */
    public String refusal() {
        return "Too many readings on this stream: at most " + perSecond + " per second (" + burst
                + " at once); this message was not stored, send it again in a moment.";
    }
}
