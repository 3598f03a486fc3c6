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
CREATE INDEX ecgs_owner_submitted_idx ON ecgs (owner_id, submitted_at, id);
CREATE INDEX ecgs_status_idx ON ecgs (status);

-- One row per lead; the samples are one compact binary value (see SignalCodec), not one row per sample.
CREATE TABLE ecg_leads (
    ecg_id            UUID        NOT NULL REFERENCES ecgs (id) ON DELETE CASCADE,
    lead_index        INTEGER     NOT NULL,
    name              VARCHAR(16) NOT NULL,
    number_of_samples INTEGER     NOT NULL,
    samples_encoding  SMALLINT    NOT NULL,
    samples           BYTEA       NOT NULL,
    zero_crossings    INTEGER,
    PRIMARY KEY (ecg_id, lead_index)
);
