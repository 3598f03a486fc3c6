-- Portable between H2 2.x and PostgreSQL 12+.

-- Several instances may share one database. Before an instance analyses an ECG it claims it for a while
-- (claimed_until), in a short transaction of its own, so that another instance handed the same ECG meanwhile
-- leaves it alone; a claim lapses by itself if its instance stops. claimed_by names the instance that made
-- the latest claim (an instance releases its own claims when it starts again).
ALTER TABLE ecgs ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE ecgs ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
