package adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.grpc.heartrate.AlertType;
import adapters.grpc.heartrate.ExerciseZoneRequest;
import adapters.grpc.heartrate.ExerciseZoneResponse;
import adapters.grpc.heartrate.HeartRateMeasurement;
import adapters.grpc.heartrate.HeartRateMonitorGrpc;
import adapters.grpc.heartrate.HeartRateRequest;
import adapters.grpc.heartrate.HeartRateResponse;
import adapters.grpc.heartrate.StatusRequest;
import adapters.grpc.heartrate.StatusResponse;
import adapters.rest.TestAccounts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heartrate.HeartRateMonitor service over a real gRPC client (grpc-java over Netty), on the HTTP port. */
@QuarkusTest
class HeartRateGrpcTest {

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Metadata authorization(String value) {
        Metadata metadata = new Metadata();
        if (value != null) {
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
        }
        return metadata;
    }

    private HeartRateMonitorGrpc.HeartRateMonitorBlockingStub blocking(String authorization) {
        return HeartRateMonitorGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(authorization(authorization)));
    }

    private static HeartRateRequest bpm(int bpm) {
        return HeartRateRequest.newBuilder().setBpm(bpm).build();
    }

    @Test
    void theStreamExampleGetsExactlyThoseRepliesInOrderAndGoesOnAfterRejections() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("grpc-stream");
        HeartRateStream stream = HeartRateStream.open(channel, user.basicAuthorization());
        for (int value : new int[] {72, 48, 35, 155, 190, 78}) {
            stream.requests.onNext(HeartRateRequest.newBuilder().setBpm(value).putMetadata("device", "strap").build());
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HeartRateResponse reply = stream.next();
            got.add(reply.getSuccess() ? "success " + reply.getAlertType() + " " + reply.getAlertTriggered()
                    : "failure " + reply.getError());
        }
        String outOfRange = "failure Heart rate out of typical range for an adult";
        assertEquals(List.of("success NONE false", "success LOW_HEART_RATE true", outOfRange,
                "success HIGH_HEART_RATE true", outOfRange, "success NONE false"), got);
        stream.send(90);
        assertTrue(stream.next().getSuccess());
        stream.requests.onCompleted();
        assertEquals(Status.Code.OK, stream.ended.get(10, TimeUnit.SECONDS).getCode());
        user.request().get("/v1/heart-rate/readings").then().statusCode(200)
                .body("items.bpm", org.hamcrest.Matchers.containsInAnyOrder(72, 48, 155, 78, 90))
                .body("items[0].device", org.hamcrest.Matchers.equalTo("strap"));
    }

    @Test
    void aStreamBeyondItsRateIsAnsweredWithTheReasonAndGoesOn() throws Exception {
        // the test profile's rate: 20 readings/s, 200 at once; a stream opens with its 200
        TestAccounts.User user = TestAccounts.newUser("grpc-rate");
        HeartRateStream stream = HeartRateStream.open(channel, user.basicAuthorization());
        int sent = 400; // beyond the 200, the refill would have to be 10 s for all of them to pass
        for (int i = 0; i < sent; i++) {
            stream.send(70);
        }
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < sent; i++) {
            HeartRateResponse reply = stream.next();
            if (reply.getSuccess()) {
                accepted++;
            } else {
                assertEquals("Too many readings on this stream: at most 20 per second (200 at once); this message was "
                        + "not stored, send it again in a moment.", reply.getError());
                refused++;
            }
            if (i < 200) {
                assertTrue(reply.getSuccess(), "reading " + i + " is within the stream's first 200");
            }
        }
        assertTrue(refused > 0, "all " + sent + " passed");
        Thread.sleep(600); // 12 readings' worth
        stream.send(71);
        assertTrue(stream.next().getSuccess(), "the stream goes on");
        stream.requests.onCompleted();
        user.request().get("/v1/heart-rate/readings").then().body("total_items", org.hamcrest.Matchers.equalTo(accepted + 1));
    }

    @Test
    void statusAfterSixtyAndOneHundredSixtyIsHighWithTheirExtremes() {
        TestAccounts.User user = TestAccounts.newUser("grpc-status");
        var stub = blocking("Bearer " + user.newToken());
        assertTrue(stub.submitHeartRate(bpm(60)).getSuccess());
        HeartRateResponse high = stub.submitHeartRate(bpm(160));
        assertTrue(high.getAlertTriggered());
        StatusResponse status = stub.getHeartRateStatus(StatusRequest.getDefaultInstance());
        assertTrue(status.getAlertActive());
        assertEquals(AlertType.HIGH_HEART_RATE, status.getAlertType());
        assertEquals(60, status.getStats().getMinBpm());
        assertEquals(160, status.getStats().getMaxBpm());
        assertEquals(110, status.getStats().getAverageBpm(), 1e-9);
        assertEquals(List.of(160, 60), status.getRecentMeasurementsList().stream().map(HeartRateMeasurement::getBpm).toList());
        assertTrue(status.getRecentMeasurements(0).getTriggeredAlert());
        for (int i = 0; i < 12; i++) {
            stub.submitHeartRate(bpm(70));
        }
        assertEquals(10, stub.getHeartRateStatus(StatusRequest.getDefaultInstance()).getRecentMeasurementsCount());
        assertEquals(3, stub.getHeartRateStatus(StatusRequest.newBuilder().setRecentCount(3).build())
                .getRecentMeasurementsCount());
        // the same over REST
        user.request().get("/v1/heart-rate/status").then().body("alert_type", org.hamcrest.Matchers.equalTo("HIGH"))
                .body("stats.min", org.hamcrest.Matchers.equalTo(60)).body("stats.max", org.hamcrest.Matchers.equalTo(160));
        StatusRuntimeException negative = assertThrows(StatusRuntimeException.class,
                () -> stub.getHeartRateStatus(StatusRequest.newBuilder().setRecentCount(-1).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, negative.getStatus().getCode());
    }

    @Test
    void aRejectedReadingAnswersTheErrorAndAReadingWithATimestampKeepsIt() {
        TestAccounts.User user = TestAccounts.newUser("grpc-submit");
        var stub = blocking(user.basicAuthorization());
        HeartRateResponse rejected = stub.submitHeartRate(bpm(30));
        assertFalse(rejected.getSuccess());
        assertEquals("Heart rate out of typical range for an adult", rejected.getError());
        long at = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        assertTrue(stub.submitHeartRate(HeartRateRequest.newBuilder().setBpm(65).setTimestamp(at).build()).getSuccess());
        user.request().get("/v1/heart-rate/readings").then()
                .body("items[0].timestamp", org.hamcrest.Matchers.equalTo(java.time.Instant.ofEpochSecond(at).toString()));
    }

    private static ExerciseZoneRequest zoneRequest(int age, int stepSeconds, int... bpm) {
        ExerciseZoneRequest.Builder request = ExerciseZoneRequest.newBuilder().setAge(age);
        long t0 = 1_796_112_000L;
        for (int i = 0; i < bpm.length; i++) {
            request.addMeasurements(HeartRateMeasurement.newBuilder().setBpm(bpm[i]).setTimestamp(t0 + (long) i * stepSeconds));
        }
        return request.build();
    }

    @Test
    void aMessageOverTheLimitIsResourceExhausted() {
        TestAccounts.User user = TestAccounts.newUser("grpc-big");
        var stub = blocking(user.basicAuthorization());
        int[] many = new int[200_000]; // ~1.4 MB of measurements, over the 1 MiB limit
        java.util.Arrays.fill(many, 120);
        StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> stub.calculateExerciseZones(zoneRequest(30, 5, many)));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertEquals(5, stub.calculateExerciseZones(zoneRequest(30, 5, 120, 121)).getTotalDuration(), "the channel goes on");
    }

    @Test
    void zonesUseTheThreeZoneMappingWithoutACap() {
        TestAccounts.User user = TestAccounts.newUser("grpc-zones");
        var stub = blocking(user.basicAuthorization());
        ExerciseZoneResponse example = stub.calculateExerciseZones(zoneRequest(30, 5, 90, 100, 120, 130, 140, 160));
        assertEquals(10, example.getZone1Time());
        assertEquals(5, example.getZone2Time());
        assertEquals(10, example.getZone3Time()); // 70-90 %: 135 and 150 bpm
        assertEquals(25, example.getTotalDuration());
        assertEquals(123.333, example.getAverageHeartRate(), 0.001);
        int[] hundred = new int[100];
        java.util.Arrays.fill(hundred, 120);
        ExerciseZoneResponse long_ = stub.calculateExerciseZones(zoneRequest(30, 5, hundred));
        assertEquals(495, long_.getZone2Time());
        assertEquals(495, long_.getTotalDuration());
        ExerciseZoneResponse top = stub.calculateExerciseZones(zoneRequest(30, 5, 175, 175)); // 92 %: above zone 3
        assertEquals(0, top.getZone3Time());
        assertEquals(5, top.getTotalDuration());
    }

    @Test
    void zoneRequestsThatCannotBeComputedAreInvalidArguments() {
        TestAccounts.User user = TestAccounts.newUser("grpc-zones-bad");
        var stub = blocking(user.basicAuthorization());
        for (int age : new int[] {0, -3, 121}) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> stub.calculateExerciseZones(zoneRequest(age, 5, 100, 110)));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertEquals("Age must be a positive integer", e.getStatus().getDescription());
        }
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
                () -> stub.calculateExerciseZones(zoneRequest(30, 5)));
        assertEquals(Status.Code.INVALID_ARGUMENT, none.getStatus().getCode());
        assertEquals("No measurements provided", none.getStatus().getDescription());
        StatusRuntimeException one = assertThrows(StatusRuntimeException.class,
                () -> stub.calculateExerciseZones(zoneRequest(30, 5, 100)));
        assertEquals(Status.Code.INVALID_ARGUMENT, one.getStatus().getCode());
    }

    @Test
    void callersWithoutAUserAccountAreRefused() {
        TestAccounts.User user = TestAccounts.newUser("grpc-auth");
        assertEquals(Status.Code.UNAUTHENTICATED, code(null));
        assertEquals(Status.Code.UNAUTHENTICATED, code("Basic " + Base64.getEncoder().encodeToString(
                (user.username() + ":wrong").getBytes())));
        assertEquals(Status.Code.UNAUTHENTICATED, code("Bearer sinus_not-a-token"));
        assertEquals(Status.Code.PERMISSION_DENIED, code("Basic " + Base64.getEncoder().encodeToString(
                (TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes())));
        user.request().get("/v1/heart-rate/readings").then().body("total_items", org.hamcrest.Matchers.equalTo(0));
    }

    private Status.Code code(String authorization) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> blocking(authorization).submitHeartRate(bpm(70)));
        StatusRuntimeException status = assertThrows(StatusRuntimeException.class,
                () -> blocking(authorization).getHeartRateStatus(StatusRequest.getDefaultInstance()));
        assertEquals(e.getStatus().getCode(), status.getStatus().getCode());
        return e.getStatus().getCode();
    }
}
