package adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** The in-process connector on its own: demand, the bound on each buffer, what a full one does, the fan-out. */
class InProcessConnectorTest {

    private final InProcessConnector connector = new InProcessConnector();
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicInteger nacked = new AtomicInteger();

    private static Config channel(String name, Map<String, String> attributes) {
        Map<String, String> values = new java.util.HashMap<>(attributes);
        values.put("channel-name", name);
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }

    /** A consumer that asks for nothing until told to. */
    private static final class Consumer implements Flow.Subscriber<Message<?>> {
        final List<Object> received = new CopyOnWriteArrayList<>();
        Flow.Subscription subscription;
        Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(Message<?> message) {
            received.add(message.getPayload());
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
        }

        @Override
        public void onComplete() {
        }
    }

    private Consumer consume(String channel, Map<String, String> attributes) {
        Consumer consumer = new Consumer();
        @SuppressWarnings("unchecked")
        Flow.Publisher<Message<?>> publisher = (Flow.Publisher<Message<?>>) connector.getPublisher(channel(channel, attributes));
        publisher.subscribe(consumer);
        return consumer;
    }

    @SuppressWarnings("unchecked")
    private Flow.Subscriber<Message<?>> sender(String channel, Map<String, String> attributes) {
        Flow.Subscriber<Message<?>> sender = (Flow.Subscriber<Message<?>>) connector.getSubscriber(channel(channel, attributes));
        List<Long> requested = new ArrayList<>();
        sender.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.add(n);
            }

            @Override
            public void cancel() {
            }
        });
        assertEquals(List.of(Long.MAX_VALUE), requested, "the sender is never held back");
        return sender;
    }

    private void send(Flow.Subscriber<Message<?>> sender, Object payload) {
        sender.onNext(Message.of(payload, () -> {
            acked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }));
    }

    @Test
    void aFullBufferDropsAndNacksNewMessagesAndTheStreamCarriesOnOnceThereIsRoom() {
        Consumer consumer = consume("jobs", Map.of("queue", "work", "buffer-size", "3"));
        Flow.Subscriber<Message<?>> sender = sender("requests", Map.of("queue", "work"));

        for (int i = 1; i <= 5; i++) {
            send(sender, i);
        }

        assertEquals(List.of(), consumer.received, "nothing is pushed before it is asked for");
        assertEquals(3, acked.get());
        assertEquals(2, nacked.get(), "the messages beyond the buffer are refused, not held");
        consumer.subscription.request(10);
        assertEquals(List.of(1, 2, 3), consumer.received, "the held ones, in order");
        send(sender, 6);
        assertEquals(List.of(1, 2, 3, 6), consumer.received, "the stream is alive: outstanding demand is served at once");
        assertEquals(null, consumer.failure);
    }

    @Test
    void handsOnNoMoreThanTheConsumerAskedFor() {
        Consumer consumer = consume("jobs", Map.of("queue", "work"));
        Flow.Subscriber<Message<?>> sender = sender("requests", Map.of("queue", "work"));
        for (int i = 1; i <= 4; i++) {
            send(sender, i);
        }

        consumer.subscription.request(1);
        assertEquals(List.of(1), consumer.received);
        consumer.subscription.request(2);
        assertEquals(List.of(1, 2, 3), consumer.received);
        assertEquals(4, acked.get());
    }

    @Test
    void everyIncomingChannelOfAQueueReceivesEveryMessage() {
        Consumer first = consume("feed-a", Map.of("queue", "events"));
        Consumer second = consume("feed-b", Map.of("queue", "events"));
        Consumer elsewhere = consume("other", Map.of("queue", "other-queue"));
        first.subscription.request(Long.MAX_VALUE);
        second.subscription.request(Long.MAX_VALUE);
        elsewhere.subscription.request(Long.MAX_VALUE);
        Flow.Subscriber<Message<?>> sender = sender("publish", Map.of("queue", "events"));

        send(sender, "a");
        send(sender, "b");

        assertEquals(List.of("a", "b"), first.received);
        assertEquals(List.of("a", "b"), second.received);
        assertTrue(elsewhere.received.isEmpty(), "queues are kept apart");
    }

    @Test
    void aMessageForAQueueWithoutConsumersIsRefused() {
        send(sender("requests", Map.of("queue", "nobody")), "lost");

        assertEquals(0, acked.get());
        assertEquals(1, nacked.get());
    }

    @Test
    void aBufferAcceptsOneConsumerOnly() {
        @SuppressWarnings("unchecked")
        Flow.Publisher<Message<?>> publisher = (Flow.Publisher<Message<?>>) connector.getPublisher(channel("jobs", Map.of()));
        Consumer first = new Consumer();
        Consumer second = new Consumer();
        publisher.subscribe(first);
        publisher.subscribe(second);

        assertEquals(null, first.failure);
        assertTrue(second.failure instanceof IllegalStateException);
    }
}
