package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import domain.analysis.AnalysisReport;
import domain.analysis.BeatCount;
import domain.analysis.Beats;
import domain.analysis.Finding;
import domain.analysis.EcgHeartRate;
import domain.analysis.HeartRateVariability;
import domain.analysis.LeadQuality;
import domain.analysis.RhythmFindings;
import domain.analysis.SignalQuality;
import domain.ecg.EcgStatus;
import domain.signal.MinMaxDecimation;
import usecase.ecg.GetEcgSignal;
import usecase.port.EcgSummary;
import usecase.port.LeadSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import usecase.port.EcgBeats;

/** The JSON shapes of the ECG API and their mapping to and from the domain. Field names are the public contract. */
final class EcgJson {

    private EcgJson() {
    }

    static final String ZERO_CROSSINGS_DEFINITION = "Zero crossings count the neighbouring sample pairs with strictly "
            + "opposite signs; a sample equal to 0 has no sign, so -1, 0, 45 counts 0 and 5, 0, -4, 23, -9 counts 2.";

    /** The submission's shape, for the API documentation; bodies are read by {@link EcgSubmissionReader}. */
    @Schema(name = "EcgSubmission", description = "A multi-lead recording; samples are integers, preferably microvolts.")
    record Submission(
            @Schema(description = "Optional client-chosen id, unique among your ECGs; 409 if you have one with it")
            UUID id,
            @Schema(description = "When the ECG was recorded (ISO-8601 with offset, 1900-9999)",
                    example = "2026-11-23T08:30:00Z") OffsetDateTime date,
            @JsonProperty("sampling_rate_hz") @Schema(description = "Samples per second per lead", minimum = "1",
                    maximum = "10000", example = "360") Integer samplingRateHz,
            @Schema(required = true, description = "At least one lead, names unique") List<LeadIn> leads) {
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
            + " Results are null while the analysis is pending; a result that cannot be computed (say, beats of a "
            + "recording without sampling rate) carries its unavailable_reason instead of values.")
    record Report(UUID id, Instant date,
                  @JsonProperty("sampling_rate_hz") Integer samplingRateHz,
                  @Schema(enumeration = {"pending", "done", "failed"}) String status,
                  @JsonProperty("submitted_at") Instant submittedAt,
                  @JsonProperty("analysed_at") Instant analysedAt,
                  List<LeadOut> leads,
                  @JsonProperty("zero_crossings_total") Integer zeroCrossingsTotal,
                  BeatsOut beats,
                  @JsonProperty("heart_rate") HeartRateOut heartRate,
                  HrvOut hrv,
                  FindingsOut findings,
                  @JsonProperty("failure_reason") @Schema(description = "Why the analysis failed; null unless failed")
                  String failureReason) {

        static Report of(EcgSummary summary) {
            AnalysisReport analysis = summary.analysis();
            List<LeadQuality> quality = analysis == null ? List.of()
                    : analysis.find(SignalQuality.class).map(SignalQuality::perLead).orElse(List.of());
            List<LeadOut> leads = new ArrayList<>();
            for (int i = 0; i < summary.leads().size(); i++) {
                leads.add(LeadOut.of(summary.leads().get(i), i < quality.size() ? quality.get(i) : null));
            }
            return new Report(summary.id(), summary.date(), summary.samplingRateHz(), EcgJson.status(summary.status()),
                    summary.submittedAt(), summary.analysedAt(), leads, summary.zeroCrossingsTotal(),
                    analysis == null ? null : analysis.find(BeatCount.class)
                            .map(count -> BeatsOut.of(summary.id(), count)).orElse(null),
                    analysis == null ? null : analysis.find(EcgHeartRate.class).map(HeartRateOut::of).orElse(null),
                    analysis == null ? null : analysis.find(HeartRateVariability.class).map(HrvOut::of).orElse(null),
                    analysis == null ? null : analysis.find(RhythmFindings.class).map(FindingsOut::of).orElse(null),
                    summary.failureReason());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgLead")
    record LeadOut(String name,
                   @JsonProperty("number_of_samples") int numberOfSamples,
                   @JsonProperty("zero_crossings") Integer zeroCrossings,
                   QualityOut quality) {

        static LeadOut of(LeadSummary lead, LeadQuality quality) {
            return new LeadOut(lead.name(), lead.numberOfSamples(), lead.zeroCrossings(),
                    quality == null ? null : QualityOut.of(quality));
        }
    }

    @RegisterForReflection
    @Schema(name = "LeadQuality", description = "Signal quality over 2-second windows. flat: (almost) no signal; "
            + "clipped: 20 ms or more at the lead's extreme value; noisy: the 5-15 Hz band lacks the peaky shape of QRS "
            + "complexes (kurtosis below 5). A lead with half or more of its windows unfit is not used for beat detection, "
            + "unless every lead is unfit and some only for noise: then the least noisy of those is used.")
    record QualityOut(@Schema(enumeration = {"good", "noisy", "flat", "clipped"}) String verdict,
                      @JsonProperty("flat_fraction") double flatFraction,
                      @JsonProperty("clipped_fraction") double clippedFraction,
                      @JsonProperty("noisy_fraction") double noisyFraction,
                      @JsonProperty("used_for_beat_detection") boolean usable) {

        static QualityOut of(LeadQuality quality) {
            return new QualityOut(quality.verdict().name().toLowerCase(Locale.ROOT), quality.flatFraction(),
                    quality.clippedFraction(), quality.noisyFraction(), quality.usable());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgBeatCount", description = "How many beats were detected; the beats themselves are at href.")
    record BeatsOut(int count, String href, @JsonProperty("unavailable_reason") String unavailableReason) {

        static BeatsOut of(UUID id, BeatCount count) {
            return new BeatsOut(count.count(), "/v1/ecgs/" + id + "/beats", count.unavailableReason());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgHeartRate", description = "Mean over all RR intervals; minimum and maximum of the rate from the "
            + "median of 8 consecutive RR intervals. The RR series is at /v1/ecgs/{id}/beats (rr_ms of each beat).")
    record HeartRateOut(@JsonProperty("mean_bpm") Double meanBpm,
                        @JsonProperty("min_bpm") Double minBpm,
                        @JsonProperty("max_bpm") Double maxBpm,
                        @JsonProperty("rr_intervals") int rrIntervals,
                        @JsonProperty("unavailable_reason") String unavailableReason) {

        static HeartRateOut of(EcgHeartRate rate) {
            return new HeartRateOut(rate.meanBpm(), rate.minBpm(), rate.maxBpm(), rate.rrIntervals(),
                    rate.unavailableReason());
        }
    }

    @RegisterForReflection
    @Schema(name = "HeartRateVariability", description = "Task Force of the ESC/NASPE (1996). NN intervals: RR "
            + "between two normal beats, 0.3-2 s, within 20 % of the previous NN. Frequency domain (needs 2 minutes): "
            + "NN series as a cubic spline at 4 Hz, Welch periodogram (Hann, up to 256 s, 50 % overlap); LF 0.04-0.15 Hz, "
            + "HF 0.15-0.4 Hz.")
    record HrvOut(@JsonProperty("nn_intervals") int nnIntervals,
                  @JsonProperty("mean_nn_ms") Double meanNnMs,
                  @JsonProperty("sdnn_ms") Double sdnnMs,
                  @JsonProperty("rmssd_ms") Double rmssdMs,
                  @JsonProperty("pnn50_percent") Double pnn50Percent,
                  @JsonProperty("lf_ms2") Double lfMs2,
                  @JsonProperty("hf_ms2") Double hfMs2,
                  @JsonProperty("lf_hf_ratio") Double lfHfRatio,
                  @JsonProperty("unavailable_reason") String unavailableReason,
                  @JsonProperty("frequency_unavailable_reason") String frequencyUnavailableReason) {

        static HrvOut of(HeartRateVariability hrv) {
            return new HrvOut(hrv.nnIntervals(), hrv.meanNnMs(), hrv.sdnnMs(), hrv.rmssdMs(), hrv.pnn50Percent(),
                    hrv.lfMs2(), hrv.hfMs2(), hrv.lfHfRatio(), hrv.unavailableReason(), hrv.frequencyUnavailableReason());
        }
    }

    @RegisterForReflection
    @Schema(name = "RhythmFindings", description = "bradycardia / tachycardia: rate from the median of 8 RR intervals below 60 / "
            + "above 100 bpm over 8 intervals or more (episodes less than 10 s apart merge); pause: RR over 2 s; "
            + "atrial_fibrillation: RR irregularity typical of atrial fibrillation (Dash et al. 2009, windows of 64 "
            + "intervals) without P waves, for 30 s or more; irregular_rhythm: the same for less than 30 s; "
            + "premature_beats: premature beats grouped while at most two other beats separate them; "
            + "ventricular_flutter_fibrillation: no organised QRS complexes, a sinusoid-like wave of 2.5-9 Hz "
            + "(VF filter and spectrum), critical; paced_rhythm: runs of 3 or more beats triggered by a pacemaker spike.")
    record FindingsOut(List<FindingOut> items, @JsonProperty("unavailable_reason") String unavailableReason) {

        static FindingsOut of(RhythmFindings findings) {
            return new FindingsOut(findings.findings().stream().map(FindingOut::of).toList(), findings.unavailableReason());
        }
    }

    @RegisterForReflection
    @Schema(name = "RhythmFinding")
    record FindingOut(@Schema(enumeration = {"bradycardia", "tachycardia", "pause", "irregular_rhythm",
                              "atrial_fibrillation", "premature_beats", "ventricular_flutter_fibrillation",
                              "paced_rhythm"}) String kind,
                      @JsonProperty("start_s") double startS,
                      @JsonProperty("end_s") double endS,
                      int beats,
                      String detail,
                      @Schema(description = "true for findings that call for immediate attention "
                              + "(ventricular_flutter_fibrillation)") boolean critical) {

        static FindingOut of(Finding finding) {
            return new FindingOut(finding.kind().name().toLowerCase(Locale.ROOT), finding.startS(), finding.endS(),
                    finding.beats(), finding.detail(), finding.kind().critical());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgBeats", description = "The detected beats (those in [from_s, to_s) when asked); empty while the "
            + "analysis is pending. count is the number of beats of the whole recording.")
    record BeatListOut(UUID id,
                       @Schema(enumeration = {"pending", "done", "failed"}) String status,
                       @JsonProperty("sampling_rate_hz") Integer samplingRateHz,
                       int count,
                       @JsonProperty("unavailable_reason") String unavailableReason,
                       List<BeatOut> beats) {

        static BeatListOut of(UUID id, EcgBeats stored, double fromS, double toS) {
            Beats beats = stored.beats();
            if (beats == null) {
                return new BeatListOut(id, EcgJson.status(stored.status()), null, 0, null, List.of());
            }
            if (!beats.available()) {
                return new BeatListOut(id, EcgJson.status(stored.status()), null, 0, beats.unavailableReason(), List.of());
            }
            List<BeatOut> out = new ArrayList<>();
            for (int i = 0; i < beats.count(); i++) {
                if (beats.timeSeconds(i) < fromS || beats.timeSeconds(i) >= toS) {
                    continue;
                }
                double rr = beats.rrSeconds(i);
                out.add(new BeatOut(beats.sample(i), Math.round(beats.timeSeconds(i) * 10000) / 10000.0,
                        Double.isNaN(rr) ? null : Math.round(rr * 10000) / 10.0, String.valueOf(beats.type(i).code()),
                        beats.leads(i)));
            }
            return new BeatListOut(id, EcgJson.status(stored.status()), beats.samplingRateHz(), beats.count(), null, out);
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgBeat")
    record BeatOut(@Schema(description = "Sample index of the R peak") int sample,
                   @JsonProperty("time_s") double timeS,
                   @JsonProperty("rr_ms") @Schema(description = "RR interval ending at this beat; null for the first")
                   Double rrMs,
                   @Schema(description = "AAMI class: N normal, S supraventricular premature, V ventricular, "
                           + "F fusion of a ventricular and a normal beat, P paced, Q unclassified",
                           enumeration = {"N", "S", "V", "F", "P", "Q"}) String type,
                   @Schema(description = "The leads whose detector saw this beat") List<String> leads) {
    }

    @RegisterForReflection
    @Schema(name = "EcgSignalWindow", description = "A window of one lead, decimated min/max per bucket, with its "
            + "beats and findings.")
    record SignalOut(UUID id,
                     @Schema(enumeration = {"pending", "done", "failed"}) String status,
                     String lead,
                     List<String> leads,
                     @JsonProperty("sampling_rate_hz") Integer samplingRateHz,
                     @JsonProperty("duration_s") Double durationS,
                     @JsonProperty("from_s") double fromS,
                     @JsonProperty("to_s") double toS,
                     @Schema(description = "The unit of min_uv and max_uv as stored (microvolts for imports)")
                     String unit,
                     boolean decimated,
                     @JsonProperty("beat_count") @Schema(description = "Beats in the window; they are listed only "
                             + "when there are at most as many as buckets") int beatCount,
                     @JsonProperty("bucket_samples") int bucketSamples,
                     @JsonProperty("time_s") double[] timeS,
                     @JsonProperty("min_uv") int[] minUv,
                     @JsonProperty("max_uv") int[] maxUv,
                     List<WindowBeatOut> beats,
                     List<FindingOut> findings) {

        static SignalOut of(GetEcgSignal.Result result) {
            MinMaxDecimation points = result.points();
            Integer rate = result.ecg().samplingRateHz();
            double[] times = new double[points.buckets()];
            for (int i = 0; i < times.length; i++) {
                times[i] = Math.round(points.firstSample()[i] * 1e5 / rate) / 1e5;
            }
            return new SignalOut(result.ecg().id(), EcgJson.status(result.ecg().status()), result.lead(),
                    result.ecg().leads().stream().map(LeadSummary::name).toList(), rate, result.durationS(),
                    result.fromS(), result.toS(), "uV", points.bucketSize() > 1, result.beatCount(), points.bucketSize(),
                    times,
                    points.min(), points.max(),
                    result.beats().stream().map(b -> new WindowBeatOut(Math.round(b.timeS() * 1e4) / 1e4,
                            String.valueOf(b.type()))).toList(),
                    result.findings().stream().map(FindingOut::of).toList());
        }
    }

    @RegisterForReflection
    @Schema(name = "EcgWindowBeat")
    record WindowBeatOut(@JsonProperty("time_s") double timeS, String type) {
    }

    static String status(EcgStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
