package adapters.http;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import adapters.config.SinusConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;
import usecase.account.LoginThrottledException;
import usecase.port.PasswordHasher;
import usecase.startup.PrepareDatabase;

/**
 * The first thing every request meets, before any body is read:
 * <ol>
 *   <li>a body declared larger than its route's limit ({@code sinus.http.max-body-size}, or
 *       {@code sinus.http.max-import-size} for the {@code sinus.http.upload-paths}) is refused with a 413 problem;</li>
 *   <li>a request to the API that carries a body is authenticated first: an anonymous or wrong caller gets
 *       its 401 before a byte of the body is read (the identity is computed once, and the API reuses it);</li>
 *   <li>a body sent without a Content-Length is counted as it arrives, against the same per-route limit
 *       (upload endpoints: by the HTTP server, which stops reading at the limit); other routes get it
 *       buffered here, at most their limit, and a 413 problem the moment it goes over;</li>
 *   <li>a body that arrives too slowly is cut off: within {@code sinus.http.body-timeout} on ordinary
 *       routes, at {@code sinus.http.min-upload-rate} or faster on the upload endpoints.</li>
 * </ol>
 */
@ApplicationScoped
public class HttpEdge implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    /** Quarkus's routing-context key for the limit on a body without Content-Length. */
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";
    private static final long GUARD_PERIOD_MS = 2_000;
    private static final String SIGN_IN = "/v1/auth/session";

    private final ObjectMapper mapper;
    private final Set<ConnectionBase> served = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int maxConnections = Integer.MAX_VALUE;
    /** Endpoints that stream their body to disk instead of holding it, so they may take much larger ones. */
    private Set<String> uploadPaths = Set.of();
    private long bodyLimit;
    private long uploadLimit;
    private long bodyTimeoutMs;
    private long minUploadRate;

    private final PrepareDatabase prepare;
    /** Requests being answered now (WebSocket connections are not requests: they are told to go away instead). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Duration drainTimeout = Duration.ofSeconds(30);

    HttpEdge(ObjectMapper mapper, PrepareDatabase prepare) {
        this.mapper = mapper;
        this.prepare = prepare;
    }

    void install(@Observes Router router, SinusConfig config) {
        maxConnections = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-connections", Integer.class).orElse(Integer.MAX_VALUE);
        uploadPaths = Set.copyOf(config.http().uploadPaths());
        bodyLimit = config.http().maxBodySize().asLongValue();
        uploadLimit = config.http().maxImportSize().asLongValue();
        bodyTimeoutMs = config.http().bodyTimeout().toMillis();
        minUploadRate = config.http().minUploadRate().asLongValue();
        drainTimeout = config.http().drainTimeout();
        router.route().order(-310).handler(this::countInFlight);
        // Before authentication (-200), which may need the database: every route but the platform's own (/q/:
        // health, OpenAPI) waits for it, WebSocket upgrades included.
        router.route().order(-300).handler(this::capConnections);
        router.route().order(-250).handler(this::refuseUntilPrepared);
        router.route().order(-240).handler(this::refuseCrossSiteSessionUse);
        // After Quarkus's own authentication (-200) and body-size (-2) handlers, before any body handler.
        router.route().order(-1).handler(this::handle);
        // Whatever fails outside the REST layer's own mapping still answers a problem, without internals.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /**
     * HTTP/2 over cleartext is on because gRPC clients speak it (with prior knowledge) on the HTTP port; its
     * requests meet this edge like HTTP/1.1 ones.
     */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(true);
    }

    private static boolean isGrpc(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.version() == HttpVersion.HTTP_2 && type != null
                && type.startsWith("application/grpc");
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (failure != null) {
            refuse(context, failure);
            return;
        }
        if (status >= 500) {
            String reference = java.util.UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected failure, reference %s", reference);
            respond(context, status, "An unexpected error occurred; quote reference " + reference + " when reporting it.");
            return;
        }
        respond(context, status, status == 413 ? "The body is larger than this endpoint's limit."
                : Problem.title(status) + ".");
    }

    /**
     * At most {@code quarkus.http.limits.max-connections} connections are served at once. Quarkus counts them as
     * Vert.x reports them, which it no longer does reliably once HTTP/2 over cleartext is on (gRPC needs it): so
     * they are counted here too, from their first request, and a connection beyond the cap is closed unanswered.
     */
    private void capConnections(RoutingContext context) {
        if (!(context.request().connection() instanceof ConnectionBase connection) || served.contains(connection)) {
            context.next();
            return;
        }
        if (served.size() >= maxConnections) {
            connection.close();
            return;
        }
        if (served.add(connection)) {
            connection.closeFuture().onComplete(closed -> served.remove(connection));
        }
        context.next();
    }

    /**
     * A request that relies on the session cookie (no {@code Authorization} header) is refused when another site's
     * page could have made it: a state-changing one without the page's {@value SessionCookies#CSRF_HEADER} header
     * (which a page of another origin cannot send), or any request, WebSocket upgrades included, whose
     * {@code Origin} is another one. {@code SameSite=Strict} already keeps browsers from sending the cookie across
     * sites; this holds even where a browser or a sibling subdomain does not.
     */
    private void refuseCrossSiteSessionUse(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!SessionCookies.carriesSession(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            context.next();
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, request)) {
            respond(context, 403, "This request comes from a page of another origin; it may not use your session.");
            return;
        }
        if (!safe(request.method()) && request.getHeader(SessionCookies.CSRF_HEADER) == null) {
            respond(context, 403, "A request signed in with the session cookie must carry the "
                    + SessionCookies.CSRF_HEADER + " header (the dashboard sends it).");
            return;
        }
        context.next();
    }

    /** GET, HEAD and OPTIONS: they change nothing and carry no body. */
    private static boolean safe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String bare = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return bare.equalsIgnoreCase(host);
    }

    /** The platform's own routes (health, metrics, OpenAPI) stay open while the database is away and while draining. */
    private static boolean platform(RoutingContext context) {
        return context.normalizedPath().startsWith("/q/");
    }

    private void countInFlight(RoutingContext context) {
        if (draining && !platform(context)) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "1").putHeader(HttpHeaders.CONNECTION, "close");
            respond(context, 503, "Sinus is shutting down; try again shortly.");
            return;
        }
        if (!"websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            inFlight.incrementAndGet();
            context.addEndHandler(ended -> inFlight.decrementAndGet());
        }
        context.next();
    }

    /**
     * Graceful shutdown (SIGTERM), after the streams were told to go away ({@code adapters.websocket.GoingAway},
     * the gRPC service): new requests get 503, and the stop waits until those in progress are answered, at most
     * {@code sinus.http.drain-timeout}. (Quarkus's own {@code quarkus.shutdown.timeout} is not used: it counts every
     * WebSocket upgrade as a request that never ends, so any WebSocket opened since the start held every stop for the
     * whole timeout.)
     */
    void drain(@Observes @Priority(2000) ShutdownDelayInitiatedEvent event) {
        draining = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warnf("%d request(s) still running after %s; stopping anyway", inFlight.get(), drainTimeout);
        }
    }

    /** Until the database has been prepared (it may be down at start-up), every request gets a 503. */
    private void refuseUntilPrepared(RoutingContext context) {
        if (prepare.isPrepared() || platform(context)) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        respond(context, 503, "Sinus is waiting for its database; try again shortly.");
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        boolean upload = uploadPaths.contains(path);
        long limit = upload ? uploadLimit : bodyLimit;
        if (request.isEnded() || !hasBody(request) || isGrpc(request)) {
            // a gRPC call's messages stream for as long as the call lasts; the gRPC server bounds each message
            context.next();
            return;
        }
        // signing in is the one API call with a body that anybody may make
        boolean api = path.startsWith("/v1/") && !path.equals(SIGN_IN);
        Uni<SecurityIdentity> identity = api ? context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY) : null;
        if (identity != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !SessionCookies.carriesSession(request)) {
            unauthenticated(context); // every API call needs credentials: no need to look at the body at all
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declared(length) > limit) {
            respond(context, 413, "The body is larger than the limit of " + limit + " bytes.");
            return;
        }
        guardAgainstSlowBody(context, upload);
        if (identity == null) {
            readBody(context, limit);
            return;
        }
        request.pause();
        Context eventLoop = Vertx.currentContext();
        identity.subscribe().with(
                caller -> eventLoop.runOnContext(v -> {
                    if (caller.isAnonymous()) {
                        unauthenticated(context);
                    } else {
                        readBody(context, limit);
                    }
                }),
                failure -> eventLoop.runOnContext(v -> refuse(context, failure)));
    }

    private static boolean hasBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        return request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                ? declared(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > 0
                : !safe(method);
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP server itself rejects a malformed Content-Length
        }
    }

    /**
     * Lets the request go on to read its body: refused when it declares more than {@code limit}, counted
     * against the limit as it arrives when it declares nothing.
     */
    private void readBody(RoutingContext context, long limit) {
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            context.next(); // within the limit, checked above
            return;
        }
        // HTTP/2 (prior knowledge, or an h2c upgrade as the JDK's HttpClient asks by default): an HTTP/2 request
        // read to its end here could no longer be handed on (Vert.x refuses to pause it), so its readers count it
        if (uploadPaths.contains(context.normalizedPath()) || context.request().version() == HttpVersion.HTTP_2) {
            context.put(MAX_REQUEST_SIZE, limit); // the multipart and stream readers stop at this many bytes
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                respond(context, 413, "The body is larger than the limit of " + limit + " bytes.");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!context.response().ended()) {
                context.setBody(body);
                context.next();
            }
        });
        request.exceptionHandler(e -> LOG.debugf("request body failed: %s", e.getMessage()));
        request.resume();
    }

    /**
     * Closes the connection of a request whose body stalls: an ordinary body must have arrived within the
     * body timeout; an upload must keep arriving at the minimum rate.
     */
    private void guardAgainstSlowBody(RoutingContext context, boolean upload) {
        HttpServerRequest request = context.request();
        Vertx vertx = context.vertx();
        long started = System.nanoTime();
        long[] lastBytes = {0};
        vertx.setPeriodic(GUARD_PERIOD_MS, id -> {
            if (request.isEnded() || context.response().closed()) {
                vertx.cancelTimer(id);
                return;
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long bytes = request.bytesRead();
            boolean stalled = upload
                    ? elapsedMs >= bodyTimeoutMs && bytes - lastBytes[0] < minUploadRate * GUARD_PERIOD_MS / 1000
                    : elapsedMs >= bodyTimeoutMs;
            lastBytes[0] = bytes;
            if (stalled) {
                vertx.cancelTimer(id);
                LOG.debugf("closing a connection whose request body stalled after %d bytes", bytes);
                HttpServerResponse response = context.response();
                if (response.ended() || response.headWritten()) {
                    request.connection().close();
                    return;
                }
                response.setStatusCode(408)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem(408, upload
                                ? "The upload arrived slower than " + minUploadRate + " bytes per second."
                                : "The body did not arrive within " + bodyTimeoutMs / 1000 + " s.", context))
                        .onComplete(done -> request.connection().close());
            }
        });
    }

    /** Answers a failure of authentication, or any other that reaches the router, with its problem. */
    private void refuse(RoutingContext context, Throwable failure) {
        if (context.response().headWritten()) {
            return; // answered already: Quarkus routes a failed authentication to the failure handler too
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && !known(cause)) {
            cause = cause.getCause();
        }
        if (cause instanceof LoginThrottledException throttled) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Failures.retryAfterSeconds(throttled)));
            respond(context, 429, throttled.getMessage());
        } else if (cause instanceof PasswordHasher.Saturated) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            respond(context, 503, "Too many sign-ins are being checked right now; try again shortly.");
        } else if (cause instanceof AuthenticationFailedException || cause instanceof UnauthorizedException) {
            unauthenticated(context);
        } else if (cause instanceof ForbiddenException) {
            respond(context, 403, "Your account may not use this endpoint.");
        } else if (Failures.databaseUnreachable(failure)) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            respond(context, 503, "The database is unavailable or busy; try again shortly.");
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            respond(context, context.statusCode(), Problem.title(context.statusCode()) + ".");
        } else {
            String reference = java.util.UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected failure, reference %s", reference);
            respond(context, 500, "An unexpected error occurred; quote reference " + reference + " when reporting it.");
        }
    }

    private static boolean known(Throwable e) {
        return e instanceof LoginThrottledException || e instanceof PasswordHasher.Saturated
                || e instanceof AuthenticationFailedException || e instanceof UnauthorizedException
                || e instanceof ForbiddenException;
    }

    private void unauthenticated(RoutingContext context) {
        String challenge = Failures.challengeFor(context.request().getHeader(SessionCookies.CSRF_HEADER));
        if (challenge != null) {
            context.response().putHeader("WWW-Authenticate", challenge);
        }
        respond(context, 401, Failures.UNAUTHENTICATED);
    }

    /**
     * Answers with a problem before the body has been read. The rest of the body is discarded as it arrives,
     * never stored, and the connection stays open for the next request: a client that sends its whole body
     * before it reads the answer gets the answer. A body that keeps coming is cut off by the body timeout.
     */
    private void respond(RoutingContext context, int status, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            request.handler(discarded -> { });
            request.endHandler(v -> { });
            request.exceptionHandler(e -> { });
            guardAgainstSlowBody(context, false);
            request.resume();
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem(status, detail, context));
    }

    private String problem(int status, String detail, RoutingContext context) {
        try {
            return mapper.writeValueAsString(Problem.of(status, detail, context.normalizedPath()));
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
