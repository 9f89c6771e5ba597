-- Articles, the inputs that gave them, failed inputs, and per-article annotations.
-- List-valued fields (authors, removed, captions, warnings) are JSON arrays.

CREATE TABLE articles (
    sha256     TEXT PRIMARY KEY,          -- hash of the normalised title and text (clean)
    id         TEXT NOT NULL,             -- the smallest input id that gave this article
    text       TEXT NOT NULL,
    title      TEXT,
    outlet     TEXT,
    url        TEXT,
    authors    TEXT NOT NULL DEFAULT '[]',
    published  TEXT,
    updated    TEXT,
    dateline   TEXT,
    lang       TEXT,
    removed    TEXT NOT NULL DEFAULT '[]', -- [{"text": ..., "reason": ...}]
    captions   TEXT NOT NULL DEFAULT '[]',
    origin     TEXT,
    warnings   TEXT NOT NULL DEFAULT '[]',
    added_at   TEXT NOT NULL
);
CREATE INDEX articles_by_id ON articles (id);

-- Every input id that gave an article (the same article may come from many inputs).
-- raw_sha256 hashes the input as read, so a re-run can skip cleaning inputs it has seen.
CREATE TABLE inputs (
    input_id   TEXT NOT NULL,
    sha256     TEXT NOT NULL REFERENCES articles (sha256) ON DELETE CASCADE,
    origin     TEXT,
    raw_sha256 TEXT,
    PRIMARY KEY (input_id, sha256)
);
CREATE INDEX inputs_by_sha256 ON inputs (sha256);
CREATE INDEX inputs_by_raw_sha256 ON inputs (raw_sha256);

-- Inputs that could not be read or cleaned; one row per (origin, code, message).
CREATE TABLE failures (
    origin      TEXT NOT NULL,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    hint        TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (origin, code, message)
);

-- Results of later stages per article: kind names the producer, version its format.
CREATE TABLE annotations (
    sha256     TEXT NOT NULL REFERENCES articles (sha256) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    version    TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (sha256, kind)
);
