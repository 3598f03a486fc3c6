package adapters.rest;

import adapters.config.SinusConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Refuses a request whose declared body is over {@code sinus.http.max-body-size} (for the data
 * import and the ECG file import: {@code sinus.http.max-import-size}) with a 413 problem before a
 * byte of it is read.
 * Bodies sent without a Content-Length are cut off by the HTTP server at the import limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Endpoints that stream their body to disk instead of holding it, so they may take much larger ones. */
    private static final Set<String> IMPORT_PATHS = Set.of("/v1/admin/import", "/v1/ecgs/import");

    void install(@Observes Router router, SinusConfig config, ObjectMapper mapper) {
        MemorySizeConverter sizes = new MemorySizeConverter();
        long bodyLimit = sizes.convert(config.http().maxBodySize()).asLongValue();
        long importLimit = sizes.convert(config.http().maxImportSize()).asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long limit = IMPORT_PATHS.contains(context.normalizedPath()) ? importLimit : bodyLimit;
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > limit) {
                Problem problem = new Problem("about:blank", "Content Too Large", 413,
                        "The body is larger than the limit of " + limit + " bytes.", context.normalizedPath(), null);
                try {
                    context.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(mapper.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    context.fail(e);
                }
                return;
            }
            context.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP server itself rejects a malformed Content-Length
        }
    }
}
