package adapters.messaging;

import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * Sinus's default messaging "broker": an outgoing channel and any incoming channels that name the same
 * {@code queue} are joined inside the process, with no broker to run. Because each end is an ordinary
 * connector-backed channel, an operator moves a channel to a real broker by configuration alone
 * ({@code mp.messaging.outgoing.<channel>.connector=smallrye-kafka}, ...), channel by channel.
 *
 * <p>Every incoming channel of a queue receives every message (a fan-out); within one channel the
 * messages form one stream. Each incoming channel has its own bounded buffer ({@code buffer-size},
 * default {@value #DEFAULT_BUFFER_SIZE}): when it is full, a new message is dropped for that channel and
 * nacked, and a warning is logged, while the stream itself stays alive and carries the next message as
 * soon as there is room. Senders are never blocked and memory never grows without bound; whatever a
 * channel carries must therefore be recoverable from the database (the analysis queue is: a dropped ECG
 * stays pending and the periodic retry queues it again).
 */
@ApplicationScoped
@Connector(InProcessConnector.NAME)
public class InProcessConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "sinus-in-process";
    static final int DEFAULT_BUFFER_SIZE = 10_000;

    private static final Logger LOG = Logger.getLogger(InProcessConnector.class);

    private final Map<String, List<BoundedBuffer>> queues = new ConcurrentHashMap<>();

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String channel = config.getValue("channel-name", String.class);
        int size = config.getOptionalValue("buffer-size", Integer.class).orElse(DEFAULT_BUFFER_SIZE);
        if (size < 1) {
            throw new IllegalArgumentException("mp.messaging.incoming." + channel + ".buffer-size must be at least 1");
        }
        BoundedBuffer buffer = new BoundedBuffer(channel, size);
        queues.computeIfAbsent(queueOf(config), name -> new CopyOnWriteArrayList<>()).add(buffer);
        return buffer;
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String queue = queueOf(config);
        List<BoundedBuffer> receivers = queues.computeIfAbsent(queue, name -> new CopyOnWriteArrayList<>());
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE); // the buffers bound what is held, not the sender
            }

            @Override
            public void onNext(Message<?> message) {
                boolean delivered = !receivers.isEmpty();
                for (BoundedBuffer receiver : receivers) {
                    delivered &= receiver.offer(Message.of(message.getPayload(), message.getMetadata()));
                }
                if (delivered) {
                    message.ack();
                } else {
                    message.nack(new IllegalStateException(receivers.isEmpty()
                            ? "queue " + queue + " has no incoming channel" : "a buffer of queue " + queue + " is full"));
                }
            }

            @Override
            public void onError(Throwable failure) {
                LOG.errorf(failure, "the sender of queue %s failed", queue);
            }

            @Override
            public void onComplete() {
            }
        };
    }

    private static String queueOf(Config config) {
        return config.getOptionalValue("queue", String.class)
                .orElseGet(() -> config.getValue("channel-name", String.class));
    }

    /**
     * One incoming channel's messages: at most {@code capacity} held, handed on only as the channel asks
     * for them (its consumer's demand), so a slow consumer fills this buffer and nothing else.
     */
    static final class BoundedBuffer implements Flow.Publisher<Message<?>> {

        private final String channel;
        private final ArrayBlockingQueue<Message<?>> held;
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private final AtomicBoolean overflowing = new AtomicBoolean();
        private final AtomicLong dropped = new AtomicLong();
        private volatile Flow.Subscriber<? super Message<?>> subscriber;
        private volatile boolean cancelled;

        BoundedBuffer(String channel, int capacity) {
            this.channel = channel;
            this.held = new ArrayBlockingQueue<>(capacity);
        }

        /** Holds the message for the channel's consumer; false, and the message is dropped, when the buffer is full. */
        boolean offer(Message<?> message) {
            if (!held.offer(message)) {
                long count = dropped.incrementAndGet();
                if (overflowing.compareAndSet(false, true)) {
                    LOG.warnf("channel %s: its buffer of %d messages is full; dropping messages until it drains "
                            + "(dropped so far: %d)", channel, held.remainingCapacity() + held.size(), count);
                }
                return false;
            }
            if (overflowing.compareAndSet(true, false)) {
                LOG.infof("channel %s: accepting messages again (dropped so far: %d)", channel, dropped.get());
            }
            drain();
            return true;
        }

        long dropped() {
            return dropped.get();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Message<?>> candidate) {
            if (subscriber != null) {
                candidate.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                candidate.onError(new IllegalStateException("channel " + channel + " has a consumer already"));
                return;
            }
            subscriber = candidate;
            candidate.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    if (n <= 0) {
                        cancelled = true;
                        candidate.onError(new IllegalArgumentException("request must be positive (Reactive Streams §3.9)"));
                        return;
                    }
                    requested.accumulateAndGet(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
                    drain();
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
            drain();
        }

        /** Hands held messages to the consumer as far as its demand goes; one thread at a time, none left behind. */
        private void drain() {
            if (draining.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                Flow.Subscriber<? super Message<?>> consumer = subscriber;
                if (consumer != null) {
                    long demand = requested.get();
                    long sent = 0;
                    while (sent != demand && !cancelled) {
                        Message<?> next = held.poll();
                        if (next == null) {
                            break;
                        }
                        consumer.onNext(next);
                        sent++;
                    }
                    if (sent != 0 && demand != Long.MAX_VALUE) {
                        requested.addAndGet(-sent);
                    }
                }
                missed = draining.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}
