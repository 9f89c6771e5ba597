-- Grouping of articles into events (newsfuse.cluster). Articles are keyed by sha256.
-- cluster_features: the per-article grouping features as one JSON blob.
CREATE TABLE IF NOT EXISTS cluster_features (
    sha256     TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    data       TEXT NOT NULL
);
-- block_keys: candidate generation; two articles are compared when they share a key.
CREATE TABLE IF NOT EXISTS block_keys (
    key    TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (key, sha256)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS block_keys_sha256 ON block_keys (sha256);
-- cluster_links: compared pairs whose score reached the link threshold (a < b).
CREATE TABLE IF NOT EXISTS cluster_links (
    a     TEXT NOT NULL,
    b     TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cluster_links_b ON cluster_links (b);
-- event_members: the current grouping (every clustered article is in one event).
CREATE TABLE IF NOT EXISTS event_members (
    sha256   TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_members_event ON event_members (event_id);
-- cluster_stats: counters (pairs compared) for reports.
CREATE TABLE IF NOT EXISTS cluster_stats (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
