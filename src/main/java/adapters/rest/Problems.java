package adapters.rest;

import adapters.http.Failures;
import adapters.http.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import domain.ConflictException;
import domain.ForbiddenException;
import domain.InvalidInputException;
import domain.NotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import usecase.account.LoginThrottledException;
import usecase.port.AnalysisQueue;
import usecase.port.HeartRateLog;
import usecase.port.PasswordHasher;

/**
 * The one place where failures become HTTP responses: RFC 9457 {@code application/problem+json},
 * with a clear detail and never a stack trace, class name or SQL. Every mapper here is total: whatever
 * the exception carries (or lacks), it answers a problem.
 */
public class Problems {

    static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final String VALIDATION_TYPE = "urn:sinus:problem:validation";
    private static final String MALFORMED_MULTIPART = "The body is not a well-formed multipart/form-data message, "
            + "or it ends before its closing boundary.";

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return validation(e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList(), uri);
    }

    private static Response validation(List<Problem.FieldError> errors, UriInfo uri) {
        return respond(new Problem(VALIDATION_TYPE, "Invalid input", 422,
                "The request breaks " + errors.size() + " rule(s); see errors.", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return plain(404, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return plain(409, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response forbiddenByRule(ForbiddenException e, UriInfo uri) {
        return plain(403, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response notAnObject(EcgSubmissionReader.NotAnObject e, UriInfo uri) {
        return plain(400, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonLimit(StreamConstraintsException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException) {
            return plain(400, "The body exceeds a limit of the JSON parser: numbers of at most "
                    + StrictJson.MAX_NUMBER_LENGTH + " digits, field names of at most " + StrictJson.MAX_NAME_LENGTH
                    + " characters, strings of at most " + StrictJson.MAX_STRING_LENGTH + ", nesting at most "
                    + StrictJson.MAX_DEPTH + " levels deep.", uri);
        }
        if (e instanceof JsonMappingException mapping && mapping.getPath().isEmpty()
                && !(e.getCause() instanceof JsonParseException)) {
            return plain(400, "The body must be a JSON object.", uri);
        }
        if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof JsonProcessingException)) {
            // Well-formed JSON holding a value of the wrong kind (text for a number, 3.5 for an integer, ...).
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : expected(e instanceof MismatchedInputException m ? m.getTargetType() : null);
            return validation(List.of(new Problem.FieldError(fieldPath(mapping), message)), uri);
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return validation(List.of(new Problem.FieldError(e instanceof JsonMappingException m ? fieldPath(m) : "(body)",
                    "is out of range")), uri);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return unreadableJson(limit, uri);
        }
        JsonLocation location = e.getLocation();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "The body is not valid JSON: a field appears twice" : "The body is not valid JSON";
        return plain(400, location == null || location.getLineNr() < 1 ? what + "."
                : what + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return plain(403, "Your account may not use this endpoint.", uri);
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e, UriInfo uri) {
        return Response.fromResponse(plain(429, e.getMessage(), uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Failures.retryAfterSeconds(e))).build();
    }

    @ServerExceptionMapper
    public Response readingsBacklog(HeartRateLog.Overloaded e, UriInfo uri) {
        return Response.fromResponse(plain(503, e.getMessage(), uri)).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response analysisBacklog(AnalysisQueue.Full e, UriInfo uri) {
        return Response.fromResponse(plain(503, e.getMessage(), uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response hasherSaturated(PasswordHasher.Saturated e, UriInfo uri) {
        return Response.fromResponse(plain(503, "Too many sign-ins are being checked right now; try again shortly.", uri))
                .header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        String detail = switch (status) {
            case 400 -> e.getMessage();
            case 405 -> "This path does not support the method; see the Allow header.";
            case 413 -> "A part of the form is larger than the limit: files must be sent as file parts, with a "
                    + "file name.";
            case 415 -> "The body's Content-Type is not one this endpoint reads.";
            default -> null;
        };
        Response.ResponseBuilder response = Response.fromResponse(plain(status, detail, uri));
        Object allow = original.getHeaders().getFirst("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, UriInfo uri) {
        return plain(400, MALFORMED_MULTIPART, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (malformedMultipart(e)) {
            return plain(400, MALFORMED_MULTIPART, uri);
        }
        if (tooManyParts(e)) {
            return plain(413, "The form has more parts than the server reads.", uri);
        }
        if (Failures.databaseUnreachable(e)) {
            LOG.warnf("database unavailable: %s", rootMessage(e));
            return Response.fromResponse(plain(503, "The database is unavailable or busy; try again shortly.", uri))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String reference = UUID.randomUUID().toString();
        if (Failures.valueNotStorable(e)) {
            LOG.warnf("a value passed validation but not the database, reference %s: %s", reference, rootMessage(e));
            return plain(422, "A value is too long or out of range to be stored (reference " + reference + ").", uri);
        }
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        return plain(500, "An unexpected error occurred; quote reference " + reference + " when reporting it.", uri);
    }

    /**
     * The multipart parser reports a body that ends before its closing boundary as a bare IOException, and
     * a part with broken base64 as an IllegalArgumentException: the client's fault, not a bug.
     */
    static boolean malformedMultipart(Throwable e) {
        boolean truncated = e instanceof IOException && e.getMessage() != null
                && e.getMessage().startsWith("Connection terminated");
        return (truncated || e instanceof IllegalArgumentException) && thrownBy(e, MultipartParser.class.getPackageName());
    }

    /** The form parser's limit on parts ({@code quarkus.http.limits.max-parameters}), reported as a bare RuntimeException. */
    static boolean tooManyParts(Throwable e) {
        return e.getClass() == RuntimeException.class
                && thrownBy(e, "org.jboss.resteasy.reactive.server.core.multipart");
    }

    private static boolean thrownBy(Throwable e, String packageName) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(packageName + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        Response problem = plain(401, Failures.UNAUTHENTICATED, uri);
        String challenge = Failures.challengeFor(headers.getHeaderString(adapters.http.SessionCookies.CSRF_HEADER));
        return challenge == null ? problem
                : Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    static Response plain(int status, String detail, UriInfo uri) {
        return respond(Problem.of(status, detail, path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == int.class || type == Integer.class || type == int[].class || type == long.class || type == Long.class) {
            return "must be an integer";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T08:30:00Z";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** {@code leads[0].signal[3]} from Jackson's reference chain, in the API's own field names. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
