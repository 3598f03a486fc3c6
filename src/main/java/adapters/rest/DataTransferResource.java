package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import usecase.port.ArchiveFormat;
import usecase.transfer.ExportArchive;
import usecase.transfer.RestoreArchive;

/** Moves all data between installations, e.g. from the embedded H2 database to PostgreSQL. */
@Path("/v1/admin")
@RolesAllowed("admin")
@Tag(name = "Data transfer", description = "Export everything to a Sinus archive and import it elsewhere.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
public class DataTransferResource {

    private static final Logger LOG = Logger.getLogger(DataTransferResource.class);

    /** Archives are gzip streams. */
    static final String ARCHIVE_MEDIA_TYPE = "application/gzip";

    private final ExportArchive exportData;
    private final RestoreArchive importData;
    private final ArchiveFormat archives;
    private final java.nio.file.Path spoolDirectory;

    DataTransferResource(ExportArchive exportData, RestoreArchive importData, ArchiveFormat archives,
                         @ConfigProperty(name = "quarkus.http.body.uploads-directory") String spoolDirectory) {
        this.exportData = exportData;
        this.importData = importData;
        this.archives = archives;
        this.spoolDirectory = java.nio.file.Path.of(spoolDirectory);
    }

    @GET
    @Path("/export")
    @Produces(ARCHIVE_MEDIA_TYPE)
    @Operation(summary = "Export all accounts, tokens and ECGs", description = "A streamed Sinus archive "
            + "(gzip-compressed JSON lines, versioned, with an end record); password and token hashes only.")
    @APIResponse(responseCode = "200", description = "The archive")
    public Response export() {
        StreamingOutput body = output -> {
            ToTheClient client = new ToTheClient(output);
            try (ArchiveFormat.Output writer = archives.writer(client)) {
                exportData.execute(writer);
            } catch (IOException | UncheckedIOException e) {
                if (!client.gone) {
                    throw e;
                }
                // The client stopped reading (it cancelled, or its connection broke): the export stops here, and its
                // archive, without an end record, shows itself incomplete. Not a failure of the service: answering it
                // as one would close the connection, and with HTTP/2 every other request the client has on it.
                LOG.debugf("an export ended early: its client stopped reading (%s)", e.getMessage());
            }
        };
        return Response.ok(body, ARCHIVE_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"sinus-" + LocalDate.now() + ".ndjson.gz\"")
                .build();
    }

    /** The response body, which remembers whether writing to the client ever failed. */
    private static final class ToTheClient extends FilterOutputStream {
        private boolean gone;

        ToTheClient(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                gone = true;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                gone = true;
                throw e;
            }
        }
    }

    @POST
    @Path("/import")
    @Consumes(ARCHIVE_MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Sinus archive", description = "An archive only creates its own accounts, with "
            + "their tokens and ECGs: it never adds to an account that exists here. The whole archive is checked "
            + "before anything is stored, so an archive that is damaged or clashes with this installation changes "
            + "nothing. The archive's administrator is skipped when this installation has one of the same name.")
    @APIResponse(responseCode = "200", description = "What was imported",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "An account, username or token of the archive exists here")
    @APIResponse(responseCode = "422", description = "Not a Sinus archive, another version, truncated, or invalid")
    public ImportSummary importArchive(InputStream archive) throws IOException {
        // Spooled to a file so the archive can be checked in full before anything is stored; the spool folder is
        // emptied at start-up, so a crash during an import leaves nothing behind for long.
        Files.createDirectories(spoolDirectory);
        java.nio.file.Path spool = Files.createTempFile(spoolDirectory, "sinus-import-", ".ndjson.gz");
        try {
            Files.copy(archive, spool, StandardCopyOption.REPLACE_EXISTING);
            return ImportSummary.of(importData.execute(archives.reader(spool)));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @RegisterForReflection
    @Schema(name = "ImportSummary")
    record ImportSummary(@JsonProperty("users_imported") long usersImported,
                         @JsonProperty("users_skipped") long usersSkipped,
                         @JsonProperty("api_tokens_imported") long apiTokensImported,
                         @JsonProperty("api_tokens_skipped") long apiTokensSkipped,
                         @JsonProperty("ecgs_imported") long ecgsImported,
                         @JsonProperty("ecgs_skipped") long ecgsSkipped,
                         @JsonProperty("heart_rate_readings_imported") long heartRateReadingsImported,
                         @JsonProperty("heart_rate_readings_skipped") long heartRateReadingsSkipped) {

        static ImportSummary of(RestoreArchive.Result result) {
            return new ImportSummary(result.usersImported(), result.usersSkipped(), result.apiTokensImported(),
                    result.apiTokensSkipped(), result.ecgsImported(), result.ecgsSkipped(),
                    result.heartRateReadingsImported(), result.heartRateReadingsSkipped());
        }
    }
}
