package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import domain.ecg.EcgStatus;
import domain.ecg.EcgSummary;
import domain.ecg.Lead;
import domain.ecg.LeadSummary;
import domain.ecg.Recording;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the ECG API and their mapping to and from the domain. Field names are the public contract. */
final class EcgJson {

    private EcgJson() {
    }

    static final String ZERO_CROSSINGS_DEFINITION = "Zero crossings count the neighbouring sample pairs with strictly "
            + "opposite signs; a sample equal to 0 has no sign, so -1, 0, 45 counts 0 and 5, 0, -4, 23, -9 counts 2.";

    @Schema(name = "EcgSubmission", description = "A multi-lead recording in ADC units.")
    record Submission(
            @Schema(description = "Optional client-chosen id; 409 if it exists") UUID id,
            @Schema(description = "When the ECG was recorded (ISO-8601 with offset)", example = "2026-11-23T08:30:00Z")
            OffsetDateTime date,
            @JsonProperty("sampling_rate_hz") @Schema(description = "Samples per second per lead", minimum = "1",
                    maximum = "10000", example = "360") Integer samplingRateHz,
            @Schema(required = true, description = "At least one lead, names unique") List<LeadIn> leads) {

        Recording toRecording() {
            List<Lead.Draft> drafts = leads == null ? null : leads.stream()
                    .map(lead -> lead == null ? null : new Lead.Draft(lead.name(), lead.numberOfSamples(), lead.signal()))
                    .toList();
            return Recording.fromDraft(date == null ? null : date.toInstant(), samplingRateHz, drafts);
        }
    }

    @Schema(name = "EcgLeadSubmission")
    record LeadIn(
            @Schema(required = true, description = "1-16 characters of A-Z, a-z, 0-9, _ or -", example = "II") String name,
            @JsonProperty("number_of_samples") @Schema(description = "Optional; must equal the signal's length")
            Integer numberOfSamples,
            @Schema(required = true, description = "Samples as 32-bit integers, at least one", example = "[1, -3, 5, 0, -2]")
            int[] signal) {
    }

    @RegisterForReflection
    @Schema(name = "EcgAccepted")
    record Accepted(UUID id, @Schema(enumeration = {"pending", "done", "failed"}) String status) {
    }

    @RegisterForReflection
    @Schema(name = "Ecg", description = "An ECG with its analysis results. " + ZERO_CROSSINGS_DEFINITION
            + " Counts are null while the analysis is pending.")
    record Report(UUID id, Instant date,
                  @JsonProperty("sampling_rate_hz") Integer samplingRateHz,
                  @Schema(enumeration = {"pending", "done", "failed"}) String status,
                  @JsonProperty("submitted_at") Instant submittedAt,
                  @JsonProperty("analysed_at") Instant analysedAt,
                  List<LeadOut> leads,
                  @JsonProperty("zero_crossings_total") Integer zeroCrossingsTotal) {

        static Report of(EcgSummary summary) {
            return new Report(summary.id(), summary.date(), summary.samplingRateHz(), EcgJson.status(summary.status()),
                    summary.submittedAt(), summary.analysedAt(), summary.leads().stream().map(LeadOut::of).toList(),
                    summary.zeroCrossingsTotal());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgLead")
    record LeadOut(String name,
                   @JsonProperty("number_of_samples") int numberOfSamples,
                   @JsonProperty("zero_crossings") Integer zeroCrossings) {

        static LeadOut of(LeadSummary lead) {
            return new LeadOut(lead.name(), lead.numberOfSamples(), lead.zeroCrossings());
        }
    }

    static String status(EcgStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
