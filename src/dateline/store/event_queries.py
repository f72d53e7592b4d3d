"""Read-only event queries: filters, merged events, mentions, counts and actor networks.

Part of the query layer (re-exported by ``dateline.store.queries``): consumers never write
SQL. One ``EventFilter`` serves extracted events (``list_events``) and merged events
(``list_clusters``: a merged event matches when one of its extracted events does).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dateline.errors import InputError
from dateline.store.actor_base import normalise
from dateline.store.store import Store

SORTS = ("date", "-date", "goldstein", "-goldstein", "confidence", "-confidence",
         "mentions", "-mentions")
PERIODS = ("day", "week", "month", "year", "pair")


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # base actor id, or a name / alias (substring)
    code: str | None = None  # CAMEO code prefix: "04" matches 040..046x
    plover: str | None = None
    since: str | None = None  # event date (or the article date when the event has none)
    until: str | None = None
    country: str | None = None  # source or target country (ISO alpha-3) or code prefix
    article: str | None = None
    limit: int | None = 100
    actor_code: str | None = None  # source or target actor code prefix: "IRNGOV", "IRN"
    sector: str | None = None  # source or target agent code: GOV, MIL, ...
    quad_class: int | None = None  # 1..4 (GDELT convention)
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    place_country: str | None = None  # event place, ISO alpha-2
    near: tuple[float, float, float] | None = None  # (lat, lon, km) around the event place
    outlet: str | None = None  # article source or URL host (substring)
    text: str | None = None  # full-text search over the event's sentence (all words)
    offset: int = 0
    sort: str = "date"


def _like(text: str) -> str:
    return "%" + normalise(text).replace("%", "").replace("_", " ") + "%"


def _actor_ids_sql(value: str) -> tuple[str, list[Any]]:
    if value.isdigit():
        return "?", [int(value)]
    return (("SELECT id FROM actor_base WHERE norm LIKE ? "
             "UNION SELECT actor FROM actor_aliases WHERE norm LIKE ?"), [_like(value)] * 2)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must occur (no query syntax to get wrong)."""
    words = re.findall(r"\w+", text)
    if not words:
        raise InputError(f"--text: no words to search for in {text!r}")
    return " ".join('"' + w + '"' for w in words)


def where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter over ``events e JOIN articles a`` with ``sb``/``tb``
    (source and target actor_base rows) joined."""
    from dateline.store.queries import check_date

    clauses: list[str] = []
    params: list[Any] = []
    if flt.actor:
        sub, sub_params = _actor_ids_sql(flt.actor)
        clauses.append(f"(e.source_base IN ({sub}) OR e.target_base IN ({sub}))")
        params += sub_params * 2
    if flt.code:
        clauses.append("e.cameo LIKE ?")
        params.append(flt.code.strip() + "%")
    if flt.plover:
        clauses.append("e.plover_type = ?")
        params.append(flt.plover.upper())
    if flt.since:
        clauses.append("e.date_hi >= ?")
        params.append(check_date(flt.since, "--since"))
    if flt.until:
        clauses.append("e.date_lo <= ?")
        # "2016-11" as an upper bound means up to the end of November
        until = check_date(flt.until, "--until")
        params.append(until if until and len(until) == 10 else f"{until}-99")
    if flt.country:
        c = flt.country.upper()
        clauses.append("(sb.country = ? OR tb.country = ? OR e.source_code LIKE ? "
                       "OR e.target_code LIKE ?)")
        params += [c, c, c + "%", c + "%"]
    if flt.article:
        clauses.append("a.article_id = ?")
        params.append(flt.article)
    if flt.actor_code:
        c = flt.actor_code.upper() + "%"
        clauses.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
        params += [c, c]
    if flt.sector:
        s = f"% {flt.sector.upper()} %"
        clauses.append("(e.source_actor IN (SELECT id FROM article_actors WHERE ' ' || sectors "
                       "|| ' ' LIKE ?) OR e.target_actor IN (SELECT id FROM article_actors "
                       "WHERE ' ' || sectors || ' ' LIKE ?))")
        params += [s, s]
    if flt.quad_class is not None:
        clauses.append("e.quad_class = ?")
        params.append(int(flt.quad_class))
    if flt.goldstein_min is not None:
        clauses.append("e.goldstein >= ?")
        params.append(float(flt.goldstein_min))
    if flt.goldstein_max is not None:
        clauses.append("e.goldstein <= ?")
        params.append(float(flt.goldstein_max))
    if flt.place_country:
        clauses.append("e.place_country = ?")
        params.append(flt.place_country.upper())
    if flt.near:
        lat, lon, radius = flt.near
        # A bounding box first (cheap), then the great-circle distance.
        dlat = radius / 111.0
        clauses.append("e.place_lat BETWEEN ? AND ? AND dl_km(?, ?, e.place_lat, e.place_lon) <= ?")
        params += [lat - dlat, lat + dlat, lat, lon, radius]
    if flt.outlet:
        clauses.append("dl_outlet(a.source, a.url, a.article_id) LIKE ?")
        params.append(f"%{flt.outlet.casefold()}%")
    if flt.text:
        clauses.append(
            "e.id IN (SELECT x.id FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
            "JOIN events x ON x.article = s.article AND x.trigger_start >= s.start_char "
            "AND x.trigger_start < s.end_char WHERE sentences_fts MATCH ?)")
        params.append(fts_query(flt.text))
    return " AND ".join(clauses) or "1", params


def _order(sort: str, merged: bool) -> str:
    if sort not in SORTS:
        raise InputError(f"--sort: expected one of {', '.join(SORTS)}, got {sort!r}")
    desc = " DESC" if sort.startswith("-") else ""
    key = sort.lstrip("-")
    if merged:
        column = {"date": "date", "goldstein": "goldstein", "confidence": "confidence",
                  "mentions": "num_mentions"}[key]
        return f"{column}{desc}, c.id"
    column = {"date": "date", "goldstein": "e.goldstein", "confidence": "e.confidence",
              "mentions": "num_mentions"}[key]
    return f"{column}{desc}, a.article_id, e.idx"


def _page(flt: EventFilter) -> tuple[str, list[Any]]:
    if flt.limit is None and not flt.offset:
        return "", []
    return "LIMIT ? OFFSET ?", [flt.limit if flt.limit is not None else -1, flt.offset]


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        return [dict(r) for r in store.conn.execute(sql, params)]
    except sqlite3.OperationalError as exc:
        raise InputError(f"query failed: {exc}") from None


_EVENT_SELECT = """
    SELECT e.id, a.article_id AS article, COALESCE(e.date_value, e.date_lo) AS date,
           e.cameo, e.goldstein, e.quad_class, e.plover_type, e.plover_mode, e.plover_context,
           e.source_base AS source_id, COALESCE(sb.name, e.source_text) AS source,
           e.source_code, e.target_base AS target_id, COALESCE(tb.name, e.target_text) AS target,
           e.target_code, e.trigger_text AS trigger, e.trigger_start, e.trigger_end,
           e.negated, e.modality, e.date_text, e.date_precision, e.place_name AS place,
           e.place_country, e.place_lat, e.place_lon, e.confidence, e.rule, e.issue,
           e.sentence_start, e.sentence_end, e.sentence_text AS sentence, e.quote_idx AS quote,
           m.cluster, c.num_mentions, c.num_sources, c.num_articles, m.merge_reason
    FROM events e JOIN articles a ON a.id = e.article
    LEFT JOIN actor_base sb ON sb.id = e.source_base
    LEFT JOIN actor_base tb ON tb.id = e.target_base
    LEFT JOIN event_mentions m ON m.event = e.id AND m.article = e.article
    LEFT JOIN event_clusters c ON c.id = m.cluster"""


def events_where(store: Store, clause: str, params: list[Any], limit: int | None,
                 order: str = "date, a.article_id, e.idx", offset: int = 0) -> list[dict[str, Any]]:
    page = "LIMIT ? OFFSET ?" if limit or offset else ""
    rows = _rows(store, f"{_EVENT_SELECT} WHERE {clause} ORDER BY {order} {page}",
                 [*params, *([limit if limit else -1, offset] if page else [])])
    for r in rows:
        r["negated"] = bool(r["negated"])
    return rows


def list_events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Extracted events (one per article sentence), each with its merged event id and counts."""
    flt = flt or EventFilter()
    clause, params = where(flt)
    return events_where(store, clause, params, flt.limit, _order(flt.sort, False), flt.offset)


_CLUSTER_SELECT = """
    SELECT c.id, c.date_lo, c.date_hi, COALESCE(e.date_value, c.date_lo) AS date,
           e.date_precision, e.cameo, c.cameo_root, e.goldstein, e.quad_class,
           e.plover_type, e.plover_mode, e.plover_context, c.negated, e.modality,
           c.source_base AS source_id, COALESCE(sb.name, e.source_text) AS source,
           e.source_code, sb.country AS source_country, sa.sectors AS source_sectors,
           sb.kind AS source_kind,
           c.target_base AS target_id, COALESCE(tb.name, e.target_text) AS target,
           e.target_code, tb.country AS target_country, ta.sectors AS target_sectors,
           tb.kind AS target_kind,
           e.place_name AS place, e.place_geonameid AS place_geonameid, e.place_country,
           e.place_lat, e.place_lon,
           (SELECT p.feature FROM places p WHERE p.article = e.article
             AND p.geonameid = e.place_geonameid LIMIT 1) AS place_feature,
           c.num_mentions, c.num_sources, c.num_articles, e.confidence,
           e.trigger_text AS trigger, e.sentence_text AS sentence,
           a.article_id AS article, a.url, a.source AS outlet, a.stored_at,
           (e.sentence_start <= (SELECT MIN(s.end_char) FROM sentences s
                                 WHERE s.article = e.article)) AS is_root
    FROM event_clusters c JOIN events e ON e.id = c.anchor JOIN articles a ON a.id = e.article
    LEFT JOIN actor_base sb ON sb.id = c.source_base
    LEFT JOIN actor_base tb ON tb.id = c.target_base
    LEFT JOIN article_actors sa ON sa.id = e.source_actor
    LEFT JOIN article_actors ta ON ta.id = e.target_actor"""


def _cluster_ids(flt: EventFilter) -> tuple[str, list[Any]]:
    clause, params = where(flt)
    if clause == "1":
        return "1", []
    sub = ("c.id IN (SELECT m.cluster FROM event_mentions m JOIN events e ON e.id = m.event "
           "JOIN articles a ON a.id = e.article LEFT JOIN actor_base sb ON sb.id = e.source_base "
           f"LEFT JOIN actor_base tb ON tb.id = e.target_base WHERE m.copy = 0 AND {clause})")
    return sub, params


def list_clusters(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Merged events (GDELT-style: one row per real-world event with mention counts); the
    event fields are those of its first mention."""
    flt = flt or EventFilter()
    clause, params = _cluster_ids(flt)
    page, page_params = _page(flt)
    return _tidy(_rows(store, f"{_CLUSTER_SELECT} WHERE {clause} "
                              f"ORDER BY {_order(flt.sort, True)} {page}", [*params, *page_params]))


def _tidy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        r["negated"] = bool(r["negated"])
        r["is_root"] = bool(r["is_root"])
        for side in ("source_sectors", "target_sectors"):
            r[side] = (r[side] or "").split()
    return rows


def iter_clusters(store: Store, flt: EventFilter | None = None, page: int = 5000
                  ) -> Iterator[dict[str, Any]]:
    """All merged events matching ``flt`` (its limit, offset and sort ignored) in id order,
    fetched a page at a time by id (no OFFSET scans on large stores)."""
    clause, params = _cluster_ids(flt or EventFilter())
    last = 0
    while True:
        rows = _tidy(_rows(store, f"{_CLUSTER_SELECT} WHERE {clause} AND c.id > ? "
                                  f"ORDER BY c.id LIMIT ?", [*params, last, page]))
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1]["id"]


def get_cluster(store: Store, cluster: int) -> dict[str, Any] | None:
    """One merged event with every mention and the reason it was merged."""
    rows = _rows(store, f"{_CLUSTER_SELECT} WHERE c.id = ?", [cluster])
    if not rows:
        return None
    found = rows[0]
    found["mentions"] = mentions(store, [cluster])
    return found


def mentions(store: Store, clusters: list[int] | None = None, flt: EventFilter | None = None
             ) -> list[dict[str, Any]]:
    """Mentions of merged events: the article, sentence, offsets, confidence and merge reason.
    Offsets of a mention in a near-duplicate point into that copy's own text."""
    if clusters is not None:
        clause = f"m.cluster IN ({','.join('?' * len(clusters))})"
        params: list[Any] = list(clusters)
    else:
        clause, params = _cluster_ids(flt or EventFilter())
        clause = clause.replace("c.id IN", "m.cluster IN")
    return _rows(store, f"""
        SELECT m.cluster, m.event, m.copy, a.article_id AS article, a.date AS article_date,
               a.source AS outlet, a.url, a.stored_at, length(a.text) AS doc_len,
               c.date_lo AS event_date,
               (SELECT x.stored_at FROM events y JOIN articles x ON x.id = y.article
                 WHERE y.id = c.anchor) AS event_added,
               (SELECT s.idx FROM sentences s WHERE s.article = e.article
                 AND s.start_char <= e.trigger_start ORDER BY s.start_char DESC LIMIT 1) AS sentence_idx,
               m.sentence_start, m.sentence_end, m.trigger_start, m.trigger_end,
               m.source_start, m.target_start, m.confidence, m.merge_reason
        FROM event_mentions m JOIN articles a ON a.id = m.article
        JOIN events e ON e.id = m.event JOIN event_clusters c ON c.id = m.cluster
        WHERE {clause} ORDER BY m.cluster, m.id""", params)


def counts(store: Store, by: str = "month", flt: EventFilter | None = None,
           merged: bool = False) -> list[dict[str, Any]]:
    """Event counts per day, ISO week, month, year, or (source, target) actor pair, with the
    mean Goldstein value. ``merged`` counts merged events (and their mentions) instead of
    extracted events."""
    if by not in PERIODS:
        raise InputError(f"--by: expected one of {', '.join(PERIODS)}, got {by!r}")
    flt = flt or EventFilter()
    date = "c.date_lo" if merged else "e.date_lo"
    key = {"day": date, "week": f"strftime('%Y-W%W', {date})", "month": f"substr({date}, 1, 7)",
           "year": f"substr({date}, 1, 4)"}.get(by)
    if by == "pair":
        select = ("COALESCE(sb.name, e.source_text, '-') AS source, "
                  "COALESCE(tb.name, e.target_text, '-') AS target")
        group = "source, target"
        order = "events DESC, source, target"
    else:
        select, group, order = f"{key} AS period", "period", "period"
    if merged:
        clause, params = _cluster_ids(flt)
        sql = (f"SELECT {select}, COUNT(*) AS events, SUM(c.num_mentions) AS mentions, "
               f"ROUND(AVG(e.goldstein), 2) AS goldstein_mean FROM event_clusters c "
               f"JOIN events e ON e.id = c.anchor LEFT JOIN actor_base sb ON sb.id = c.source_base "
               f"LEFT JOIN actor_base tb ON tb.id = c.target_base WHERE {clause} "
               f"GROUP BY {group} ORDER BY {order}")
    else:
        clause, params = where(flt)
        sql = (f"SELECT {select}, COUNT(*) AS events, ROUND(AVG(e.goldstein), 2) AS goldstein_mean "
               f"FROM events e JOIN articles a ON a.id = e.article "
               f"LEFT JOIN actor_base sb ON sb.id = e.source_base "
               f"LEFT JOIN actor_base tb ON tb.id = e.target_base WHERE {clause} "
               f"GROUP BY {group} ORDER BY {order}")
    page, page_params = _page(flt)
    return _rows(store, f"{sql} {page}", [*params, *page_params])


def actor_network(store: Store, flt: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
    """Actors as nodes, directed edges source -> target with the number of merged events,
    their mentions and the mean Goldstein value (merged events with both actors resolved)."""
    clause, params = _cluster_ids(flt or EventFilter())
    edges = _rows(store, f"""
        SELECT c.source_base AS source, c.target_base AS target, COUNT(*) AS events,
               SUM(c.num_mentions) AS mentions, ROUND(AVG(e.goldstein), 3) AS goldstein_mean
        FROM event_clusters c JOIN events e ON e.id = c.anchor
        WHERE c.source_base IS NOT NULL AND c.target_base IS NOT NULL
          AND c.source_base != c.target_base AND {clause}
        GROUP BY c.source_base, c.target_base ORDER BY c.source_base, c.target_base""", params)
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        nodes += _rows(store, f"SELECT id, name, kind, country, code FROM actor_base "
                              f"WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk)
    return {"nodes": nodes, "edges": edges}
