package adapters.persistence;

import domain.analysis.AnalysisReport;
import domain.analysis.AnalysisResult;
import domain.analysis.BeatCount;
import domain.analysis.BeatType;
import domain.analysis.Beats;
import domain.analysis.Finding;
import domain.analysis.EcgHeartRate;
import domain.analysis.HeartRateVariability;
import domain.analysis.LeadQuality;
import domain.analysis.RhythmFindings;
import domain.analysis.SignalQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Maps the cardiac analysis results to their rows and back. */
final class AnalysisMapping {

    /** The width of the reason and detail columns. */
    static final int REASON_LENGTH = 4000;

    private AnalysisMapping() {
    }

    /**
     * Text cut to a column's width. Reasons are bounded by the limit on leads already; this keeps a
     * result that could not otherwise be stored from failing its analysis forever.
     */
    static String bounded(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** The whole-record row, or null when the report holds no beat detection (a report of an older release). */
    static EcgAnalysisEntity toEntity(UUID ecgId, AnalysisReport report) {
        Beats beats = report.find(Beats.class).orElse(null);
        if (beats == null) {
            return null;
        }
        EcgAnalysisEntity entity = new EcgAnalysisEntity();
        entity.ecgId = ecgId;
        entity.beatsUnavailable = bounded(beats.unavailableReason(), REASON_LENGTH);
        entity.beatCount = beats.count();
        if (beats.available()) {
            entity.beatSamples = SignalCodec.encode(beats.samples());
            entity.beatLeads = SignalCodec.encode(beats.leadMasks());
            BeatType[] types = beats.types();
            entity.beatTypes = new byte[types.length];
            for (int i = 0; i < types.length; i++) {
                entity.beatTypes[i] = (byte) types[i].code();
            }
        }
        report.find(EcgHeartRate.class).ifPresent(rate -> {
            entity.heartRateUnavailable = bounded(rate.unavailableReason(), REASON_LENGTH);
            entity.meanBpm = rate.meanBpm();
            entity.minBpm = rate.minBpm();
            entity.maxBpm = rate.maxBpm();
            entity.rrIntervals = rate.rrIntervals();
        });
        report.find(HeartRateVariability.class).ifPresent(hrv -> {
            entity.hrvUnavailable = bounded(hrv.unavailableReason(), REASON_LENGTH);
            entity.nnIntervals = hrv.nnIntervals();
            entity.meanNnMs = hrv.meanNnMs();
            entity.sdnnMs = hrv.sdnnMs();
            entity.rmssdMs = hrv.rmssdMs();
            entity.pnn50Percent = hrv.pnn50Percent();
            entity.hrvFrequencyUnavailable = bounded(hrv.frequencyUnavailableReason(), REASON_LENGTH);
            entity.lfMs2 = hrv.lfMs2();
            entity.hfMs2 = hrv.hfMs2();
            entity.lfHfRatio = hrv.lfHfRatio();
        });
        report.find(RhythmFindings.class).ifPresent(findings -> entity.findingsUnavailable = bounded(findings.unavailableReason(),
                REASON_LENGTH));
        return entity;
    }

    static List<FindingEntity> findingEntities(UUID ecgId, AnalysisReport report) {
        List<FindingEntity> out = new ArrayList<>();
        List<Finding> findings = report.find(RhythmFindings.class).map(RhythmFindings::findings).orElse(List.of());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            FindingEntity entity = new FindingEntity();
            entity.key = new LeadEntity.Key(ecgId, i);
            entity.kind = finding.kind().name();
            entity.startS = finding.startS();
            entity.endS = finding.endS();
            entity.beats = finding.beats();
            entity.detail = bounded(finding.detail(), REASON_LENGTH);
            out.add(entity);
        }
        return out;
    }

    static void setQuality(LeadResultEntity entity, LeadQuality quality) {
        entity.quality = quality.verdict().name();
        entity.flatFraction = quality.flatFraction();
        entity.clippedFraction = quality.clippedFraction();
        entity.noisyFraction = quality.noisyFraction();
        entity.usable = quality.usable();
    }

    static LeadQuality quality(String lead, String verdict, Double flat, Double clipped, Double noisy, Boolean usable) {
        return new LeadQuality(lead, LeadQuality.Verdict.valueOf(verdict), flat, clipped, noisy, usable);
    }

    /** The summary's results: quality, beat count, heart rate, HRV and findings. */
    static AnalysisReport summaryReport(List<LeadQuality> quality, EcgAnalysisEntity entity, List<FindingEntity> findings) {
        List<AnalysisResult> results = new ArrayList<>();
        if (!quality.isEmpty()) {
            results.add(new SignalQuality(quality));
        }
        if (entity != null) {
            results.add(new BeatCount(entity.beatCount, entity.beatsUnavailable));
            results.add(new EcgHeartRate(entity.meanBpm, entity.minBpm, entity.maxBpm, entity.rrIntervals,
                    entity.heartRateUnavailable));
            results.add(new HeartRateVariability(entity.nnIntervals, entity.meanNnMs, entity.sdnnMs, entity.rmssdMs,
                    entity.pnn50Percent, entity.lfMs2, entity.hfMs2, entity.lfHfRatio, entity.hrvUnavailable,
                    entity.hrvFrequencyUnavailable));
            results.add(new RhythmFindings(findings.stream().map(f -> new Finding(
                    Finding.Kind.valueOf(f.kind), f.startS, f.endS, f.beats, f.detail)).toList(), entity.findingsUnavailable));
        }
        return new AnalysisReport(results);
    }

    static Beats beats(EcgAnalysisEntity entity, int samplingRateHz, List<String> leadNames) {
        if (entity.beatsUnavailable != null) {
            return Beats.unavailable(entity.beatsUnavailable);
        }
        int count = entity.beatCount;
        BeatType[] types = new BeatType[count];
        for (int i = 0; i < count; i++) {
            types[i] = BeatType.ofCode((char) (entity.beatTypes[i] & 0xFF));
        }
        return new Beats(samplingRateHz, SignalCodec.decode(entity.beatSamples, count),
                SignalCodec.decode(entity.beatLeads, count), types, leadNames);
    }
}
