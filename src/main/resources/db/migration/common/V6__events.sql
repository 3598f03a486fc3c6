-- Portable between H2 2.x and PostgreSQL 12+.

-- The users' events (adapters.persistence.HibernateEventLog), numbered per user 1, 2, 3, ... in commit order:
-- users.last_event_id is the counter, raised in the transaction that logs an event, so its row lock orders the
-- transactions of one user and a rollback gives the numbers back (no gaps among committed events). at is when the
-- event was recorded (Unix epoch microseconds), for retention; data is the event in a small binary format
-- (adapters.persistence.EventCodec).
ALTER TABLE users ADD COLUMN last_event_id BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE events (
    owner_id  UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id        BIGINT       NOT NULL,
    at        BIGINT       NOT NULL,
    type      VARCHAR(32)  NOT NULL,
    data      BYTEA        NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (owner_id, id)
);
CREATE INDEX events_at_idx ON events (at);
