-- Fused event records (newsfuse.fuse): one row per current event, rebuilt whenever the
-- event's membership changes. data is the event as exported (events JSONL schema).
CREATE TABLE IF NOT EXISTS events (
    id          TEXT PRIMARY KEY,
    date        TEXT,
    type        TEXT,
    title       TEXT,
    n_articles  INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_date ON events (date);
