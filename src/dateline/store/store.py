"""The Store: the only code that writes SQL.

SQLite in WAL mode with foreign keys on. Every article is written in one transaction
(or many articles in one batch transaction): a crash leaves every committed article whole
and nothing half-written, so a rerun resumes where the last commit stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Self

from dateline.errors import StoreError
from dateline.records import Actor, Analysis, Article, Event, EventArg, Failure
from dateline.store import actor_base, merge
from dateline.store.dedup import Signature, signature
from dateline.store.schema import MIGRATIONS

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """First and last day covered by a TIMEX3 calendar value: "2016-08" -> 2016-08-01..31."""
    m = _DAY.match(value or "")
    if not m:
        return None, None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d.isoformat(), d.isoformat()
        if month:
            first = dt.date(year, int(month), 1)
            nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    except ValueError:
        return None, None


class Store:
    """Open (and create or migrate) the database at ``path``.

    ``write`` and ``write_failure`` commit on their own unless called inside ``batch()``,
    which commits all of them at once when the block ends (and rolls back on an exception).
    """

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:" and not create and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; create one with `dateline ingest`")
        try:
            # Autocommit mode: transactions are explicit BEGIN/COMMIT, so none is left open.
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=5000")
            merge.register_functions(self.conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        self._lock = threading.RLock()  # has_article may be called from a pool feeder thread
        self._in_batch = False
        self._migrate()

    # --- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (seq INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)")
            done = [r["name"] for r in self.conn.execute("SELECT name FROM migrations ORDER BY seq")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a Dateline store: {exc}") from None
        known = [m.name for m in MIGRATIONS]
        unknown = [n for n in done if n not in known]
        if unknown or len(done) > len(known):
            raise StoreError(f"{self.path} was written by a newer Dateline (schema "
                             f"{', '.join(unknown) or done[-1]}); upgrade Dateline to read it")
        if done != known[: len(done)]:
            raise StoreError(f"{self.path}: migrations applied out of order: {', '.join(done)}")
        for seq, migration in enumerate(MIGRATIONS[len(done):], start=len(done) + 1):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _statements(migration.sql):
                    self.conn.execute(statement)
                if migration.backfill is not None:
                    migration.backfill(self.conn)
                self.conn.execute("INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)",
                                  (seq, migration.name, _now()))
                self.conn.execute(f"PRAGMA user_version = {seq}")
                self.conn.execute("COMMIT")
            except (sqlite3.Error, StoreError) as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {migration.name} failed on {self.path}: {exc}") from None

    def migrations(self) -> list[str]:
        return [r["name"] for r in self.conn.execute("SELECT name FROM migrations ORDER BY seq")]

    # --- transactions ---------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Group writes into one transaction: all of them are committed, or none."""
        with self._lock:
            if self._in_batch:
                yield self
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_batch = True
            try:
                yield self
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._in_batch = False

    # --- reads the writer needs -----------------------------------------------------------
    def has_article(self, content_hash: str, pipeline_version: str) -> bool:
        """True when an article with this text was stored by this pipeline version."""
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? AND pipeline_version = ? LIMIT 1",
                (content_hash, pipeline_version)).fetchone()
        return row is not None

    def has_article_id(self, article_id: str) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles WHERE article_id = ?",
                                     (article_id,)).fetchone() is not None

    def has_stored(self, article_id: str, content_hash: str, pipeline_version: str) -> bool:
        """True when this article id is stored with this text by this pipeline version."""
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM articles WHERE article_id = ? AND content_hash = ? "
                "AND pipeline_version = ?", (article_id, content_hash, pipeline_version)).fetchone()
        return row is not None

    def find_original(self, sig: Signature, exclude_id: str) -> tuple[str, float] | None:
        """The stored article this signature near-duplicates, as (article id, similarity)."""
        with self._lock:
            return merge.find_original(self.conn, sig, exclude_id)

    # --- writes ---------------------------------------------------------------------------
    def write(self, analysis: Analysis, pipeline_version: str, sig: Signature | None = None) -> str:
        """Store an analysed article with all its layers, its near-duplicate signature
        (``sig``, computed when not given), and its events merged with the stored ones.

        Returns "unchanged" (same text and pipeline version already stored, nothing written;
        also when the same text is stored under another id), "replaced" (the article's
        previous layers were replaced), or "new"."""
        article = analysis.article
        with self.batch():
            if self.has_article(article.content_hash, pipeline_version):
                return "unchanged"
            old = self.conn.execute("SELECT id FROM articles WHERE article_id = ?",
                                    (article.id,)).fetchone()
            stale: set[int] = set()
            clusters: set[int] = set()
            copies: list[tuple[int, float]] = []
            if old is not None:
                stale = {r["actor"] for r in self.conn.execute(
                    "SELECT actor FROM article_actors WHERE article = ? AND actor IS NOT NULL",
                    (old["id"],))}
                clusters = {r[0] for r in self.conn.execute(
                    "SELECT DISTINCT m.cluster FROM event_mentions m JOIN events e ON e.id = m.event "
                    "WHERE e.article = ?", (old["id"],))}
                copies = merge.copies_of(self.conn, old["id"])
                self.conn.execute("DELETE FROM articles WHERE id = ?", (old["id"],))
            row = self._write_analysis(analysis, pipeline_version)
            merge.write_signature(self.conn, row, sig or signature(article))
            clusters |= merge.assign_article(self.conn, row, _now())
            for copy, similarity in copies:
                clusters |= merge.link_copy(self.conn, copy, row, similarity)
            merge.refresh(self.conn, clusters)
            # Failures recorded for this article earlier are now resolved.
            self.conn.execute("DELETE FROM failures WHERE article_id = ? AND stage != 'ingest'",
                              (article.id,))
            if stale:
                actor_base.refresh(self.conn, stale, rebuild_aliases=True)
        return "new" if old is None else "replaced"

    def write_copy(self, article: Article, original_id: str, similarity: float,
                   pipeline_version: str) -> str:
        """Store a near-duplicate of the stored article ``original_id``: its text and metadata
        without layers, linked to the original, whose events it mentions again.

        Returns "unchanged" when already stored, else "copy"."""
        with self.batch():
            if self.has_stored(article.id, article.content_hash, pipeline_version):
                return "unchanged"
            original = self.conn.execute("SELECT id FROM articles WHERE article_id = ?",
                                         (original_id,)).fetchone()
            if original is None:
                raise StoreError(f"cannot link {article.id}: original {original_id} is not stored")
            old = self.conn.execute("SELECT id FROM articles WHERE article_id = ?",
                                    (article.id,)).fetchone()
            clusters: set[int] = set()
            stale: set[int] = set()
            if old is not None:  # the id was stored before as another text
                clusters = {r[0] for r in self.conn.execute(
                    "SELECT DISTINCT cluster FROM event_mentions WHERE article = ?", (old["id"],))}
                stale = {r["actor"] for r in self.conn.execute(
                    "SELECT actor FROM article_actors WHERE article = ? AND actor IS NOT NULL",
                    (old["id"],))}
                self.conn.execute("DELETE FROM articles WHERE id = ?", (old["id"],))
            row = self._insert_article(article, pipeline_version, "copy")
            clusters |= merge.link_copy(self.conn, row, original["id"], similarity)
            merge.refresh(self.conn, clusters)
            if stale:
                actor_base.refresh(self.conn, stale, rebuild_aliases=True)
        return "copy"

    def write_failure(self, failure: Failure) -> None:
        """Record a failure; the same failure seen again bumps its count."""
        now = _now()
        with self.batch():
            self.conn.execute(
                "INSERT INTO failures (origin, stage, reason, article_id, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, stage, reason) "
                "DO UPDATE SET last_seen = excluded.last_seen, count = count + 1",
                (failure.origin, failure.stage, failure.reason, failure.article_id, now, now))

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one article ----------------------------------------------------------------------
    def _insert_article(self, a: Article, version: str, stages: str) -> int:
        row = self.conn.execute(
            "INSERT INTO articles (article_id, content_hash, pipeline_version, stages, title, url, "
            "source, date, language, text, dateline_text, dateline_start, dateline_end, "
            "dateline_place, dateline_date_text, license, attribution, signoff_text, "
            "signoff_start, signoff_end, hidden, origin, stored_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.content_hash, version, stages, a.title, a.url, a.source,
             a.date.isoformat() if a.date else None, a.language, a.text,
             *_dateline(a), a.license, a.attribution,
             *((a.signoff.text, a.signoff.start, a.signoff.end) if a.signoff else (None,) * 3),
             json.dumps([list(h) for h in a.hidden]), a.origin, _now()),
        ).lastrowid
        assert row is not None
        return row

    def _write_analysis(self, analysis: Analysis, version: str) -> int:
        a = analysis.article
        row = self._insert_article(a, version, ",".join(analysis.done))
        self.conn.executemany(
            "INSERT INTO sentences (article, idx, start_char, end_char, text) VALUES (?,?,?,?,?)",
            [(row, s.index, s.start, s.end, a.text[s.start:s.end]) for s in analysis.sentences])
        self.conn.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences "
                          "WHERE article = ?", (row,))
        self.conn.executemany(
            "INSERT INTO entities (article, start_char, end_char, text, label, sentence) "
            "VALUES (?,?,?,?,?,?)",
            [(row, m.start, m.end, m.text, m.label, m.sentence) for m in analysis.entities])
        actors = self._write_actors(row, analysis)
        self._write_events(row, a, analysis.events, actors)
        self.conn.executemany(
            "INSERT INTO quotes (article, idx, content_start, content_end, content_text, "
            "content_spans, speaker_text, speaker_start, speaker_end, speaker_actor, speaker_base, "
            "cue_text, cue_start, cue_end, direct) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(row, i, q.content.start, q.content.end, q.content.text,
              json.dumps([[s.start, s.end, s.text] for s in q.content_spans]),
              *_span(q.speaker), *actors.get(q.speaker_actor, (None, None)),
              *_span(q.cue), int(q.direct))
             for i, q in enumerate(analysis.quotes)])
        self.conn.executemany(
            "INSERT INTO times (article, start_char, end_char, text, type, value, precision, "
            "anchored) VALUES (?,?,?,?,?,?,?,?)",
            [(row, t.start, t.end, t.text, t.type, t.value, t.precision, int(t.anchored))
             for t in analysis.times])
        self.conn.executemany(
            "INSERT INTO places (article, start_char, end_char, text, name, geonameid, lat, lon, "
            "country, admin1, feature, confidence, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(row, p.start, p.end, p.text, p.name, p.geonameid, p.lat, p.lon, p.country,
              p.admin1, p.feature, p.confidence, p.note) for p in analysis.places])
        return row

    def _write_actors(self, row: int, analysis: Analysis) -> dict[str | None, tuple[int, int]]:
        """Insert the article's actors linked to the actor base; returns
        {Actor.id: (article_actors.id, actor_base.id)}."""
        now = _now()
        ids: dict[str | None, tuple[int, int]] = {}
        with_roles: list[int] = []
        for actor in analysis.actors:
            names = _names_seen(actor)
            base = actor_base.link(self.conn, replace(actor, aliases=tuple(names)), now)
            local = self.conn.execute(
                "INSERT INTO article_actors (article, local_id, actor, name, kind, code, country, "
                "sectors, role, organization, gender, aliases) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (row, actor.id, base, actor.name, actor.kind, actor.code, actor.country,
                 " ".join(actor.sectors), actor.role, actor.organization, actor.gender,
                 json.dumps(names)),
            ).lastrowid
            assert local is not None
            ids[actor.id] = (local, base)
            if actor.role:
                with_roles.append(base)
            self.conn.executemany(
                "INSERT INTO actor_mentions (article, article_actor, start_char, end_char, text, "
                "kind, confidence) VALUES (?,?,?,?,?,?,?)",
                [(row, local, m.start, m.end, m.text, m.kind, m.confidence) for m in actor.mentions])
        actor_base.refresh(self.conn, with_roles)
        return ids

    def _write_events(self, row: int, article: Article, events: tuple[Event, ...],
                      actors: dict[str | None, tuple[int, int]]) -> None:
        fallback = article.date.isoformat() if article.date else None
        rows: list[tuple[Any, ...]] = []
        for i, e in enumerate(events):
            d, p = e.date, e.place
            lo, hi = date_range(d.value if d else None)
            if lo is None:
                lo = hi = fallback
            rows.append((
                row, i, e.cameo, e.cameo[:2], e.goldstein, e.quad_class, e.plover_type,
                e.plover_mode, e.plover_context, int(e.negated), e.modality,
                e.trigger.start, e.trigger.end, e.trigger.text, e.sentence.start, e.sentence.end,
                e.sentence.text or article.text[e.sentence.start:e.sentence.end],
                *_arg(e.source, actors), *_arg(e.target, actors),
                *((d.value, d.text, d.start, d.end, d.precision, d.basis) if d else (None,) * 6),
                lo, hi,
                *((p.name, p.geonameid, p.lat, p.lon, p.country, p.start, p.end, p.basis)
                  if p else (None,) * 8),
                e.confidence, e.rule, e.issue, e.quote,
            ))
        self.conn.executemany(
            "INSERT INTO events (article, idx, cameo, cameo_root, goldstein, quad_class, "
            "plover_type, plover_mode, plover_context, negated, modality, trigger_start, "
            "trigger_end, trigger_text, sentence_start, sentence_end, sentence_text, "
            "source_actor, source_base, source_code, source_text, source_start, source_end, "
            "target_actor, target_base, target_code, target_text, target_start, target_end, "
            "date_value, date_text, date_start, date_end, date_precision, date_basis, "
            "date_lo, date_hi, place_name, place_geonameid, place_lat, place_lon, place_country, "
            "place_start, place_end, place_basis, confidence, rule, issue, quote_idx) "
            f"VALUES ({','.join('?' * 49)})",
            rows)


def _names_seen(actor: Actor) -> list[str]:
    """Aliases plus, for non-persons, the names and acronyms its mentions used ("PUK")."""
    names = [*actor.aliases]
    if actor.kind != "person":
        names += [m.text for m in actor.mentions if m.kind in ("name", "acronym", "alias")]
    return [n for n in dict.fromkeys(names) if n != actor.name]


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements (trigger bodies keep their semicolons)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def _span(s: Any) -> tuple[Any, Any, Any]:
    return (s.text, s.start, s.end) if s is not None else (None, None, None)


def _dateline(a: Article) -> tuple[Any, ...]:
    d = a.dateline
    return (d.text, d.start, d.end, d.place, d.date_text) if d else (None,) * 5


def _arg(arg: EventArg | None, actors: dict[str | None, tuple[int, int]]) -> tuple[Any, ...]:
    if arg is None:
        return (None,) * 6
    local, base = actors.get(arg.actor, (None, None))
    return (local, base, arg.code, arg.text, arg.start, arg.end)
