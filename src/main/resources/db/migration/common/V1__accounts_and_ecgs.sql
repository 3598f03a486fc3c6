-- Portable between H2 2.x and PostgreSQL 12+: both know UUID, TIMESTAMP WITH TIME ZONE and BYTEA.

CREATE TABLE users (
    id            UUID                     PRIMARY KEY,
    username      VARCHAR(64)              NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username_unique UNIQUE (username)
);

CREATE TABLE api_tokens (
    id          UUID                     PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        VARCHAR(100),
    secret_hash CHAR(64)                 NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_tokens_secret_hash_unique UNIQUE (secret_hash)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE ecgs (
    id               UUID                     PRIMARY KEY,
    owner_id         UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recorded_at      TIMESTAMP WITH TIME ZONE,
    sampling_rate_hz INTEGER,
    status           VARCHAR(16)              NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    analysed_at      TIMESTAMP WITH TIME ZONE,
    revision         BIGINT                   NOT NULL
);
-- In the order of the list endpoint (newest first), so a page is read straight off the index.
CREATE INDEX ecgs_owner_submitted_idx ON ecgs (owner_id, submitted_at DESC, id DESC);
CREATE INDEX ecgs_status_idx ON ecgs (status);

-- One row per lead; the samples are one compact binary value (see SignalCodec), not one row per sample.
CREATE TABLE ecg_leads (
    ecg_id            UUID        NOT NULL REFERENCES ecgs (id) ON DELETE CASCADE,
    lead_index        INTEGER     NOT NULL,
    name              VARCHAR(16) NOT NULL,
    number_of_samples INTEGER     NOT NULL,
    samples_encoding  SMALLINT    NOT NULL,
    samples           BYTEA       NOT NULL,
    PRIMARY KEY (ecg_id, lead_index)
);

-- Per-lead analysis results, apart from the samples: storing results never rewrites a lead's samples
-- (on H2 that rewrite doubled the database file under load), and a replaced recording drops its
-- results through the cascade.
CREATE TABLE ecg_lead_results (
    ecg_id         UUID    NOT NULL,
    lead_index     INTEGER NOT NULL,
    zero_crossings INTEGER NOT NULL,
    PRIMARY KEY (ecg_id, lead_index),
    FOREIGN KEY (ecg_id, lead_index) REFERENCES ecg_leads (ecg_id, lead_index) ON DELETE CASCADE
);
