package adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; {@code errors} lists the offending fields of a 422. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    @RegisterForReflection
    @Schema(name = "FieldError")
    record FieldError(@Schema(example = "leads[0].signal") String field, String message) {
    }
}
