package adapters;

import adapters.grpc.heartrate.HeartRateMonitorGrpc;
import adapters.grpc.heartrate.HeartRateRequest;
import adapters.grpc.heartrate.HeartRateResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heart-rate ingestion through the packaged jar, as clients drive it on loopback (the load generator shares the
 * machine's cores with the service): WebSocket streams (4 pipelined clients; 1,000 clients at 10 readings/s each),
 * gRPC streams (4 pipelined clients), HTTP batches of 1,000, and the status of a user with a million stored
 * readings. Prints one table: readings/s and reply latency p50/p99 per case, beside the targets. Not part of the
 * suite (its name ends in neither Test nor IT): {@code src/test/bench/heartrate.sh} runs it.
 */
class HeartRateBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    /** Readings in flight per pipelined client: latency is this many over the rate (Little), throughput needs some. */
    private static final int WINDOW = 128;

    @TempDir
    Path workDir;

    private PackagedApp app;
    private final List<String> rows = new ArrayList<>();
    private final AtomicInteger users = new AtomicInteger();

    @Test
    void heartRateIngestion() throws Exception {
        // the pipelined cases measure what the service can store, beyond what one stream may send by default
        Map<String, String> environment = new java.util.HashMap<>(Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SINUS_HEART_RATE_STREAM_RATE", "0"));
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isBlank()) { // where the service's time goes: a flight recording of the whole run
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=dumponexit=true,filename=" + jfr + ",settings=profile");
        }
        try (PackagedApp started = new PackagedApp(workDir, environment)) {
            app = started;
            app.start();
            webSocketPipelined(4);
            webSocketManyClients(1_000, 10);
            grpcPipelined(4);
            httpBatches(4, 1_000);
            statusWithAMillionReadings();
            app.stop();
        }
        System.out.println();
        System.out.println("| case | readings/s | p50 ms | p99 ms | target |");
        System.out.println("|---|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    /** A new user with an API token; returns the token. */
    private String newUserToken() {
        String name = "bench-" + users.incrementAndGet();
        // Connection: close, so that set-up connections do not count against the service's 1,024 while a case runs
        app.as("admin", ADMIN_PASSWORD).header("Connection", "close").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", name + "-password")).post("/v1/admin/users")
                .then().statusCode(201);
        return app.as(name, name + "-password").header("Connection", "close").contentType(ContentType.JSON)
                .body("{}").post("/v1/auth/tokens")
                .then().statusCode(201).extract().path("token");
    }

    /** Reply latencies of one case, in nanoseconds. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double percentileMillis(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
        }

        synchronized int size() {
            return size;
        }
    }

    private void row(String name, long readings, long nanos, Latencies latencies, String target) {
        rows.add(String.format("| %s | %,.0f | %.1f | %.1f | %s |", name, readings / (nanos / 1e9),
                latencies.percentileMillis(0.5), latencies.percentileMillis(0.99), target));
        System.out.println(rows.get(rows.size() - 1));
    }

    private static String reading(long i) {
        return "{\"bpm\":" + (60 + i % 90) + "}";
    }

    /** One WebSocket client (Vert.x's, so that the load generator spends little of the shared cores) whose replies, in order, are matched with the send times of its readings. */
    private static final class StreamClient {
        final long[] sentAt;
        final AtomicLong replies = new AtomicLong();
        final Latencies latencies;
        io.vertx.core.http.WebSocket socket;

        StreamClient(int capacity, Latencies latencies) {
            this.sentAt = new long[capacity];
            this.latencies = latencies;
        }

        Runnable onReply = () -> { };
        final AtomicLong sends = new AtomicLong();

        void received(String text) {
            if (!text.contains("\"accepted\"")) {
                System.out.println("not accepted: " + text);
            }
            long n = replies.getAndIncrement();
            latencies.add(System.nanoTime() - sentAt[(int) (n % sentAt.length)]);
            onReply.run();
        }

        void send(long n, String text) {
            sentAt[(int) (n % sentAt.length)] = System.nanoTime();
            sends.incrementAndGet();
            socket.writeTextMessage(text);
        }

        long sentCount() {
            return sends.get();
        }
    }

    private CompletableFuture<StreamClient> connect(io.vertx.core.http.HttpClient http, String token, int capacity,
                                                    Latencies latencies) {
        StreamClient client = new StreamClient(capacity, latencies);
        io.vertx.core.http.WebSocketConnectOptions options = new io.vertx.core.http.WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(app.port()).setURI("/v1/heart-rate/stream")
                .addHeader("Authorization", "Bearer " + token);
        return http.webSocket(options).map(socket -> {
            client.socket = socket;
            socket.textMessageHandler(client::received);
            return client;
        }).toCompletionStage().toCompletableFuture();
    }

    private static io.vertx.core.http.HttpClient webSocketClient(io.vertx.core.Vertx vertx) {
        return vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setMaxWebSockets(4_000));
    }

    private void webSocketPipelined(int clients) throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        io.vertx.core.http.HttpClient http = webSocketClient(vertx);
        Latencies latencies = new Latencies();
        List<StreamClient> connected = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connected.add(connect(http, newUserToken(), WINDOW * 2, latencies).join());
        }
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        // reply-driven: each reply lets the next reading go, so WINDOW stay in flight and nothing spins
        for (StreamClient client : connected) {
            AtomicLong sent = new AtomicLong();
            client.onReply = () -> {
                if (System.nanoTime() < end) {
                    long n = sent.getAndIncrement();
                    client.send(n, reading(n));
                }
            };
            client.socket.exceptionHandler(failure -> System.out.println("socket failed: " + failure));
            vertx.runOnContext(v -> {
                for (int i = 0; i < WINDOW; i++) {
                    long n = sent.getAndIncrement();
                    client.send(n, reading(n));
                }
            });
        }
        Thread.sleep(RUN.toMillis());
        for (StreamClient client : connected) {
            awaitReplies(client.replies, client.sentCount());
        }
        long elapsed = System.nanoTime() - start;
        vertx.close().toCompletionStage().toCompletableFuture().join();
        row("WebSocket, " + clients + " clients, pipelined (" + WINDOW + " in flight each)", latencies.size(), elapsed,
                latencies, ">= 30,000/s, p99 < 50 ms");
    }

    private void webSocketManyClients(int clients, int perSecond) throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        io.vertx.core.http.HttpClient http = webSocketClient(vertx);
        Latencies latencies = new Latencies();
        String[] tokens = new String[clients / 10];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = newUserToken(); // ten devices per user
        }
        List<StreamClient> connected = new ArrayList<>();
        for (int first = 0; first < clients; first += 50) { // devices come online a few at a time, not in one burst
            List<CompletableFuture<StreamClient>> opening = new ArrayList<>();
            for (int i = first; i < Math.min(clients, first + 50); i++) {
                opening.add(connect(http, tokens[i % tokens.length], 64, latencies));
            }
            for (CompletableFuture<StreamClient> client : opening) {
                connected.add(client.join());
            }
        }
        long[] sent = new long[clients];
        long periodMillis = 1000 / perSecond;
        long start = System.nanoTime();
        List<Long> timers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int index = c;
            // spread the clients over the period, as independent devices are
            vertx.setTimer(1 + (periodMillis * c) / clients, first -> timers.add(vertx.setPeriodic(periodMillis, tick -> {
                connected.get(index).send(sent[index], reading(sent[index]));
                sent[index]++;
            })));
        }
        Thread.sleep(RUN.toMillis());
        vertx.runOnContext(v -> timers.forEach(vertx::cancelTimer));
        Thread.sleep(200);
        long elapsed = System.nanoTime() - start;
        for (int c = 0; c < clients; c++) {
            awaitReplies(connected.get(c).replies, sent[c]);
        }
        long served = connected.stream().filter(client -> client.replies.get() > 0).count();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        row("WebSocket, " + clients + " clients at " + perSecond + "/s (" + served + " served)", latencies.size(),
                elapsed, latencies, "all served, p99 < 100 ms");
    }

    private void grpcPipelined(int clients) throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", app.port()).usePlaintext().build();
        Latencies latencies = new Latencies();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(newUserToken());
        }
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Metadata metadata = new Metadata();
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + tokens.get(i));
            long[] sentAt = new long[WINDOW * 2];
            AtomicLong replies = new AtomicLong();
            AtomicLong sent = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            Object[] stream = new Object[1];
            Runnable sendOne = () -> {
                @SuppressWarnings("unchecked")
                StreamObserver<HeartRateRequest> requests = (StreamObserver<HeartRateRequest>) stream[0];
                synchronized (requests) {
                    long n = sent.getAndIncrement();
                    sentAt[(int) (n % sentAt.length)] = System.nanoTime();
                    requests.onNext(HeartRateRequest.newBuilder().setBpm((int) (60 + n % 90)).build());
                }
            };
            StreamObserver<HeartRateRequest> requests = HeartRateMonitorGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .streamHeartRate(new StreamObserver<>() {
                        @Override
                        public void onNext(HeartRateResponse response) {
                            if (!response.getSuccess()) {
                                System.out.println("not accepted: " + response.getError());
                            }
                            long n = replies.getAndIncrement();
                            latencies.add(System.nanoTime() - sentAt[(int) (n % sentAt.length)]);
                            if (System.nanoTime() < end) {
                                sendOne.run(); // each reply lets the next reading go: WINDOW stay in flight
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            System.out.println("stream failed: " + t);
                            done.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            done.countDown();
                        }
                    });
            stream[0] = requests;
            for (int w = 0; w < WINDOW; w++) {
                sendOne.run();
            }
            Thread sender = new Thread(() -> {
                LockSupport.parkNanos(end - System.nanoTime());
                awaitReplies(replies, sent.get());
                synchronized (requests) {
                    requests.onCompleted();
                }
                try {
                    done.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long elapsed = System.nanoTime() - start;
        channel.shutdownNow();
        row("gRPC, " + clients + " streams, pipelined (" + WINDOW + " in flight each)", latencies.size(), elapsed, latencies, ">= 30,000/s, p99 < 50 ms");
    }

    private void httpBatches(int clients, int batch) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Latencies latencies = new Latencies();
        AtomicLong readings = new AtomicLong();
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = newUserToken();
            StringBuilder body = new StringBuilder("[");
            long now = Instant.now().getEpochSecond();
            for (int i = 0; i < batch; i++) {
                body.append(i == 0 ? "" : ",").append("{\"bpm\":").append(60 + i % 90).append(",\"timestamp\":")
                        .append(now - batch + i).append('}');
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUri() + "/v1/heart-rate/readings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build();
            Thread sender = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sentAt = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            System.out.println("batch answered " + response.statusCode() + ": " + response.body());
                            continue;
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    latencies.add(System.nanoTime() - sentAt);
                    readings.addAndGet(batch);
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        row("HTTP, batches of " + batch + ", 4 clients (latency per batch)", readings.get(), System.nanoTime() - start,
                latencies, ">= 200,000/s");
    }

    private void statusWithAMillionReadings() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = newUserToken();
        long now = Instant.now().getEpochSecond();
        int total = 1_000_000;
        int batch = 10_000;
        long loadStart = System.nanoTime();
        for (int first = 0; first < total; first += batch) {
            StringBuilder body = new StringBuilder("[");
            for (int i = first; i < first + batch; i++) {
                body.append(i == first ? "" : ",").append("{\"bpm\":").append(60 + i % 90).append(",\"timestamp\":")
                        .append(now - total + i).append('}');
            }
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUri() + "/v1/heart-rate/readings"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("loading answered " + response.statusCode());
            }
        }
        System.out.printf("loaded %,d readings for one user in %.1f s%n", total, (System.nanoTime() - loadStart) / 1e9);
        HttpRequest status = HttpRequest.newBuilder(URI.create(app.baseUri() + "/v1/heart-rate/status"))
                .header("Authorization", "Bearer " + token).build();
        Latencies latencies = new Latencies();
        for (int i = 0; i < 100; i++) {
            http.send(status, HttpResponse.BodyHandlers.ofString()); // warm-up
        }
        long start = System.nanoTime();
        int calls = 1_000;
        for (int i = 0; i < calls; i++) {
            long sentAt = System.nanoTime();
            HttpResponse<String> response = http.send(status, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - sentAt);
            if (response.statusCode() != 200 || response.body().contains("\"count\":0")) {
                throw new IllegalStateException("status answered " + response.statusCode() + ": " + response.body());
            }
        }
        rows.add(String.format("| status of a user with %,d readings (calls/s, one client) | %,.0f | %.1f | %.1f | < 10 ms |",
                total, calls / ((System.nanoTime() - start) / 1e9), latencies.percentileMillis(0.5),
                latencies.percentileMillis(0.99)));
    }

    private static void awaitReplies(AtomicLong replies, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (replies.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }
}
