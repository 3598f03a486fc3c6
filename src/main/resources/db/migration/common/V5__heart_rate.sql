-- Portable between H2 2.x and PostgreSQL 12+.

-- Heart-rate readings, millions per user over a year, arrive many at a time (group commit) and are read by
-- owner and time range. They are stored in blocks: one row holds up to a few thousand readings of one owner that
-- were committed together, sorted by time and spanning at most an hour (first_at..last_at, Unix epoch
-- milliseconds), packed in a small binary format (adapters.persistence.ReadingBlocks: time deltas, bpm, alert,
-- device). One row per block instead of one per reading makes writes and reads an order of magnitude cheaper
-- and the table about a tenth of the size. seq is the order of commit (readings with the same millisecond are
-- listed as they arrived). The index finds the blocks of any time range: a reading at t lies in a block with
-- t <= last_at < t + 1 hour.
CREATE TABLE heart_rate_blocks (
    owner_id  UUID      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    first_at  BIGINT    NOT NULL,
    last_at   BIGINT    NOT NULL,
    seq       BIGINT    NOT NULL,
    readings  INTEGER   NOT NULL,
    data      BYTEA     NOT NULL
);
CREATE INDEX heart_rate_blocks_owner_last_idx ON heart_rate_blocks (owner_id, last_at);

-- A user's alert thresholds, when they changed the defaults (LOW below 50 bpm, HIGH above 150 bpm).
CREATE TABLE heart_rate_settings (
    owner_id          UUID      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    low_alert_below   SMALLINT  NOT NULL,
    high_alert_above  SMALLINT  NOT NULL
);
