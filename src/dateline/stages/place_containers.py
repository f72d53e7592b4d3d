"""Where a local feature lies: the place that contains it (see ``place_local``).

In this order: the place named right after or before it ("X Street in New Orleans",
"Harare's Third Street"); for institutions a town or region inside its own name ("Boston
Medical Center"); the nearest town mentioned before it in the same paragraph (in an
earlier sentence only in the article's main country, and never a name the NER calls a
person); else the dateline place, else the town, region or country the article mentions
most (towns and regions of the main country first).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from dateline.knowledge.gazetteer import Gazetteer
from dateline.records import Place


@dataclass(frozen=True)
class Feature:
    """A local-feature name before it is placed."""

    start: int
    end: int
    text: str
    kind: str
    inner: bool
    key: str = ""  # features with one key share the first one's container (a name repeated)
    anchor: int = -1  # where a possessive container may end ("Cairo's suburb of X"), if not start


# what may stand between a feature and the place that contains it
_LINK_AFTER = re.compile(
    r"^(?:\s*,\s*(?:(?:in|at|near)\s+)?|\s+(?:in|at|near|outside|off|on|of)\s+)(?:the\s+)?"
    r"(?:(?:city|town|village|suburb|capital|state|province|county|district|area) of\s+)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)\s+)?$",
    re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside|around|of)\s+$", re.IGNORECASE)
_LINK_BEFORE = re.compile(r"^(?:'s|’s)\s+$")
_CONTAINERS = frozenset({"city", "admin2", "admin1", "region", "country", "landmark"})
_TOWNS = frozenset({"city", "admin2"})
_NEAR_CHARS = 1500
_BIG_TOWN = 50_000


class Focus:
    """The article's places, indexed for container look-ups."""

    def __init__(self, places: list[Place], text: str, persons: set[tuple[int, int]],
                 sent_starts: list[int]) -> None:
        self.text = text
        self.sent_starts = sent_starts
        usable = [p for p in places if p.lat is not None and p.feature in _CONTAINERS
                  and not (p.note or "").startswith(("demonym", "in a currency"))]
        self.usable = sorted(usable, key=lambda p: p.start)
        self.starts = [p.start for p in self.usable]
        # the country most of the article's places are in: a town elsewhere named in an
        # earlier sentence is more often a namesake ("the Norbury model" of a house)
        # (towns and regions only: a country named is often a namesake town's or the
        # subject of the story, not where it happens)
        # a name the NER calls a person ("Paul swings his mic stand") counts for nothing,
        # unless a preposition makes it a place ("near Exeter")
        named = [p for p in self.usable if (p.start, p.end) not in persons
                 or _PLACE_BEFORE.search(text, max(0, p.start - 12), p.start)]
        counts = Counter(p.country for p in named if p.country and p.feature != "country")
        top = counts.most_common(2)
        self.main = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        # a town found only inside another name ("Liverpool Academy") is no focus
        self.towns = [p for p in named if p.feature in _TOWNS
                      and not (p.note or "").startswith("inside")]
        self.town_starts = [p.start for p in self.towns]
        dl = [p for p in self.usable if (p.note or "").startswith("dateline")
              and p.feature in _TOWNS | {"admin1"}]
        self.dateline = dl[0] if dl else None
        self.best: dict[str, Place | None] = {}
        for group in ("town", "region", "country"):
            feats = {"town": _TOWNS, "region": {"admin1", "region"},
                     "country": {"country"}}[group]
            pl = [p for p in named if p.feature in feats and p.country]
            if any(p.country == self.main for p in pl):
                pl = [p for p in pl if p.country == self.main]
            counts = Counter(p.name for p in pl)
            first = {}
            for p in pl:
                first.setdefault(p.name, p)
            self.best[group] = (max(first.values(), key=lambda p: (counts[p.name], -p.start))
                                if first else None)

    def after(self, f: Feature) -> Place | None:
        i = bisect.bisect_left(self.starts, f.end)
        if i < len(self.usable):
            p = self.usable[i]
            gap = self.text[f.end:p.start]
            if len(gap) <= 40 and _LINK_AFTER.match(gap):
                return p
        return None

    def before(self, f: Feature) -> Place | None:
        i = bisect.bisect_left(self.starts, f.start) - 1
        if i >= 0:
            p = self.usable[i]
            if p.end <= f.start and _LINK_BEFORE.match(self.text[p.end:f.start]):
                return p
        return None

    def preceding_town(self, f: Feature, near: bool = True) -> Place | None:
        """The last town before ``f``: in its paragraph (``near``), or anywhere before."""
        i = bisect.bisect_left(self.town_starts, f.start) - 1
        k = bisect.bisect_right(self.sent_starts, f.start) - 1
        sent = self.sent_starts[k] if k >= 0 else 0
        while i >= 0:
            p = self.towns[i]
            gap = self.text[p.end:f.start]
            if near and (len(gap) > _NEAR_CHARS or "\n\n" in gap):
                return None
            if p.end <= f.start and (p.start >= sent or self.main in (None, p.country)):
                return p
            i -= 1
        return None


def _container(f: Feature, focus: Focus, inner: list[Place], big: set[int]
               ) -> tuple[Place, str, float] | None:
    p = focus.after(f) or focus.before(f if f.anchor < 0 else
                                          Feature(f.anchor, f.end, f.text, f.kind, f.inner))
    if p is not None:
        return p, f"the text places it in {p.name}", 0.6
    if f.inner:
        # a place in another country than the dateline's is a namesake ("the Liverpool
        # Academy" in a story from Cairo)
        home = focus.dateline.country if focus.dateline is not None else None
        named = [q for q in inner if q.feature in _CONTAINERS - {"country"}
                 and q.lat is not None and not (q.note or "").startswith("demonym")
                 and (home is None or q.country == home)
                 # a small town in a name is more often a person's name ("Kennedy
                 # Elementary School", "Franklin Elementary")
                 and (q.feature != "city" or id(q) in big or f.kind == "court")]
        # a place in the article's main country: "the Seoul Central District Court" is not
        # in an Israeli "Central District"
        named = [q for q in named if q.country == focus.main] or named
        if named:
            return named[-1], f"located at {named[-1].name}, the place in its name", 0.5
    p = focus.preceding_town(f)
    if p is not None:
        return p, f"located at {p.name}, the town the text last mentions", 0.4
    if focus.dateline is not None:
        return focus.dateline, f"located at the dateline place {focus.dateline.name}", 0.4
    p = focus.preceding_town(f, near=False)
    if p is not None:
        return p, f"located at {p.name}, the town the text last mentions", 0.3
    for group, conf in (("town", 0.3), ("region", 0.3), ("country", 0.2)):
        p = focus.best[group]
        if p is not None:
            return p, f"located at {p.name}, the {group} the article mentions most", conf
    return None


def _big_town(gaz: Gazetteer, p: Place) -> bool:
    return any(e.geonameid == p.geonameid and e.population >= _BIG_TOWN
               for e in gaz.lookup(p.name))


def container(gaz: Gazetteer, f: Feature, focus: Focus, inner: list[Place]
              ) -> tuple[Place, str, float] | None:
    """(container, why, confidence) of a feature; ``inner`` are the places inside its name."""
    return _container(f, focus, inner, {id(p) for p in inner if _big_town(gaz, p)})
