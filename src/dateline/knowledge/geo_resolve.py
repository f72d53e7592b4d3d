"""Toponym resolution: each place mention of an article to one gazetteer entry.

Scores combine what the name alone says (feature type: country > first-level region >
city by population; capitals; the entry's own name rather than an alternate one) with what
the article says (the countries and regions of its other places, its dateline and its
actors' countries, a qualifier as in "Paris, Texas", a generic word as in "Nineveh
province"). All mentions with the same name in one article get the same entry ("one sense
per discourse"), resolved in two passes: the second sees the first's choices as context.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold, haversine_km

# a country name almost never means a town of that name ("China, Maine"): countries start
# above what a town can gather from context
_BASE = {"country": 3.8, "continent": 3.6, "admin1": 2.2, "region": 2.4, "natural": 2.0,
         "admin2": 1.4}


_AREA_FEATURES = frozenset({"country", "admin1", "continent", "region", "natural"})


@dataclass
class Query:
    """One name to resolve, with what the text around it says."""

    key: str  # the name as looked up ("Paris")
    qualifier: GeoEntry | None = None  # "Paris, Texas": the Texas entry
    hint: str | None = None  # "admin1" for "Nineveh province", "city" for "the city of Mosul"
    candidates: list[GeoEntry] = field(default_factory=list)
    fixed: GeoEntry | None = None  # already decided (an abbreviation, a demonym)
    embedded: bool = False  # inside an organisation's name ("Aberdeen Asset Management")


@dataclass
class Context:
    """What the rest of the article says about where it is."""

    dateline_country: str | None = None
    actor_countries: Counter = field(default_factory=Counter)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(folded capital name, ISO2) of sovereign states, from countries.tsv."""
    try:
        from dateline.knowledge.countries import all_countries
    except ImportError:  # pragma: no cover
        return frozenset()
    return frozenset((fold(cap), c.iso2) for c in all_countries() if c.sovereign and c.iso2
                     for cap in c.capitals)


def is_capital(entry: GeoEntry) -> bool:
    """Whether an entry is the capital of a sovereign state."""
    return (fold(entry.name), entry.country) in _capitals()


def _inside(entry: GeoEntry, container: GeoEntry) -> bool:
    if container.feature == "country":
        return entry.country == container.country and entry.id != container.id
    if container.feature == "admin1":
        return (entry.country == container.country and entry.admin1 == container.admin1
                and entry.id != container.id)
    if container.feature == "admin2" and container.country:  # counties carry no code
        return (entry.country == container.country and entry.id != container.id
                and haversine_km(entry.lat, entry.lon, container.lat, container.lon) < 80)
    if container.feature == "region" and container.country:
        return (entry.country == container.country and entry.id != container.id
                and haversine_km(entry.lat, entry.lon, container.lat, container.lon) < 300)
    return False


def is_inside(entry: GeoEntry, container: GeoEntry) -> bool:
    """Whether ``entry`` lies in ``container`` (a country, region or county)."""
    return _inside(entry, container)


_ABBREVIATED = (("st ", "saint "), ("ste ", "sainte "), ("mt ", "mount "), ("ft ", "fort "),
                ("pt ", "point "))


def same_name(name: str, key: str) -> bool:
    """Whether an entry's own name is the folded name looked up, reading "St." as "Saint"
    ("St. Paul" is Saint Paul, Minnesota, not only a town spelt "St. Paul" in Alberta)."""
    name = fold(name)
    if name == key:
        return True
    for short, full in _ABBREVIATED:
        if key.startswith(short):
            return name == full + key[len(short):]
        if name.startswith(short):
            return full + name[len(short):] == key
    return False


def prior(entry: GeoEntry, key: str) -> float:
    """The score of an entry for a name, before any context."""
    if entry.feature == "city":
        score = 2.0 * math.log10(entry.population + 1) / 7.0
        if (fold(entry.name), entry.country) in _capitals() or (key, entry.country) in _capitals():
            score += 0.8
    else:
        score = _BASE.get(entry.feature, 1.5)
    if same_name(entry.name, key):
        score += 0.4
    elif entry.feature == "city" and fold(entry.name) != key + " city":
        # alternate names of towns are often historic ("Liverpool", Indiana; "Salisbury"
        # for Harare); "New York" for New York City is the name in use
        score -= 0.4
    return score


def candidates_for(gaz: Gazetteer, query: Query) -> list[GeoEntry]:
    if query.fixed is not None:
        return [query.fixed]
    cands = gaz.lookup(query.key)
    key = fold(query.key)
    if any(c.feature == "city" and c.population >= 1000 and same_name(c.name, key) for c in cands):
        # a town of this very name exists: drop towns that only have it as an old or
        # foreign alternate name ("Franklin" is not Columbus), unless they are world cities
        cands = [c for c in cands if c.feature != "city" or same_name(c.name, key)
                 or c.population >= 1_000_000]
    if query.qualifier is None and any(
            c.feature in ("country", "continent", "region") and fold(c.name) == key
            for c in cands):
        # "Middle East", "Georgia": the country or region, not a small town of its name
        cands = [c for c in cands if c.feature != "city" or c.population >= 100_000]
    if query.qualifier is not None and any(c.id == query.qualifier.id for c in cands):
        return [query.qualifier]  # "Washington, D.C.": the qualifier names the place itself
    if query.qualifier is not None:
        inside = [c for c in cands if _inside(c, query.qualifier)]
        if inside:
            cands = inside
        elif query.qualifier.feature in ("admin1", "admin2") and not any(
                c.feature in _AREA_FEATURES for c in cands):
            # "Rockingham, Northamptonshire" with no such town in the gazetteer: the
            # county is nearer the truth than any other Rockingham
            cands = [query.qualifier]
    return cands


def _score(entry: GeoEntry, query: Query, ctx: Context, chosen: list[GeoEntry],
           countries: Counter, total: int, neighbours: dict[str, tuple[str, ...]]) -> float:
    key = fold(query.key)
    s = prior(entry, key)
    if query.hint == entry.feature or (query.hint == "region"
                                       and entry.feature in ("admin1", "region")):
        s += 2.0
    elif query.hint == "admin1" and entry.feature == "city":
        s -= 1.0
    if entry.feature == "admin1" and query.hint != "admin1":
        s -= _city_named_over(entry, query, key)
    # country-wide context moves a name between towns of a size, not from a world city
    # to a village: "London" in a US story is still London unless Kentucky is named
    w = 0.25 if _dwarfed(entry, query) else 1.0
    if entry.country:
        if total:
            s += w * 2.0 * countries[entry.country] / total
            near = sum(countries[n] for n in neighbours.get(entry.country, ()))
            s += w * 0.6 * near / total
        if entry.country == ctx.dateline_country:
            s += w * 0.8
        if ctx.actor_countries.get(entry.country):
            s += w * 0.4
    if entry.feature == "admin1" and any(o.feature == "admin1" and o.country == entry.country
                                         and o.id != entry.id for o in chosen):
        # "Georgia and Florida": states come with states; less so for a state named after
        # its own big city ("Miami, New York and Detroit")
        s += 0.5 if query.hint != "admin1" and _city_named_over(entry, query, key) >= 1.2 else 1.0
    if entry.feature == "admin1" and any(
            o.feature in ("city", "admin2") and o.id != entry.id and _inside(o, entry)
            for o in chosen):
        # "Northeast Georgia ... Clarke County ... Athens": the state that holds the
        # article's counties and towns, not the country of the same name
        s += 1.2
    if entry.feature in ("city", "admin2", "region", "natural"):
        w = 0.5 if w < 1.0 else 1.0
        for other in chosen:
            if other.id == entry.id or other.feature in ("country", "continent"):
                continue
            if other.feature == "admin1" and _inside(entry, other):
                s += w * 1.2
                break
            if other.feature in ("city", "admin2") and entry.admin1 and (
                    other.country, other.admin1) == (entry.country, entry.admin1):
                s += w * 0.6
                break
            if haversine_km(entry.lat, entry.lon, other.lat, other.lon) < 250:
                s += w * 0.6
                break
    return s


def _city_named_over(entry: GeoEntry, query: Query, key: str) -> float:
    """How much less often news means a first-level region than a city of the same name:
    the city inside it ("Tehran", "New York": the region's population is not ten times the
    city's), or, less so, the country's capital ("Washington": D.C., unless other states
    are named alongside)."""
    penalty = 0.0
    for other in query.candidates:
        if other.feature != "city" or other.country != entry.country:
            continue
        if (other.admin1 == entry.admin1 and other.population * 10 > entry.population
                and (fold(other.name) in (key, fold(entry.name)) or other.population >= 1_000_000)):
            return 1.2
        if (key, other.country) in _capitals() or (fold(other.name), other.country) in _capitals():
            penalty = 0.6
    return penalty


def _dwarfed(entry: GeoEntry, query: Query) -> bool:
    """A town whose name is also that of a far bigger city (a capital, or a city of half a
    million or more): country-wide and nearby context cannot carry it alone. Organisations
    are named after the well-known namesake ("Aberdeen Asset Management", "Cambridge
    Analytica"), so inside a name a city five times bigger already dwarfs a town."""
    if entry.feature != "city":
        return False
    size = max(entry.population, 1)
    for o in query.candidates:
        if o.feature != "city" or o.id == entry.id:
            continue
        if query.embedded and o.population >= 100_000 and o.population >= 5 * size:
            return True
        if o.population >= 500_000 and o.population >= 30 * size:
            return True
        if o.population >= 10 * size and (fold(o.name), o.country) in _capitals():
            return True
    return False


def resolve(gaz: Gazetteer, queries: list[Query], ctx: Context) -> list[tuple[GeoEntry, float]
                                                                          | None]:
    """The chosen entry and a confidence (0-1) for each query, or None when nothing fits."""
    # a name qualified once ("Parkland, Florida") keeps its region in later bare mentions
    qualified = {fold(q.key): q.qualifier for q in queries
                 if q.qualifier is not None and q.qualifier.feature in ("admin1", "country")}
    for q in queries:
        if q.qualifier is None and q.fixed is None and fold(q.key) in qualified:
            q.qualifier = qualified[fold(q.key)]  # "Parkland, Florida" ... "Parkland students"
        q.candidates = candidates_for(gaz, q)
    groups: dict[tuple[str, int | None], list[int]] = {}
    for n, q in enumerate(queries):
        gkey = (fold(q.key), q.qualifier.id if q.qualifier else None)
        groups.setdefault(gkey, []).append(n)

    # pass 1: context from each name's best candidate before context
    choice: dict[tuple[str, int | None], GeoEntry] = {}
    for gkey, members in groups.items():
        cands = queries[members[0]].candidates
        if cands:
            choice[gkey] = max(cands, key=lambda c: prior(c, gkey[0]))

    result: list[tuple[GeoEntry, float] | None] = [None] * len(queries)
    for _pass in range(2):
        new_choice: dict[tuple[str, int | None], tuple[GeoEntry, float]] = {}
        for gkey, members in groups.items():
            q = queries[members[0]]
            if not q.candidates:
                continue
            # the prominence rule for names inside names holds only if every mention is one
            q.embedded = all(queries[n].embedded for n in members)
            others = [e for k, e in choice.items() if k != gkey]
            countries: Counter = Counter()
            for k, e in choice.items():
                if k != gkey and e.country:
                    countries[e.country] += len(groups[k])
            if ctx.dateline_country:
                countries[ctx.dateline_country] += 1
            total = sum(countries.values())
            scored = sorted(((_score(c, q, ctx, others, countries, total, gaz.cols.neighbours), c)
                             for c in q.candidates), key=lambda x: -x[0])
            best_s, best = scored[0]
            margin = best_s - scored[1][0] if len(scored) > 1 else 3.0
            new_choice[gkey] = (best, 1.0 / (1.0 + math.exp(-2.0 * margin)))
        choice = {k: v[0] for k, v in new_choice.items()}
        for gkey, (entry, conf) in new_choice.items():
            for n in groups[gkey]:
                result[n] = (entry, conf)
    return result
