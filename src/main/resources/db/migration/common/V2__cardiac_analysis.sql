-- Results of the cardiac analysis engine. Portable between H2 2.x and PostgreSQL 12+.

-- Signal quality per lead, next to its zero crossings.
ALTER TABLE ecg_lead_results ADD COLUMN quality VARCHAR(16);
ALTER TABLE ecg_lead_results ADD COLUMN flat_fraction DOUBLE PRECISION;
ALTER TABLE ecg_lead_results ADD COLUMN clipped_fraction DOUBLE PRECISION;
ALTER TABLE ecg_lead_results ADD COLUMN noisy_fraction DOUBLE PRECISION;
ALTER TABLE ecg_lead_results ADD COLUMN usable BOOLEAN;

-- One row per analysed ECG. Each result is either there or "unavailable" with the reason (a
-- recording without sampling rate has no beats, a 1-minute one no HRV spectrum). The beats are three
-- compact binary values (see SignalCodec), not one row per beat: a 24-hour Holter has 100,000 beats.
CREATE TABLE ecg_analyses (
    ecg_id                     UUID             PRIMARY KEY REFERENCES ecgs (id) ON DELETE CASCADE,
    beats_unavailable          VARCHAR(500),
    beat_count                 INTEGER          NOT NULL,
    beat_samples               BYTEA,
    beat_leads                 BYTEA,
    beat_types                 BYTEA,
    heart_rate_unavailable     VARCHAR(500),
    mean_bpm                   DOUBLE PRECISION,
    min_bpm                    DOUBLE PRECISION,
    max_bpm                    DOUBLE PRECISION,
    rr_intervals               INTEGER          NOT NULL,
    hrv_unavailable            VARCHAR(500),
    nn_intervals               INTEGER          NOT NULL,
    mean_nn_ms                 DOUBLE PRECISION,
    sdnn_ms                    DOUBLE PRECISION,
    rmssd_ms                   DOUBLE PRECISION,
    pnn50_percent              DOUBLE PRECISION,
    hrv_frequency_unavailable  VARCHAR(500),
    lf_ms2                     DOUBLE PRECISION,
    hf_ms2                     DOUBLE PRECISION,
    lf_hf_ratio                DOUBLE PRECISION,
    findings_unavailable       VARCHAR(500)
);

CREATE TABLE ecg_findings (
    ecg_id        UUID             NOT NULL REFERENCES ecg_analyses (ecg_id) ON DELETE CASCADE,
    finding_index INTEGER          NOT NULL,
    kind          VARCHAR(32)      NOT NULL,
    start_s       DOUBLE PRECISION NOT NULL,
    end_s         DOUBLE PRECISION NOT NULL,
    beats         INTEGER          NOT NULL,
    detail        VARCHAR(200),
    PRIMARY KEY (ecg_id, finding_index)
);

-- ECGs analysed by an earlier release are analysed again by this one, at start-up.
DELETE FROM ecg_lead_results;
UPDATE ecgs SET status = 'PENDING', analysed_at = NULL WHERE status IN ('DONE', 'FAILED');
