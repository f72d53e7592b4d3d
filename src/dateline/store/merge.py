"""Event merging across articles: one real-world event, many mentions.

An extracted event joins an existing merged event (``event_clusters``) when all of these hold:
- the same source and target actors of the actor base (both ids, in the same direction);
  an event with neither actor resolved is never merged;
- the same CAMEO root (family) and the same polarity (a negated event stays apart);
- compatible dates, respecting precision: two day dates at most one day apart; a date of
  week or month precision overlaps the other's range; wider ranges (quarter, year) merge only
  with the identical range; when neither event has any date (not even an article date), only
  mentions within one article merge;
- compatible places: unknown on either side, or the same country, or within 100 km.
The cluster's key fields are those of its first member (no drift by chaining). Among several
compatible clusters the closest in date wins, then the oldest: the same input order always
gives the same clusters. Every mention records the reason it joined (``merge_reason``).
Called only by ``Store`` inside its write transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterable
from urllib.parse import urlsplit

PLACE_KM = 100.0
WIDE_DAYS = 31  # a range longer than this (quarter, year) only merges with the same range


def km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """Great-circle distance in kilometres (None when a coordinate is missing)."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(lon2 - lon1)  # type: ignore[operator]
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def outlet(source: str | None, url: str | None, article_id: str) -> str:
    """The outlet an article counts as for NumSources: its source, else its URL host."""
    if source and source.strip():
        return source.strip().casefold()
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return "article:" + article_id


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("dl_km", 4, km, deterministic=True)
    conn.create_function("dl_outlet", 3, outlet, deterministic=True)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _date_fit(lo: str | None, hi: str | None, clo: str | None, chi: str | None) -> str | None:
    """Why the two date ranges are compatible, or None when they are not."""
    if lo is None or clo is None or hi is None or chi is None:
        return None
    a, b, c, d = _day(lo), _day(hi), _day(clo), _day(chi)
    wide = (b - a).days > WIDE_DAYS or (d - c).days > WIDE_DAYS
    if wide:
        return f"same date range {lo}..{hi}" if (a, b) == (c, d) else None
    if a == b and c == d:
        gap = abs((a - c).days)
        return (f"date {lo} = {clo}" if gap == 0 else f"date {lo} within 1 day of {clo}") \
            if gap <= 1 else None
    if a <= d and c <= b:
        return f"date {lo}..{hi} overlaps {clo}..{chi}" if lo != hi else f"date {lo} within {clo}..{chi}"
    return None


def _place_fit(ev: sqlite3.Row, cl: sqlite3.Row) -> str | None:
    if ev["place_country"] is None and ev["place_lat"] is None:
        return "place unknown"
    if cl["place_country"] is None and cl["place_lat"] is None:
        return "place unknown"
    if ev["place_country"] and ev["place_country"] == cl["place_country"]:
        return f"same country {ev['place_country']}"
    dist = km(ev["place_lat"], ev["place_lon"], cl["place_lat"], cl["place_lon"])
    if dist is not None and dist <= PLACE_KM:
        return f"places {dist:.0f} km apart"
    return None


def _mid(lo: str | None, hi: str | None) -> float:
    if lo is None or hi is None:
        return 0.0
    return (_day(lo).toordinal() + _day(hi).toordinal()) / 2


_EVENT_COLS = ("e.id, e.article, e.cameo_root, e.negated, e.source_base, e.target_base, "
               "e.date_lo, e.date_hi, e.place_country, e.place_lat, e.place_lon, e.confidence, "
               "e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, "
               "e.source_start, e.target_start")


def _candidates(conn: sqlite3.Connection, ev: sqlite3.Row) -> list[sqlite3.Row]:
    base = ("SELECT * FROM event_clusters WHERE source_base IS ? AND target_base IS ? "
            "AND cameo_root = ? AND negated = ? ")
    key = [ev["source_base"], ev["target_base"], ev["cameo_root"], ev["negated"]]
    if ev["date_lo"] is None:
        return conn.execute(base + "AND date_lo IS NULL AND article = ? ORDER BY id",
                            [*key, ev["article"]]).fetchall()
    lo = (_day(ev["date_lo"]) - dt.timedelta(days=1)).isoformat()
    hi = (_day(ev["date_hi"]) + dt.timedelta(days=1)).isoformat()
    return conn.execute(base + "AND date_lo <= ? AND date_hi >= ? ORDER BY id",
                        [*key, hi, lo]).fetchall()


def _choose(conn: sqlite3.Connection, ev: sqlite3.Row) -> tuple[int | None, str]:
    """The cluster this event joins (None: a new one) and why."""
    if ev["source_base"] is None and ev["target_base"] is None:
        return None, "first mention (no resolved actors: never merged)"
    fits: list[tuple[float, int, str]] = []
    for cl in _candidates(conn, ev):
        if ev["date_lo"] is None:
            when = "same article, no date known"
        else:
            when = _date_fit(ev["date_lo"], ev["date_hi"], cl["date_lo"], cl["date_hi"]) or ""
        where = _place_fit(ev, cl)
        if when and where:
            fits.append((abs(_mid(ev["date_lo"], ev["date_hi"]) - _mid(cl["date_lo"], cl["date_hi"])),
                         cl["id"], f"{when}; {where}"))
    if not fits:
        return None, "first mention"
    _, cluster, why = min(fits)
    actors = f"{ev['source_base'] or '-'}->{ev['target_base'] or '-'}"
    return cluster, f"same actors {actors}, CAMEO root {ev['cameo_root']}; {why}"


def _new_cluster(conn: sqlite3.Connection, ev: sqlite3.Row, now: str) -> int:
    row = conn.execute(
        "INSERT INTO event_clusters (anchor, source_base, target_base, cameo_root, negated, "
        "date_lo, date_hi, place_country, place_lat, place_lon, article, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (ev["id"], ev["source_base"], ev["target_base"], ev["cameo_root"], ev["negated"],
         ev["date_lo"], ev["date_hi"], ev["place_country"], ev["place_lat"], ev["place_lon"],
         ev["article"], now)).lastrowid
    assert row is not None
    return row


def _add_mention(conn: sqlite3.Connection, cluster: int, ev: sqlite3.Row, reason: str) -> None:
    conn.execute(
        "INSERT INTO event_mentions (cluster, event, article, copy, sentence_start, sentence_end, "
        "trigger_start, trigger_end, source_start, target_start, confidence, merge_reason) "
        "VALUES (?,?,?,0,?,?,?,?,?,?,?,?)",
        (cluster, ev["id"], ev["article"], ev["sentence_start"], ev["sentence_end"],
         ev["trigger_start"], ev["trigger_end"], ev["source_start"], ev["target_start"],
         ev["confidence"], reason))


def assign_article(conn: sqlite3.Connection, article: int, now: str) -> set[int]:
    """Assign each event of the article (in order) to a merged event; returns the clusters
    touched (their counts still need ``refresh``)."""
    touched: set[int] = set()
    events = conn.execute(f"SELECT {_EVENT_COLS} FROM events e WHERE e.article = ? AND NOT EXISTS "
                          "(SELECT 1 FROM event_mentions m WHERE m.event = e.id) ORDER BY e.idx",
                          (article,)).fetchall()
    for ev in events:
        cluster, reason = _choose(conn, ev)
        if cluster is None:
            cluster = _new_cluster(conn, ev, now)
        _add_mention(conn, cluster, ev, reason)
        touched.add(cluster)
    return touched


def link_copy(conn: sqlite3.Connection, copy: int, original: int, similarity: float) -> set[int]:
    """Record ``copy`` as a near-duplicate of ``original``: every mention in the original is
    also a mention in the copy (offsets found again in the copy's text when unchanged)."""
    conn.execute("INSERT OR REPLACE INTO article_copies (article, original, similarity) "
                 "VALUES (?, ?, ?)", (copy, original, similarity))
    text = conn.execute("SELECT text, article_id FROM articles WHERE id = ?", (copy,)).fetchone()
    orig_id = conn.execute("SELECT article_id FROM articles WHERE id = ?", (original,)).fetchone()[0]
    touched: set[int] = set()
    rows = conn.execute(
        "SELECT m.cluster, m.event, m.sentence_start, m.sentence_end, m.trigger_start, "
        "m.trigger_end, m.source_start, m.target_start, m.confidence, e.sentence_text "
        "FROM event_mentions m JOIN events e ON e.id = m.event "
        "WHERE m.article = ? AND m.copy = 0 ORDER BY m.id", (original,)).fetchall()
    for r in rows:
        at = text["text"].find(r["sentence_text"]) if r["sentence_text"] else -1
        shift = at - r["sentence_start"] if at >= 0 else None

        def moved(value: int | None, shift: int | None = shift) -> int | None:
            return None if value is None or shift is None else value + shift

        conn.execute(
            "INSERT OR IGNORE INTO event_mentions (cluster, event, article, copy, sentence_start, "
            "sentence_end, trigger_start, trigger_end, source_start, target_start, confidence, "
            "merge_reason) VALUES (?,?,?,1,?,?,?,?,?,?,?,?)",
            (r["cluster"], r["event"], copy, moved(r["sentence_start"]), moved(r["sentence_end"]),
             moved(r["trigger_start"]), moved(r["trigger_end"]), moved(r["source_start"]),
             moved(r["target_start"]), r["confidence"],
             f"near-duplicate of article {orig_id} (similarity {similarity:.2f})"
             + ("" if shift is not None else "; sentence edited, offsets unknown")))
        touched.add(r["cluster"])
    return touched


def copies_of(conn: sqlite3.Connection, original: int) -> list[tuple[int, float]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT article, similarity FROM article_copies WHERE original = ? ORDER BY article",
        (original,))]


def refresh(conn: sqlite3.Connection, clusters: Iterable[int]) -> None:
    """Recompute the counts of these clusters; drop the empty ones; re-anchor a cluster whose
    first member was removed (its article replaced)."""
    for cluster in sorted(set(clusters)):
        anchor = conn.execute(
            "SELECT MIN(event) FROM event_mentions WHERE cluster = ? AND copy = 0",
            (cluster,)).fetchone()[0]
        if anchor is None:
            conn.execute("DELETE FROM event_clusters WHERE id = ?", (cluster,))
            continue
        conn.execute(
            "UPDATE event_clusters SET anchor = ?, "
            "num_mentions = (SELECT COUNT(*) FROM event_mentions WHERE cluster = ?), "
            "num_articles = (SELECT COUNT(DISTINCT article) FROM event_mentions WHERE cluster = ?), "
            "num_sources = (SELECT COUNT(DISTINCT dl_outlet(a.source, a.url, a.article_id)) "
            "  FROM event_mentions m JOIN articles a ON a.id = m.article WHERE m.cluster = ?) "
            "WHERE id = ?", (anchor, cluster, cluster, cluster, cluster))


def backfill(conn: sqlite3.Connection) -> None:
    """Fill the merge tables of a store written before they existed: signatures and band
    keys for every article, then every event assigned in storage order."""
    from dateline.records import Article
    from dateline.store import dedup

    register_functions(conn)
    for row in conn.execute("SELECT id, article_id, text, hidden FROM articles ORDER BY id").fetchall():
        art = Article(id=row["article_id"], text=row["text"],
                      hidden=tuple(tuple(h) for h in json.loads(row["hidden"])))  # type: ignore[misc]
        write_signature(conn, row["id"], dedup.signature(art))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    touched: set[int] = set()
    for (article,) in conn.execute("SELECT id FROM articles ORDER BY id").fetchall():
        touched |= assign_article(conn, article, now)
    refresh(conn, touched)


def write_signature(conn: sqlite3.Connection, article: int, sig: object) -> None:
    from dateline.store.dedup import Signature

    assert isinstance(sig, Signature)
    conn.execute("INSERT OR REPLACE INTO article_signatures (article, minhash, shingles) "
                 "VALUES (?, ?, ?)", (article, sig.to_blob(), sig.shingles))
    conn.executemany("INSERT OR IGNORE INTO article_bands (key, article) VALUES (?, ?)",
                     [(k, article) for k in sig.band_keys()])


def find_original(conn: sqlite3.Connection, sig: object, exclude_id: str) -> tuple[str, float] | None:
    """The stored original most similar to this signature (not the article ``exclude_id``
    itself), as (article id, similarity), when similar enough."""
    from dateline.store.dedup import Signature, best

    assert isinstance(sig, Signature)
    keys = sig.band_keys()
    rows = conn.execute(
        f"SELECT DISTINCT a.article_id, s.minhash, s.shingles FROM article_bands b "
        f"JOIN article_signatures s ON s.article = b.article JOIN articles a ON a.id = b.article "
        f"WHERE b.key IN ({','.join('?' * len(keys))}) AND a.article_id != ?",
        [*keys, exclude_id]).fetchall()
    match = best({r[0]: Signature.from_blob(r[1], r[2]) for r in rows}, sig)
    return (match.article_id, match.similarity) if match else None
