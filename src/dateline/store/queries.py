"""Read-only queries over the store: the only code consumers use to read it.

Every function takes an open ``Store`` and returns plain dicts and lists (JSON-ready), so the
CLI, exports and a later web API all read the same shapes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from dateline.errors import InputError
from dateline.store.actor_base import normalise
from dateline.store.event_queries import (
    PERIODS,
    SORTS,
    EventFilter,
    _actor_ids_sql,
    actor_network,
    counts,
    events_where,
    get_cluster,
    iter_clusters,
    list_clusters,
    list_events,
    mentions,
)
from dateline.store.store import Store

__all__ = ["PERIODS", "SORTS", "EventFilter", "actor_network", "check_date", "counts",
           "get_actor", "get_article", "get_cluster", "iter_clusters", "list_actors",
           "list_articles", "list_clusters", "list_events", "list_failures", "list_quotes",
           "mentions", "stats"]


def _all(store: Store, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(sql, tuple(params))]


def _one(store: Store, sql: str, params: tuple[Any, ...] = ()) -> dict[str, Any] | None:
    row = store.conn.execute(sql, params).fetchone()
    return dict(row) if row is not None else None


def _scalar(store: Store, sql: str, params: tuple[Any, ...] = ()) -> Any:
    return store.conn.execute(sql, params).fetchone()[0]


def _phrase(text: str) -> str:
    """User text as one FTS5 phrase (no query syntax to get wrong)."""
    return '"' + text.replace('"', '""') + '"'


def _like(text: str) -> str:
    return "%" + normalise(text).replace("%", "").replace("_", " ") + "%"


def check_date(value: str | None, option: str = "date") -> str | None:
    """A YYYY[-MM[-DD]] date for filters, or InputError."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise InputError(f"{option}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()[: len(value)]
        except ValueError:
            continue
    raise InputError(f"{option}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")


# --- summary ------------------------------------------------------------------------------
def stats(store: Store) -> dict[str, Any]:
    count = {t: _scalar(store, f"SELECT COUNT(*) FROM {t}")
             for t in ("articles", "sentences", "entities", "actor_base", "article_actors",
                       "actor_mentions", "events", "quotes", "times", "places", "failures",
                       "event_clusters", "article_copies")}
    return {
        "articles": count["articles"],
        "failures": count["failures"],
        "sentences": count["sentences"],
        "entities": count["entities"],
        "actors": {"global": count["actor_base"], "in_articles": count["article_actors"],
                   "mentions": count["actor_mentions"]},
        "events": count["events"],
        "merged_events": count["event_clusters"],
        "near_duplicates": count["article_copies"],
        "events_by_cameo_root": {r["k"]: r["n"] for r in _all(
            store, "SELECT cameo_root AS k, COUNT(*) AS n FROM events GROUP BY k ORDER BY k")},
        "events_by_plover": {r["k"] or "none (CAMEO 01/02)": r["n"] for r in _all(
            store, "SELECT plover_type AS k, COUNT(*) AS n FROM events GROUP BY k ORDER BY n DESC")},
        "quotes": count["quotes"],
        "times": count["times"],
        "places": count["places"],
        "date_range": list(store.conn.execute("SELECT MIN(date), MAX(date) FROM articles").fetchone()),
    }


# --- articles -----------------------------------------------------------------------------
def list_articles(store: Store, limit: int = 50, search: str | None = None) -> list[dict[str, Any]]:
    where, params = "", []
    if search:
        where = ("WHERE a.title LIKE ? OR a.id IN (SELECT s.article FROM sentences_fts f "
                 "JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ?)")
        params = [f"%{search}%", _phrase(search)]
    return _all(store, f"""
        SELECT a.article_id AS id, a.date, a.source, a.title,
               (SELECT COUNT(*) FROM article_actors x WHERE x.article = a.id) AS actors,
               (SELECT COUNT(*) FROM events x WHERE x.article = a.id) AS events,
               (SELECT COUNT(*) FROM quotes x WHERE x.article = a.id) AS quotes,
               a.origin
        FROM articles a {where} ORDER BY a.date DESC, a.id LIMIT ?""", [*params, limit])


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article with every layer, or None."""
    art = _one(store, "SELECT * FROM articles WHERE article_id = ?", (article_id,))
    if art is None:
        return None
    row = art.pop("id")
    art["id"] = art.pop("article_id")
    art["hidden"] = json.loads(art["hidden"])
    art["sentences"] = _all(store, "SELECT idx, start_char AS start, end_char AS end, text "
                                   "FROM sentences WHERE article = ? ORDER BY idx", (row,))
    art["entities"] = _all(store, "SELECT start_char AS start, end_char AS end, text, label, "
                                  "sentence FROM entities WHERE article = ? ORDER BY start_char",
                           (row,))
    actors = _all(store, "SELECT id AS row, local_id AS id, actor AS base, name, kind, code, "
                         "country, sectors, role, organization, gender, aliases "
                         "FROM article_actors WHERE article = ? ORDER BY id", (row,))
    mentions: dict[int, list[dict[str, Any]]] = {}
    for m in _all(store, "SELECT article_actor, start_char AS start, end_char AS end, text, kind, "
                         "confidence FROM actor_mentions WHERE article = ? ORDER BY start_char",
                  (row,)):
        mentions.setdefault(m.pop("article_actor"), []).append(m)
    for a in actors:
        a["sectors"] = a["sectors"].split()
        a["aliases"] = json.loads(a["aliases"])
        a["mentions"] = mentions.get(a.pop("row"), [])
    art["actors"] = actors
    art["events"] = events_where(store, "e.article = ?", [row], limit=None)
    art["quotes"] = _quotes(store, "q.article = ?", [row], limit=None)
    art["times"] = _all(store, "SELECT start_char AS start, end_char AS end, text, type, value, "
                               "precision, anchored FROM times WHERE article = ? ORDER BY start_char",
                        (row,))
    art["places"] = _all(store, "SELECT start_char AS start, end_char AS end, text, name, "
                                "geonameid, lat, lon, country, admin1, feature, confidence, note "
                                "FROM places WHERE article = ? ORDER BY start_char", (row,))
    return art


# --- actors -------------------------------------------------------------------------------
def list_actors(store: Store, country: str | None = None, search: str | None = None,
                kind: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    clauses, params = [], []
    if country:
        clauses.append("b.country = ?")
        params.append(country.upper())
    if kind:
        clauses.append("b.kind = ?")
        params.append(kind)
    if search:
        clauses.append("(b.norm LIKE ? OR b.id IN (SELECT actor FROM actor_aliases WHERE norm LIKE ?))")
        params += [_like(search)] * 2
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    return _all(store, f"""
        SELECT b.id, b.name, b.kind, b.country, b.code,
               (SELECT COUNT(DISTINCT x.article) FROM article_actors x WHERE x.actor = b.id) AS articles,
               (SELECT COUNT(*) FROM actor_mentions m JOIN article_actors x ON x.id = m.article_actor
                 WHERE x.actor = b.id) AS mentions,
               (SELECT r.role FROM actor_roles r WHERE r.actor = b.id
                 ORDER BY r.last_seen DESC, r.count DESC LIMIT 1) AS role
        FROM actor_base b {where} ORDER BY articles DESC, mentions DESC, b.id LIMIT ?""",
                [*params, limit])


def get_actor(store: Store, actor_id: int) -> dict[str, Any] | None:
    """A base actor with aliases, roles over time, articles and events."""
    actor = _one(store, "SELECT id, name, kind, country, code FROM actor_base WHERE id = ?",
                 (actor_id,))
    if actor is None:
        return None
    actor["aliases"] = [r["alias"] for r in _all(
        store, "SELECT alias FROM actor_aliases WHERE actor = ? ORDER BY alias", (actor_id,))]
    actor["roles"] = _all(store, "SELECT role, organization, country, first_seen, last_seen, count "
                                 "FROM actor_roles WHERE actor = ? ORDER BY first_seen, role",
                          (actor_id,))
    actor["articles"] = _all(store, """
        SELECT a.article_id AS id, a.date, a.title, COUNT(m.id) AS mentions
        FROM article_actors x JOIN articles a ON a.id = x.article
        LEFT JOIN actor_mentions m ON m.article_actor = x.id
        WHERE x.actor = ? GROUP BY x.id ORDER BY a.date, a.id""", (actor_id,))
    actor["events"] = events_where(store, "(e.source_base = ? OR e.target_base = ?)",
                                  [actor_id, actor_id], limit=500)
    return actor


# --- quotes -------------------------------------------------------------------------------
def list_quotes(store: Store, speaker: str | None = None, search: str | None = None,
                article: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    clauses, params = [], []
    if speaker:
        sub, sub_params = _actor_ids_sql(speaker)
        clauses.append(f"(q.speaker_base IN ({sub}) OR q.speaker_text LIKE ?)")
        params += [*sub_params, f"%{speaker}%"]
    if search:
        clauses.append("q.content_text LIKE ?")
        params.append(f"%{search}%")
    if article:
        clauses.append("a.article_id = ?")
        params.append(article)
    return _quotes(store, " AND ".join(clauses) or "1", params, limit)


def _quotes(store: Store, where: str, params: list[Any], limit: int | None) -> list[dict[str, Any]]:
    rows = _all(store, f"""
        SELECT q.id, a.article_id AS article, a.date, q.speaker_base AS speaker_id,
               COALESCE(b.name, q.speaker_text) AS speaker, q.speaker_text,
               q.cue_text AS cue, q.direct, q.content_text AS content,
               q.content_start, q.content_end
        FROM quotes q JOIN articles a ON a.id = q.article
        LEFT JOIN actor_base b ON b.id = q.speaker_base
        WHERE {where} ORDER BY a.date, a.article_id, q.idx {'LIMIT ?' if limit else ''}""",
                [*params, limit] if limit else params)
    for r in rows:
        r["direct"] = bool(r["direct"])
    return rows


def list_failures(store: Store, limit: int = 100) -> list[dict[str, Any]]:
    return _all(store, "SELECT origin, stage, reason, article_id, count, last_seen FROM failures "
                       "ORDER BY last_seen DESC, id LIMIT ?", (limit,))
