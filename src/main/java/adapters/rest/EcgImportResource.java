package adapters.rest;

import adapters.http.Caller;
import adapters.http.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import usecase.ecg.ImportRecording;
import usecase.port.RecordingReader.SourceFile;

/**
 * Imports a recording from files: a PhysioNet WFDB record or a CSV file. Quarkus spools every uploaded
 * part to a temporary file (deleted when the request ends); the readers decode from those files, so a
 * day-long Holter never sits in memory as bytes, only as the leads' samples.
 */
@Path("/v1/ecgs/import")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ECGs")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Administrators do not own ECGs", content = @Content(
        mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EcgImportResource {

    private final SecurityIdentity identity;
    private final ImportRecording importRecording;

    EcgImportResource(SecurityIdentity identity, ImportRecording importRecording) {
        this.identity = identity;
        this.importRecording = importRecording;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import an ECG from files", description = "A PhysioNet WFDB record (header and data "
            + "parts; storage formats 16, 61, 80 and 212, single-segment) or a CSV file (plain or gzip). The "
            + "samples are stored in microvolts: WFDB signals are converted with their gain, baseline and units, "
            + "signals that are not voltages are skipped; CSV values are multiplied by the units' factor. The "
            + "ECG is then analysed like a submitted one; poll the Location.")
    @APIResponse(responseCode = "202", description = "Stored; analysis pending",
            content = @Content(schema = @Schema(implementation = EcgImportJson.Imported.class)))
    @APIResponse(responseCode = "409", description = "You have an ECG with the client-chosen id")
    @APIResponse(responseCode = "413", description = "Body over sinus.http.max-import-size")
    @APIResponse(responseCode = "415", description = "Not multipart/form-data")
    @APIResponse(responseCode = "422", description = "Neither or both formats, a bad form field, or a file that "
            + "cannot be imported; the problem's errors name the part and, for files, the line")
    public Response importRecording(@BeanParam Form form) throws IOException {
        List<FileUpload> data = form.data == null ? List.of() : form.data;
        ImportRecording.Result result = importRecording.execute(new ImportRecording.Command(Caller.id(identity),
                form.id, form.date, form.samplingRateHz, form.units, file(form.header),
                data.stream().map(EcgImportResource::file).toList(), file(form.csv)));
        UUID id = result.submitted().id();
        return Response.accepted(EcgImportJson.Imported.of(result)).location(URI.create("/v1/ecgs/" + id)).build();
    }

    private static SourceFile file(FileUpload upload) {
        return upload == null ? null : new SourceFile(upload.fileName(), upload.uploadedFile());
    }

    /** The multipart form; every part is optional on its own, the method checks which combination was sent. */
    @Schema(name = "EcgImportForm", description = "Either header + data (WFDB) or csv, plus the optional fields.")
    public static class Form {

        @RestForm
        @Schema(type = SchemaType.STRING, format = "binary", description = "WFDB: the record's header (.hea)")
        public FileUpload header;

        @RestForm
        @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "WFDB: the data file(s) "
                + "(.dat) the header names, one part each, matched by file name; with a single file the name "
                + "does not matter")
        public List<FileUpload> data;

        @RestForm
        @Schema(type = SchemaType.STRING, format = "binary", description = "CSV, plain or gzip: a header row of "
                + "lead names, optionally after a first column time (also t, time_s, seconds; in seconds) or "
                + "sample (also index); separated by commas, semicolons or tabs")
        public FileUpload csv;

        @RestForm("sampling_rate_hz")
        @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", description = "CSV only: samples per "
                + "second; must agree with a time column; optional without one")
        public String samplingRateHz;

        @RestForm
        @Schema(enumeration = {"uV", "mV", "V"}, defaultValue = "uV", description = "CSV only: units of the lead "
                + "columns")
        public String units;

        @RestForm
        @Schema(type = SchemaType.STRING, format = "uuid", description = "Optional client-chosen id; 409 if you have an ECG with it")
        public String id;

        @RestForm
        @Schema(type = SchemaType.STRING, format = "date-time", example = "2026-11-23T08:30:00Z", description =
                "When the ECG was recorded (ISO-8601 with offset); overrides the WFDB header's base date and time")
        public String date;
    }
}
