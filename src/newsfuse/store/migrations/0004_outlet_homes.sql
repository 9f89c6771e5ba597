-- Outlet homes (newsfuse.homes): the region each article's main place lies in, by outlet,
-- and the home region each outlet was last given (newsfuse.fuse.outlets).
CREATE TABLE IF NOT EXISTS article_regions (
    sha256   TEXT PRIMARY KEY,
    outlet   TEXT NOT NULL,
    country  TEXT,
    admin1   TEXT
);
CREATE INDEX IF NOT EXISTS article_regions_outlet ON article_regions (outlet);
CREATE TABLE IF NOT EXISTS outlet_homes (
    outlet   TEXT PRIMARY KEY,
    country  TEXT NOT NULL,
    admin1   TEXT NOT NULL
);
-- Articles annotated before this migration count too (their events take the homes into
-- account the next time a run touches their outlets).
INSERT OR IGNORE INTO article_regions (sha256, outlet, country, admin1)
SELECT sha256, json_extract(data, '$.article.outlet'), json_extract(data, '$.place.country'),
       CASE WHEN json_extract(data, '$.place.country') IS NOT NULL THEN json_extract(data, '$.place.admin1') END
FROM annotations
WHERE kind = 'annotated' AND json_extract(data, '$.article.outlet') IS NOT NULL;
