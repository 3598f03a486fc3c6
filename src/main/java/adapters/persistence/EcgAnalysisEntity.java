package adapters.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The whole-record results of one analysed ECG; per-lead results are in {@link LeadResultEntity}. */
@Entity
@Table(name = "ecg_analyses")
class EcgAnalysisEntity {

    @Id
    @Column(name = "ecg_id")
    UUID ecgId;

    @Column(name = "beats_unavailable", length = 4000)
    String beatsUnavailable;

    @Column(name = "beat_count", nullable = false)
    int beatCount;

    /** Sample indices of the beats (SignalCodec). */
    @Basic(fetch = FetchType.LAZY) // only the beats list reads it, not the report
    @Column(name = "beat_samples")
    byte[] beatSamples;

    /** Per beat, the mask of the leads that saw it (SignalCodec). */
    @Basic(fetch = FetchType.LAZY) // only the beats list reads it, not the report
    @Column(name = "beat_leads")
    byte[] beatLeads;

    /** Per beat, its class as one ASCII letter (N, S, V, Q). */
    @Basic(fetch = FetchType.LAZY) // only the beats list reads it, not the report
    @Column(name = "beat_types")
    byte[] beatTypes;

    @Column(name = "heart_rate_unavailable", length = 4000)
    String heartRateUnavailable;

    @Column(name = "mean_bpm")
    Double meanBpm;

    @Column(name = "min_bpm")
    Double minBpm;

    @Column(name = "max_bpm")
    Double maxBpm;

    @Column(name = "rr_intervals", nullable = false)
    int rrIntervals;

    @Column(name = "hrv_unavailable", length = 4000)
    String hrvUnavailable;

    @Column(name = "nn_intervals", nullable = false)
    int nnIntervals;

    @Column(name = "mean_nn_ms")
    Double meanNnMs;

    @Column(name = "sdnn_ms")
    Double sdnnMs;

    @Column(name = "rmssd_ms")
    Double rmssdMs;

    @Column(name = "pnn50_percent")
    Double pnn50Percent;

    @Column(name = "hrv_frequency_unavailable", length = 4000)
    String hrvFrequencyUnavailable;

    @Column(name = "lf_ms2")
    Double lfMs2;

    @Column(name = "hf_ms2")
    Double hfMs2;

    @Column(name = "lf_hf_ratio")
    Double lfHfRatio;

    @Column(name = "findings_unavailable", length = 4000)
    String findingsUnavailable;
}
