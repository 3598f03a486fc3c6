package adapters.grpc;

import adapters.grpc.heartrate.AlertType;
import adapters.grpc.heartrate.ExerciseZoneRequest;
import adapters.grpc.heartrate.ExerciseZoneResponse;
import adapters.grpc.heartrate.HeartRateMeasurement;
import adapters.grpc.heartrate.HeartRateMonitor;
import adapters.grpc.heartrate.HeartRateRequest;
import adapters.grpc.heartrate.HeartRateResponse;
import adapters.grpc.heartrate.HeartRateStats;
import adapters.grpc.heartrate.StatusRequest;
import adapters.grpc.heartrate.StatusResponse;
import adapters.http.Caller;
import adapters.http.Failures;
import adapters.http.ReadingMessages;
import adapters.http.StreamLimits;
import adapters.http.StreamRate;
import domain.InvalidInputException;
import domain.heartrate.Alert;
import domain.heartrate.Reading;
import domain.heartrate.ReadingVerdict;
import domain.heartrate.Timestamps;
import domain.heartrate.TrainingZones;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import usecase.heartrate.ComputeTrainingZones;
import usecase.heartrate.GetHeartRateStatus;
import usecase.heartrate.HeartRatePolicy;
import usecase.heartrate.RecordReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code heartrate.HeartRateMonitor} gRPC service that existing monitoring clients speak, served on the HTTP
 * port and authenticated like the REST API (an {@code authorization} metadata entry: {@code Bearer <token>} or
 * {@code Basic ...}). It calls the same use cases as REST and the WebSocket stream. A stream is pipelined: every
 * reading is handed to the store as it arrives and answered, in order, once stored; it holds no thread. A stream sends
 * at most {@code sinus.heart-rate.stream-rate} readings per second ({@link StreamRate}): one beyond is answered
 * {@code success=false} with the reason, unstored, and the stream goes on.
 */
@GrpcService
public class HeartRateGrpcService implements HeartRateMonitor {

    static final String AGE = "Age must be a positive integer";
    static final String NO_MEASUREMENTS = "No measurements provided";

    private final CurrentIdentityAssociation identities;
    private final RecordReadings recordReadings;
    private final GetHeartRateStatus getStatus;
    private final ComputeTrainingZones computeZones;
    private final HeartRatePolicy policy;
    private final StreamLimits limits;
    private final Set<MultiEmitter<? super HeartRateResponse>> openStreams = ConcurrentHashMap.newKeySet();

    HeartRateGrpcService(CurrentIdentityAssociation identities, RecordReadings recordReadings, GetHeartRateStatus getStatus,
                         ComputeTrainingZones computeZones, HeartRatePolicy policy, StreamLimits limits,
                         MeterRegistry registry) {
        Gauge.builder("sinus.grpc.streams", openStreams, Set::size)
                .description("gRPC heart-rate streams open now").register(registry);
        this.identities = identities;
        this.recordReadings = recordReadings;
        this.getStatus = getStatus;
        this.computeZones = computeZones;
        this.policy = policy;
        this.limits = limits;
    }

    @Override
    public Uni<HeartRateResponse> submitHeartRate(HeartRateRequest request) {
        return caller().chain(owner -> Uni.createFrom().completionStage(() -> submit(owner, request)));
    }

    @Override
    public Multi<HeartRateResponse> streamHeartRate(Multi<HeartRateRequest> requests) {
        return caller().onItem().transformToMulti(owner -> stream(owner, requests));
    }

    private Multi<HeartRateResponse> stream(UUID owner, Multi<HeartRateRequest> requests) {
        return Multi.createFrom().emitter(emitter -> {
            openStreams.add(emitter);
            emitter.onTermination(() -> openStreams.remove(emitter));
            // each request is stored as it arrives; its response waits for the one before it, so they go out in order
            var replied = new Object() {
                CompletionStage<Void> last = CompletableFuture.completedFuture(null);
            };
            StreamRate rate = limits.open();
            requests.subscribe().with(
                    request -> {
                        CompletionStage<HeartRateResponse> response = rate.take(1) ? submit(owner, request)
                                : CompletableFuture.completedFuture(failure(rate.refusal()));
                        replied.last = replied.last.thenCombine(response, (previous, reply) -> reply)
                                .thenAccept(emitter::emit);
                    },
                    failure -> replied.last.whenComplete((done, ignored) -> emitter.fail(failure)),
                    () -> replied.last.whenComplete((done, ignored) -> emitter.complete()));
        });
    }

    /**
     * At the start of a graceful shutdown every open stream ends with UNAVAILABLE, so its client reconnects (to another
     * instance, or to this one once it is back) instead of holding the shutdown until its timeout.
     */
    void endStreams(@Observes @jakarta.annotation.Priority(1000) ShutdownDelayInitiatedEvent event) {
        for (MultiEmitter<? super HeartRateResponse> stream : List.copyOf(openStreams)) {
            stream.fail(Status.UNAVAILABLE.withDescription("Sinus is shutting down; reconnect shortly").asRuntimeException());
        }
    }

    private CompletionStage<HeartRateResponse> submit(UUID owner, HeartRateRequest request) {
        Instant time = null;
        if (request.getTimestamp() != 0) {
            time = Timestamps.ofEpochSeconds(request.getTimestamp());
            if (time == null) {
                return CompletableFuture.completedFuture(failure("timestamp must be Unix seconds (0 for now)"));
            }
        }
        String device = request.getMetadataMap().get("device");
        return recordReadings.execute(owner, List.of(new RecordReadings.Input(request.getBpm(), time, device)))
                .thenApply(verdicts -> response(verdicts.get(0)))
                .exceptionally(failure -> failure(ReadingMessages.unstoredReason(failure)));
    }

    private static HeartRateResponse response(ReadingVerdict verdict) {
        if (verdict instanceof ReadingVerdict.Rejected rejected) {
            return failure(rejected.reason());
        }
        Alert alert = ((ReadingVerdict.Accepted) verdict).alert();
        return HeartRateResponse.newBuilder().setSuccess(true).setAlertTriggered(alert != null)
                .setAlertType(alertType(alert)).build();
    }

    private static HeartRateResponse failure(String error) {
        return HeartRateResponse.newBuilder().setSuccess(false).setError(error).setAlertType(AlertType.NONE).build();
    }

    @Override
    public Uni<StatusResponse> getHeartRateStatus(StatusRequest request) {
        return call(owner -> {
            int recent = request.getRecentCount() == 0 ? GetHeartRateStatus.DEFAULT_RECENT : request.getRecentCount();
            GetHeartRateStatus.Status status = getStatus.execute(
                    new GetHeartRateStatus.Query(owner, recent, GetHeartRateStatus.DEFAULT_WINDOW));
            StatusResponse.Builder response = StatusResponse.newBuilder()
                    .setAlertActive(status.stats().worstAlert() != null)
                    .setAlertType(alertType(status.stats().worstAlert()))
                    .setStats(HeartRateStats.newBuilder()
                            .setAverageBpm(status.stats().count() == 0 ? 0 : status.stats().average())
                            .setMinBpm(status.stats().min()).setMaxBpm(status.stats().max()));
            for (Reading reading : status.recent()) {
                response.addRecentMeasurements(HeartRateMeasurement.newBuilder().setBpm(reading.bpm())
                        .setTimestamp(reading.time().getEpochSecond()).setTriggeredAlert(reading.alert() != null));
            }
            return response.build();
        });
    }

    /**
     * Percent of the maximum heart rate by Fox (220 − age), as REST's percent_max; the three zones of this
     * message are 50–60 %, 60–70 % and 70–90 % (REST's zones 1, 2, and 3 and 4 together).
     */
    @Override
    public Uni<ExerciseZoneResponse> calculateExerciseZones(ExerciseZoneRequest request) {
        return call(owner -> {
            if (request.getAge() <= 0 || request.getAge() > 120) {
                throw Status.INVALID_ARGUMENT.withDescription(AGE).asRuntimeException();
            }
            if (request.getMeasurementsCount() == 0) {
                throw Status.INVALID_ARGUMENT.withDescription(NO_MEASUREMENTS).asRuntimeException();
            }
            List<ComputeTrainingZones.Sample> samples = new ArrayList<>(request.getMeasurementsCount());
            for (HeartRateMeasurement measurement : request.getMeasurementsList()) {
                samples.add(new ComputeTrainingZones.Sample(Instant.ofEpochSecond(measurement.getTimestamp()),
                        measurement.getBpm()));
            }
            TrainingZones.Times times = computeZones.execute(new TrainingZones.Parameters(request.getAge(), null,
                    TrainingZones.Method.PERCENT_MAX, TrainingZones.MaxFormula.FOX, policy.zoneMaxGap()), samples);
            double[] zones = times.zoneSeconds();
            return ExerciseZoneResponse.newBuilder()
                    .setZone1Time(seconds(zones[0])).setZone2Time(seconds(zones[1]))
                    .setZone3Time(seconds(zones[2] + zones[3])).setTotalDuration(seconds(times.totalSeconds()))
                    .setAverageHeartRate(times.averageBpm()).build();
        });
    }

    private static int seconds(double seconds) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(seconds));
    }

    /**
     * Runs a unary call for the caller on a worker thread (it reads the database), answering the domain's refusals
     * and the database's absence with gRPC statuses.
     */
    private <T> Uni<T> call(Function<UUID, T> work) {
        return caller().emitOn(Infrastructure.getDefaultWorkerPool()).map(owner -> {
            try {
                return work.apply(owner);
            } catch (InvalidInputException e) {
                throw Status.INVALID_ARGUMENT.withDescription(e.violations().stream()
                        .map(InvalidInputException.Violation::toString).collect(Collectors.joining("; "))).asRuntimeException();
            } catch (StatusRuntimeException e) {
                throw e;
            } catch (RuntimeException e) {
                if (Failures.databaseUnreachable(e)) {
                    throw Status.UNAVAILABLE.withDescription("The database is unavailable; try again shortly.")
                            .asRuntimeException();
                }
                throw e;
            }
        });
    }

    /**
     * The calling user, authenticated by the HTTP layer from the {@code authorization} metadata entry: without
     * valid credentials UNAUTHENTICATED, an administrator (who has no heart-rate data) PERMISSION_DENIED.
     */
    private Uni<UUID> caller() {
        return identities.getDeferredIdentity()
                .onFailure().transform(failure -> Status.UNAUTHENTICATED.withDescription(Failures.UNAUTHENTICATED)
                        .asRuntimeException())
                .map(identity -> {
                    if (identity.isAnonymous()) {
                        throw Status.UNAUTHENTICATED.withDescription(Failures.UNAUTHENTICATED).asRuntimeException();
                    }
                    if (!identity.hasRole("user")) {
                        throw Status.PERMISSION_DENIED.withDescription("Your account may not use this service.")
                                .asRuntimeException();
                    }
                    return Caller.id(identity);
                });
    }

    private static AlertType alertType(Alert alert) {
        return alert == null ? AlertType.NONE : alert == Alert.LOW ? AlertType.LOW_HEART_RATE : AlertType.HIGH_HEART_RATE;
    }
}
