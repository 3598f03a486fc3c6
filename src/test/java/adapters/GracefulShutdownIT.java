package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.grpc.HeartRateStream;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, the way an operator or an orchestrator stops the service: a request whose body is still arriving finishes
 * and is acknowledged, WebSocket clients get a close frame, gRPC streams end with UNAVAILABLE (so clients reconnect
 * elsewhere), the process exits with 0, and a restart finds everything acknowledged and analyses it.
 */
class GracefulShutdownIT {

    private static final String ADMIN_PASSWORD = "shutdown-admin";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void sigtermFinishesInFlightRequestsClosesStreamsAndARestartResumes() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            app.start();
            app.as("admin", ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("username", "alice", "password", "alice-password")).post("/v1/admin/users")
                    .then().statusCode(201);
            String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice-password".getBytes(StandardCharsets.UTF_8));

            CompletableFuture<Integer> socketClosed = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", basic)
                    .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/v1/events/stream"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            socketClosed.complete(statusCode);
                            return webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""); // the closing handshake, as browsers do
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            socketClosed.completeExceptionally(error);
                        }
                    }).get(10, TimeUnit.SECONDS);

            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", app.port()).usePlaintext().build();
            HeartRateStream readings = HeartRateStream.open(channel, basic);
            readings.send(70);
            assertTrue(readings.next().getSuccess(), "the stream works before the stop");

            // an ECG whose body is half sent when the stop comes
            SlowBody body = new SlowBody(("{\"sampling_rate_hz\":250,\"leads\":[{\"name\":\"I\",\"signal\":[0,5,-5,3,-3,2,0,1]}]}")
                    .getBytes(StandardCharsets.UTF_8));
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(app.baseUri() + "/v1/ecgs")).header("Authorization", basic)
                            .header("Content-Type", "application/json").POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(body.halfSent.await(10, TimeUnit.SECONDS));

            long stopping = System.nanoTime();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.stopAndExitCode();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // the stop has begun
            body.sendRest();
            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(202, response.statusCode(), response.body());
            String id = response.body().replaceAll(".*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");

            assertEquals(1001, socketClosed.get(30, TimeUnit.SECONDS), "a close frame: going away");
            assertEquals(Status.Code.UNAVAILABLE, readings.ended.get(30, TimeUnit.SECONDS).getCode());
            assertEquals(143, exit.get(60, TimeUnit.SECONDS), "128 + SIGTERM, once the shutdown has run");
            assertTrue(app.log().contains("stopped in"), app.log());
            assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(20),
                    "nothing held the shutdown until its 30-s timeout");
            channel.shutdownNow();
            socket.abort();

            app.start();
            app.as("alice", "alice-password").get("/v1/ecgs/" + id).then().statusCode(200);
            app.awaitAllDone("alice", "alice-password", 1);
            assertTrue(app.log().lines().noneMatch(line -> line.contains(" ERROR ")), app.log());
        }
    }

    /** A request body sent in two halves: the second only when told. */
    private static final class SlowBody implements HttpRequest.BodyPublisher {
        private final byte[] bytes;
        final CountDownLatch halfSent = new CountDownLatch(1);
        private final CountDownLatch rest = new CountDownLatch(1);

        SlowBody(byte[] bytes) {
            this.bytes = bytes;
        }

        void sendRest() {
            rest.countDown();
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private int sent;

                @Override
                public synchronized void request(long n) {
                    if (sent == 0) {
                        sent = 1;
                        subscriber.onNext(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
                        halfSent.countDown();
                    } else if (sent == 1) {
                        sent = 2;
                        CompletableFuture.runAsync(() -> {
                            try {
                                rest.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            subscriber.onNext(ByteBuffer.wrap(bytes, bytes.length / 2, bytes.length - bytes.length / 2));
                            subscriber.onComplete();
                        });
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }

}
