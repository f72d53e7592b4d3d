"""PLOVER JSON Lines: one record per merged event, with the field names of the PLOVER
manual's "Data Fields" chapter (id, date, actor, recipient, event, mode, context, quad_code,
event_loc, event_text, text_info, cite_info, coder, coded_date) plus provider fields
(``num_mentions``, ``num_sources``, ``num_articles``, ``cameo``, ``goldstein``).

Merged events without a PLOVER type are not written (``event`` is required). The article
text is not copied into ``text`` (the manual asks for it only when one holds the rights).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateline import __version__
from dateline.store import queries
from dateline.store.queries import EventFilter
from dateline.store.store import Store

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
        "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
        "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
# CAMEO media (MED) is PLOVER's JRN; CAMEO health (HLH) is PLOVER's MED.
_SECTOR = {"MED": "JRN", "HLH": "MED"}


@lru_cache(maxsize=512)
def _alpha3(alpha2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2)
    return found.alpha_3 if found else None


def _entity(code: str | None, country: str | None, sectors: list[str], name: str | None
            ) -> dict[str, Any]:
    entity: dict[str, Any] = {}
    top = country or (code[:3] if code and len(code) >= 3 else None)
    if top:
        entity["code"] = top
    if sectors:
        entity["sector"] = _SECTOR.get(sectors[0], sectors[0])
    if name:
        entity["entity_text"] = name
    return entity


def record(r: dict[str, Any]) -> dict[str, Any] | None:
    """The PLOVER record of one merged event (a ``list_clusters`` row), or None without a
    PLOVER type."""
    if not r["plover_type"]:
        return None
    rec: dict[str, Any] = {
        "id": f"dateline-{r['id']}",
        "has_event": True,
        "date": r["date_lo"],
    }
    if r["date_hi"] and r["date_hi"] != r["date_lo"]:
        rec["enddate"] = r["date_hi"]
    rec["actor"] = [_entity(r["source_code"], r["source_country"], r["source_sectors"],
                            r["source"])] if r["source"] else []
    if r["target"]:
        rec["recipient"] = [_entity(r["target_code"], r["target_country"], r["target_sectors"],
                                    r["target"])]
    rec["event"] = [r["plover_type"]]
    if r["plover_mode"]:
        rec["mode"] = [r["plover_mode"]]
    if r["plover_context"]:
        rec["context"] = [r["plover_context"]]
    rec["quad_code"] = QUAD.get(r["plover_type"])
    if r["place"]:
        loc = {"extracted_place": r["place"], "resolved_place": r["place"],
               "geonameid": r["place_geonameid"], "lat": r["place_lat"], "lon": r["place_lon"]}
        if r["place_country"]:
            loc["country_code"] = _alpha3(r["place_country"])
        rec["event_loc"] = {k: v for k, v in loc.items() if v is not None}
    rec["event_text"] = [r["trigger"]]
    rec["cite_info"] = {k: v for k, v in {"url": r["url"], "publication": r["outlet"],
                                          "coder": "dateline", "version": __version__}.items() if v}
    rec["coder"] = f"dateline {__version__}"
    rec["coded_date"] = (r["stored_at"] or "")[:10] or None
    rec.update(num_mentions=r["num_mentions"], num_sources=r["num_sources"],
               num_articles=r["num_articles"], cameo=r["cameo"], goldstein=r["goldstein"])
    return rec


def write(store: Store, path: Path, flt: EventFilter) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in queries.iter_clusters(store, flt):
            rec = record(r)
            if rec is not None:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n
