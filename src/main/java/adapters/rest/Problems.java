package adapters.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import domain.ConflictException;
import domain.InvalidInputException;
import domain.NotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: RFC 9457 {@code application/problem+json},
 * with a clear detail and never a stack trace, class name or SQL.
 */
public class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final String VALIDATION_TYPE = "urn:sinus:problem:validation";
    private static final String MALFORMED_MULTIPART = "The body is not a well-formed multipart/form-data message, "
            + "or it ends before its closing boundary.";

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
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
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && mapping.getPath().isEmpty()) {
            return plain(400, "The body must be a JSON object.", uri);
        }
        if (e instanceof JsonMappingException mapping && !(e.getCause() instanceof JsonParseException)) {
            // Well-formed JSON holding a value of the wrong kind (text for a number, 3.5 for an integer, ...).
            String field = fieldPath(mapping);
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e.getCause() instanceof InputCoercionException ? "is out of the 32-bit integer range"
                    : expected(e instanceof MismatchedInputException m ? m.getTargetType() : null);
            return respond(new Problem(VALIDATION_TYPE, "Invalid input", 422,
                    "The request breaks 1 rule(s); see errors.", path(uri), List.of(new Problem.FieldError(field, message))));
        }
        if (e instanceof InputCoercionException) {
            return respond(new Problem(VALIDATION_TYPE, "Invalid input", 422, "A number is out of range: "
                    + e.getOriginalMessage().split("\n")[0], path(uri), null));
        }
        return plain(400, "The body is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ").", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return plain(403, "Your account may not use this endpoint.", uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        String detail = status == 400 && e.getMessage() != null ? e.getMessage() : null;
        return plain(status, detail, uri);
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
        if (databaseUnreachable(e)) {
            LOG.warnf("database unreachable: %s", rootMessage(e));
            return Response.fromResponse(plain(503, "The database is unreachable; try again shortly.", uri))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        return plain(500, "An unexpected error occurred; quote reference " + reference + " when reporting it.", uri);
    }

    /**
     * Connection failures (SQLSTATE class 08), a server shutting down (57P0x) and an exhausted pool
     * are outages, not bugs: the request may succeed later, so they are 503, not 500.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true; // Agroal: no connection could be had from the pool in time
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnreachable(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The multipart parser reports a body that ends before its closing boundary as a bare IOException, and
     * a part with broken base64 as an IllegalArgumentException: the client's fault, not a bug.
     */
    static boolean malformedMultipart(Throwable e) {
        boolean truncated = e instanceof IOException && e.getMessage() != null
                && e.getMessage().startsWith("Connection terminated");
        if (!truncated && !(e instanceof IllegalArgumentException)) {
            return false;
        }
        String parser = MultipartParser.class.getPackageName() + ".";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(parser)) {
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

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(plain(401, "Send valid credentials: HTTP Basic or a bearer token.", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sinus\", Bearer realm=\"sinus\"").build();
    }

    static Response plain(int status, String detail, UriInfo uri) {
        return respond(new Problem("about:blank", Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error", status, detail, path(uri), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
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
