"""GDELT 2.0 Events (61 columns) and Mentions (16 columns) as tab-separated files.

Column order as documented in the GDELT 2.0 codebooks; no header row (as in GDELT's own
files) unless ``header=True``. One Events row per merged event: GLOBALEVENTID is the merged
event id, NumMentions/NumSources/NumArticles count its mentions across articles.

Left empty, never invented: AvgTone and MentionDocTone (no tone is computed); the actor
ethnic/religion codes; Actor1Geo/Actor2Geo (actors are not geolocated); the *Geo_CountryCode,
ADM1/ADM2 and FeatureID columns (GDELT uses FIPS 10-4 and GNS/GNIS identifiers, Dateline has
ISO 3166 and GeoNames: a wrong code is worse than none; the ISO code and the GeoNames id are in
the Parquet/JSON Lines exports); InRawText and the translation/extras columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dateline.store import queries
from dateline.store.merge import outlet
from dateline.store.queries import EventFilter
from dateline.store.store import Store

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
    "Extras",
)
# Actor codes whose first three letters are not a country but a transnational group.
_GROUP_PREFIXES = {"IGO", "NGO", "IMG", "MNC"}
_US_STATE_FEATURES = {"region", "admin1", "state"}


def quad_class(cameo: str) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4
    (the convention GDELT actually uses, checked on its data)."""
    try:
        root = int(cameo[:2])
    except ValueError:
        return None
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4 if root <= 20 else None


def _stamp(iso: str | None) -> str:
    """An ISO timestamp as YYYYMMDDHHMMSS (UTC)."""
    if not iso:
        return ""
    t = dt.datetime.fromisoformat(iso)
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
    return t.strftime("%Y%m%d%H%M%S")


def _fraction(day: dt.date) -> str:
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def _actor(code: str | None, name: str | None, country: str | None,
           sectors: list[str]) -> list[Any]:
    """Code, name, country (the actor base's alpha-3, which CAMEO shares for nearly every
    state), known group, ethnic, religion 1-2 (unknown), type codes 1-3 (sectors)."""
    code = code or ""
    group = code[3:6] if code[:3] in _GROUP_PREFIXES and len(code) >= 6 else ""
    types = [s for s in sectors if s][:3]
    return [code, (name or "").upper(), country or "", group, "", "", "",
            *(types + ["", "", ""])[:3]]


def _action_geo(r: dict[str, Any]) -> list[Any]:
    if r["place"] is None:
        return [""] * 8
    feature = r["place_feature"] or ""
    us = r["place_country"] == "US"
    kind = (1 if feature == "country" else
            (2 if us else 5) if feature in _US_STATE_FEATURES else
            (3 if us else 4) if r["place_lat"] is not None else "")
    return [kind, r["place"], "", "", "", r["place_lat"], r["place_lon"], ""]


def event_row(r: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 Events fields of one merged event (a ``list_clusters`` row)."""
    lo = dt.date.fromisoformat(r["date_lo"]) if r["date_lo"] else None
    hi = dt.date.fromisoformat(r["date_hi"]) if r["date_hi"] else lo
    # A month- or year-precision date fills only MonthYear / Year: no day is invented.
    day = lo if lo and lo == hi else None
    month = lo if lo and hi and (lo.year, lo.month) == (hi.year, hi.month) else None
    year = lo.year if lo and hi and lo.year == hi.year else ""
    cameo = r["cameo"] or ""
    return [
        r["id"],
        day.strftime("%Y%m%d") if day else "", month.strftime("%Y%m") if month else "",
        year, _fraction(day) if day else "",
        *_actor(r["source_code"], r["source"], r["source_country"], r["source_sectors"]),
        *_actor(r["target_code"], r["target"], r["target_country"], r["target_sectors"]),
        int(r["is_root"]), cameo, cameo[:3], cameo[:2], quad_class(cameo) or "",
        r["goldstein"] if r["goldstein"] is not None else "",
        r["num_mentions"], r["num_sources"], r["num_articles"], "",
        *[""] * 16,  # Actor1Geo_*, Actor2Geo_*: actors are not geolocated
        *_action_geo(r),
        _stamp(r["stored_at"]), r["url"] or "",
    ]


def mention_row(m: dict[str, Any]) -> list[Any]:
    """The 16 GDELT 2.0 Mentions fields of one mention (a ``queries.mentions`` row)."""
    def offset(v: int | None) -> int:
        return -1 if v is None else v

    return [
        m["cluster"], _stamp(m["event_added"]), _stamp(m["stored_at"]),
        1 if m["url"] else 2,  # 1 = WEB, 2 = CITATIONONLY (no URL known)
        outlet(m["outlet"], m["url"], m["article"]), m["url"] or m["article"],
        m["sentence_idx"] + 1 if m["sentence_idx"] is not None else "",
        offset(m["source_start"]), offset(m["target_start"]), offset(m["trigger_start"]),
        "", max(10, min(100, round(m["confidence"] * 100))), m["doc_len"], "", "", "",
    ]


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else str(value)
    # No quoting in GDELT files: a tab or newline inside a field would break the row.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[list[Any]], header: bool) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        if header:
            f.write("\t".join(columns) + "\n")
        for row in rows:
            assert len(row) == len(columns)
            f.write("\t".join(_field(v) for v in row) + "\n")
            n += 1
    return n


def write_events(store: Store, path: Path, flt: EventFilter, header: bool = False) -> int:
    return _write(path, EVENT_COLUMNS, (event_row(r) for r in queries.iter_clusters(store, flt)),
                  header)


def write_mentions(store: Store, path: Path, flt: EventFilter, header: bool = False) -> int:
    return _write(path, MENTION_COLUMNS, (mention_row(m) for m in queries.mentions(store, flt=flt)),
                  header)
