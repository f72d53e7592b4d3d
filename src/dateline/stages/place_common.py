"""Helpers shared by the place modules: abbreviations, qualifiers, the stop-name list and
the candidate tuple that mention finders hand to ``places.find_places``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from dateline.knowledge import data_path
from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold
from dateline.knowledge.geo_resolve import Query, is_inside, prior

_ABBREV_DOTS = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s?)+")


class Candidate(NamedTuple):
    """A place-name mention before resolution."""

    start: int
    end: int
    text: str
    query: Query
    note: str = ""
    # found by a scan with little evidence: kept only when it lands in a country the
    # article is already about (see ``places.find_places``)
    weak: bool = False


def best_entry(gaz: Gazetteer, name: str, features: tuple[str, ...]) -> GeoEntry | None:
    cands = [c for c in gaz.lookup(name) if c.feature in features]
    # equal priors ("Florida": the US state, a Puerto Rican municipality): the bigger one
    return max(cands, key=lambda c: (prior(c, fold(name)), c.population)) if cands else None


def is_abbrev(t: str) -> bool:
    bare = t.replace(".", "").replace(" ", "")
    return (1 < len(bare) <= 5 and bare.isupper()) or bool(_ABBREV_DOTS.fullmatch(t))


def abbrev_entry(gaz: Gazetteer, t: str) -> GeoEntry | None:
    """ "W.Va.", "NSW", "EU" from the abbreviation table; "U.S.", "UK", "UAE" as countries."""
    hit = gaz.lookup_abbrev(t)
    if hit is None:
        try:
            from dateline.knowledge.countries import lookup_country
        except ImportError:  # pragma: no cover
            return None
        c = lookup_country(t)
        hit = gaz.country(c.iso2) if c is not None and c.iso2 else None
    return hit


def qualifier_entry(gaz: Gazetteer, t: str, head: str | None = None) -> GeoEntry | None:
    """The region or country in "Paris, Texas", "Gainesville, Ga.", "Hilla, Iraq"; with
    ``head`` (the qualified name), one that holds a place of that name ("Savannah,
    Georgia": the US state, not the country)."""
    t = t.strip().rstrip(",")
    if is_abbrev(t):  # "Ga.", "UK"; "D.C." names the city itself
        hit = abbrev_entry(gaz, t)
        return hit if hit is not None and hit.feature in ("admin1", "country", "city") else None
    best = best_entry(gaz, t, ("admin1", "country", "admin2"))
    if best is None or head is None:
        return best
    towns = gaz.lookup(head)
    if any(is_inside(c, best) for c in towns):
        return best
    fitting = [c for c in gaz.lookup(t) if c.feature in ("admin1", "country", "admin2")
               and any(is_inside(town, c) for town in towns)]
    return max(fitting, key=lambda c: (prior(c, fold(t)), c.population)) if fitting else best


_STATE_BODY = re.compile(r"\s+(?:National Guard|State University|State Police|State Patrol|"
                         r"Highway Patrol|General Assembly|State Legislature|State Senate|"
                         r"Legislature)\b")


def state_body_after(text: str, end: int) -> bool:
    """ "the Georgia National Guard", "Ohio State University": the name before is a US
    state (each state has its own guard, legislature, state university and patrol)."""
    return _STATE_BODY.match(text, end, end + 24) is not None


@lru_cache(maxsize=1)
def stopnames() -> dict[str, str]:
    """Folded place names that are also ordinary words or given names -> their kind
    (``geo_stopnames.tsv``)."""
    out: dict[str, str] = {}
    path = data_path("geo_stopnames.tsv")
    if not path.exists():
        return out
    header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        name, _, kind = line.partition("\t")
        out[fold(name)] = kind.strip() or "word"
    return out


class Landmark(NamedTuple):
    name: str
    lat: float
    lon: float
    country: str
    seat: bool  # a seat of power: its name also stands for the body in it


@lru_cache(maxsize=1)
def landmarks() -> tuple[re.Pattern[str] | None, dict[str, Landmark]]:
    """Famous sites and seats of power named without a place-type word ("the Kremlin",
    "Downing Street", ``geo_landmarks.tsv``): one case-sensitive regex over all their
    names, and each written name -> its landmark."""
    by_name: dict[str, Landmark] = {}
    path = data_path("geo_landmarks.tsv")
    header = True
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        name, aliases, lat, lon, country, kind = (line.split("\t") + [""] * 6)[:6]
        lm = Landmark(name.strip(), float(lat), float(lon), country.strip().upper(),
                      kind.strip() == "seat")
        for n in [name, *aliases.split("|")]:
            if n.strip():
                by_name[n.strip()] = lm
    if not by_name:
        return None, by_name
    alts = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    # not part of a longer capitalised name ("Pentagon Papers" still matches: the
    # building is named in it; "Greater Kremlin Palace" does not start a match mid-name)
    return re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])"), by_name


def find_landmarks(text: str) -> list[tuple[int, int, Landmark]]:
    """(start, end, landmark) of every landmark name in ``text``."""
    pattern, by_name = landmarks()
    if pattern is None:
        return []
    return [(m.start(), m.end(), by_name[m.group(0)]) for m in pattern.finditer(text)]


# "the U.S.-led coalition", "a Kent-based team", "Iran-backed militias": a place before a
# hyphen and a participle the NER leaves out of every entity
_HYPHEN_COMPOUND = re.compile(
    r"(?<![\w.-])((?:[A-Z][a-z]+|[A-Z](?:\.[A-Z])+\.?|[A-Z]{2,3})"
    r"(?: [A-Z][a-z]+)?)-(?:led|based|backed|born|run|owned|made|funded|brokered|"
    r"sponsored|bound|built|allied|controlled|held|headquartered)\b")


def scan_hyphen_compounds(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Places in "U.S.-led", "Kent-based", "Iran-backed"."""
    out: list[Candidate] = []
    for m in _HYPHEN_COMPOUND.finditer(text):
        name = m.group(1)
        if is_abbrev(name):
            hit = abbrev_entry(gaz, name)
            if hit is not None:
                out.append(Candidate(m.start(1), m.end(1), name, Query(name, fixed=hit)))
        elif gaz.has(name) and stopnames().get(fold(name), "person") == "person":
            # a given name is no place elsewhere, but nobody is "Kent-based"
            out.append(Candidate(m.start(1), m.end(1), name, Query(name)))
    return out
