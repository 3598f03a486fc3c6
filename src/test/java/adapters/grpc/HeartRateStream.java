package adapters.grpc;

import adapters.grpc.heartrate.HeartRateMonitorGrpc;
import adapters.grpc.heartrate.HeartRateRequest;
import adapters.grpc.heartrate.HeartRateResponse;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client's {@code StreamHeartRate} call (grpc-java): what it sends, every reply in order, and how it ended. */
public final class HeartRateStream implements StreamObserver<HeartRateResponse> {

    public final BlockingQueue<HeartRateResponse> replies = new LinkedBlockingQueue<>();
    /** OK when the server completed the stream, else the status it failed it with. */
    public final CompletableFuture<Status> ended = new CompletableFuture<>();
    public final StreamObserver<HeartRateRequest> requests;

    private HeartRateStream(Channel channel, String authorization) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
        requests = HeartRateMonitorGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .streamHeartRate(this);
    }

    /** Opens a stream on {@code channel} with the {@code authorization} metadata entry. */
    public static HeartRateStream open(Channel channel, String authorization) {
        return new HeartRateStream(channel, authorization);
    }

    public void send(int bpm) {
        requests.onNext(HeartRateRequest.newBuilder().setBpm(bpm).build());
    }

    /** The next reply; fails after 10 s without one. */
    public HeartRateResponse next() throws InterruptedException {
        HeartRateResponse reply = replies.poll(10, TimeUnit.SECONDS);
        if (reply == null) {
            throw new AssertionError("no reply within 10 s");
        }
        return reply;
    }

    @Override
    public void onNext(HeartRateResponse reply) {
        replies.add(reply);
    }

    @Override
    public void onError(Throwable t) {
        ended.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
        ended.complete(Status.OK);
    }
}
