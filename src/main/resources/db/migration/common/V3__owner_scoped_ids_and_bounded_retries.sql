-- Portable between H2 2.x and PostgreSQL 12+.

-- ECG ids are unique per owner, not across owners: choosing an id must never reveal whether another user
-- has an ECG with it. The primary key `id` becomes an internal key that the child tables go on referencing;
-- `public_id` is the id the owner sees (for existing ECGs, the same value).
ALTER TABLE ecgs ADD COLUMN public_id UUID;
UPDATE ecgs SET public_id = id;
ALTER TABLE ecgs ALTER COLUMN public_id SET NOT NULL;
CREATE UNIQUE INDEX ecgs_owner_public_idx ON ecgs (owner_id, public_id);

-- Every attempt at an analysis is counted before it starts, so a recording that crashes or outlasts the
-- analysis is marked failed after a bounded number of attempts, with the reason, instead of looping.
-- pending_since: when the current revision was queued, for the periodic retry of stalled analyses.
ALTER TABLE ecgs ADD COLUMN analysis_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ecgs ADD COLUMN failure_reason VARCHAR(500);
ALTER TABLE ecgs ADD COLUMN pending_since TIMESTAMP WITH TIME ZONE;
UPDATE ecgs SET pending_since = submitted_at;
DROP INDEX ecgs_status_idx;
CREATE INDEX ecgs_status_idx ON ecgs (status, pending_since);

-- A reason may name every lead of the recording (up to the configured limit of leads).
ALTER TABLE ecg_analyses ALTER COLUMN beats_unavailable SET DATA TYPE VARCHAR(4000);
ALTER TABLE ecg_analyses ALTER COLUMN heart_rate_unavailable SET DATA TYPE VARCHAR(4000);
ALTER TABLE ecg_analyses ALTER COLUMN hrv_unavailable SET DATA TYPE VARCHAR(4000);
ALTER TABLE ecg_analyses ALTER COLUMN hrv_frequency_unavailable SET DATA TYPE VARCHAR(4000);
ALTER TABLE ecg_analyses ALTER COLUMN findings_unavailable SET DATA TYPE VARCHAR(4000);
ALTER TABLE ecg_findings ALTER COLUMN detail SET DATA TYPE VARCHAR(4000);
