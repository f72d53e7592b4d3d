"""The store schema as named, ordered migrations.

Each migration runs once, in its own transaction, and leaves a row in ``migrations``.
Never edit a migration that has shipped: append a new one. ``PRAGMA user_version`` holds
the number of migrations applied, so an older Dateline can refuse a newer database.

``0002_merge`` adds near-duplicate articles (MinHash signatures, LSH band keys, copy links)
and cross-article events: ``event_clusters`` (one row per merged event, the GDELT
GlobalEventID) and ``event_mentions`` (its mentions: extracted events and their reprints in
copies, each with the reason it joined). Existing stores are backfilled when it is applied.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

# Column naming: character offsets are ``start_char``/``end_char`` (``end`` is an SQL keyword).
_CORE = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,          -- Article.id as given by the input
    content_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    stages TEXT NOT NULL DEFAULT '',          -- Analysis.done, comma-separated
    title TEXT, url TEXT, source TEXT,
    date TEXT,                                -- publication date, ISO
    language TEXT,
    text TEXT NOT NULL,
    dateline_text TEXT, dateline_start INTEGER, dateline_end INTEGER,
    dateline_place TEXT, dateline_date_text TEXT,
    license TEXT, attribution TEXT,
    signoff_text TEXT, signoff_start INTEGER, signoff_end INTEGER,
    hidden TEXT NOT NULL DEFAULT '[]',        -- JSON [[start, end], ...]
    origin TEXT,
    stored_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash, pipeline_version);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article, idx)
);

-- Full-text index over sentence text. The Store adds each article's sentences in one
-- statement (a per-row insert trigger made writes four times slower); deletes, rare, use a
-- trigger so a cascade from articles keeps the index in step.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, label TEXT NOT NULL, sentence INTEGER
);
CREATE INDEX entities_article ON entities(article);

-- The cross-article actor base: one row per real-world actor.
CREATE TABLE actor_base (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,                       -- normalised name
    norm_rev TEXT NOT NULL,                   -- reversed norm minus "jr": surname lookup
    kind TEXT NOT NULL,
    country TEXT,
    code TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX actor_base_norm ON actor_base(norm);
CREATE INDEX actor_base_rev ON actor_base(norm_rev);
CREATE INDEX actor_base_country ON actor_base(country);

CREATE TABLE actor_aliases (
    actor INTEGER NOT NULL REFERENCES actor_base(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (actor, norm)
);
CREATE INDEX actor_aliases_norm ON actor_aliases(norm);

-- Roles seen in text, derived from article_actors + article dates (rebuilt per actor on write).
CREATE TABLE actor_roles (
    id INTEGER PRIMARY KEY,
    actor INTEGER NOT NULL REFERENCES actor_base(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    organization TEXT,
    country TEXT,
    first_seen TEXT, last_seen TEXT,
    count INTEGER NOT NULL
);
CREATE INDEX actor_roles_actor ON actor_roles(actor);

-- Actors as found in one article, each linked to the actor base.
CREATE TABLE article_actors (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,                   -- Actor.id: "A1"
    actor INTEGER REFERENCES actor_base(id),
    name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, country TEXT,
    sectors TEXT NOT NULL DEFAULT '',         -- space-separated agent codes
    role TEXT, organization TEXT, gender TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',       -- JSON list
    UNIQUE (article, local_id)
);
CREATE INDEX article_actors_actor ON article_actors(actor);

CREATE TABLE actor_mentions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_actor INTEGER NOT NULL REFERENCES article_actors(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX actor_mentions_article ON actor_mentions(article);
CREATE INDEX actor_mentions_actor ON actor_mentions(article_actor);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    cameo TEXT NOT NULL, cameo_root TEXT NOT NULL,
    goldstein REAL, quad_class INTEGER,
    plover_type TEXT, plover_mode TEXT, plover_context TEXT,
    negated INTEGER NOT NULL, modality TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, sentence_text TEXT NOT NULL,
    source_actor INTEGER REFERENCES article_actors(id) ON DELETE SET NULL,
    source_base INTEGER REFERENCES actor_base(id),
    source_code TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,
    target_actor INTEGER REFERENCES article_actors(id) ON DELETE SET NULL,
    target_base INTEGER REFERENCES actor_base(id),
    target_code TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER,
    date_value TEXT, date_text TEXT, date_start INTEGER, date_end INTEGER,
    date_precision TEXT, date_basis TEXT,
    date_lo TEXT, date_hi TEXT,               -- day range of the event date (or article date)
    place_name TEXT, place_geonameid INTEGER, place_lat REAL, place_lon REAL,
    place_country TEXT, place_start INTEGER, place_end INTEGER, place_basis TEXT,
    confidence REAL NOT NULL, rule TEXT NOT NULL, issue TEXT, quote_idx INTEGER,
    UNIQUE (article, idx)
);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(cameo_root);
CREATE INDEX events_plover ON events(plover_type);
CREATE INDEX events_date ON events(date_lo, date_hi);
CREATE INDEX events_source ON events(source_base);
CREATE INDEX events_target ON events(target_base);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    content_spans TEXT NOT NULL DEFAULT '[]', -- JSON [[start, end, text], ...]
    speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
    speaker_actor INTEGER REFERENCES article_actors(id) ON DELETE SET NULL,
    speaker_base INTEGER REFERENCES actor_base(id),
    cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
    direct INTEGER NOT NULL,
    UNIQUE (article, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_base);

CREATE TABLE times (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT, precision TEXT, anchored INTEGER NOT NULL
);
CREATE INDEX times_article ON times(article);

CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    feature TEXT NOT NULL, confidence REAL NOT NULL, note TEXT
);
CREATE INDEX places_article ON places(article);
CREATE INDEX places_country ON places(country);

-- Articles that could not be processed; the same failure seen again is counted, not duplicated.
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    article_id TEXT,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    UNIQUE (origin, stage, reason)
);
CREATE INDEX failures_article ON failures(article_id);
"""


_MERGE = """
-- MinHash signature of each processed article (copies have none: they are never originals).
CREATE TABLE article_signatures (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL,                    -- 128 little-endian uint64 values
    shingles INTEGER NOT NULL
);
-- LSH band keys: one indexed lookup per band finds candidate originals.
CREATE TABLE article_bands (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article);

-- A near-duplicate article, stored without layers, counted as a source of its original.
CREATE TABLE article_copies (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL
);
CREATE INDEX article_copies_original ON article_copies(original);

-- One row per merged event. Key fields are those of the first member (the anchor).
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,                   -- GDELT GlobalEventID
    anchor INTEGER NOT NULL,                  -- events.id of the first member
    source_base INTEGER, target_base INTEGER,
    cameo_root TEXT NOT NULL, negated INTEGER NOT NULL,
    date_lo TEXT, date_hi TEXT,
    place_country TEXT, place_lat REAL, place_lon REAL,
    article INTEGER NOT NULL,                 -- article of the anchor (same-article merges)
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX event_clusters_key ON event_clusters(source_base, target_base, cameo_root, date_lo);
CREATE INDEX event_clusters_date ON event_clusters(date_lo);

-- Mentions of a merged event: every extracted event (copy = 0) and, for each near-duplicate
-- article, the same sentence reprinted there (copy = 1; offsets into the copy's text, NULL
-- when the sentence was edited).
CREATE TABLE event_mentions (
    id INTEGER PRIMARY KEY,
    cluster INTEGER NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    copy INTEGER NOT NULL,
    sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER,
    source_start INTEGER, target_start INTEGER,
    confidence REAL NOT NULL,
    merge_reason TEXT NOT NULL,
    UNIQUE (event, article)
);
CREATE INDEX event_mentions_cluster ON event_mentions(cluster);
CREATE INDEX event_mentions_article ON event_mentions(article);
"""


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str
    # Python run after the SQL, in the same transaction (fills new tables from old rows).
    backfill: Callable[[sqlite3.Connection], None] | None = None


def _backfill_merge(conn: sqlite3.Connection) -> None:
    from dateline.store import merge

    merge.backfill(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core", _CORE),
    Migration("0002_merge", _MERGE, _backfill_merge),
)
