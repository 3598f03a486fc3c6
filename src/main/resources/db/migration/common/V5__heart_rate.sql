-- Portable between H2 2.x and PostgreSQL 12+.

-- Heart-rate readings: many per user per second at most, millions per user over a year, so rows are small
-- (no surrogate key: a reading is only ever read by owner and time, and purged by time) and one index serves
-- every read: the owner's readings in a time range, in time order, or the latest first.
-- taken_at: Unix epoch milliseconds. seq: the order of arrival (readings sent together without timestamps share
-- the server's millisecond, and are listed as they came). alert: the alert the reading raised when stored (0 none,
-- 1 low, 2 high).
CREATE TABLE heart_rate_readings (
    owner_id  UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    taken_at  BIGINT      NOT NULL,
    seq       BIGINT      NOT NULL,
    bpm       SMALLINT    NOT NULL,
    alert     SMALLINT    NOT NULL,
    device    VARCHAR(64)
);
CREATE INDEX heart_rate_readings_owner_time_idx ON heart_rate_readings (owner_id, taken_at, seq);

-- A user's alert thresholds, when they changed the defaults (LOW below 50 bpm, HIGH above 150 bpm).
CREATE TABLE heart_rate_settings (
    owner_id          UUID      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    low_alert_below   SMALLINT  NOT NULL,
    high_alert_above  SMALLINT  NOT NULL
);
