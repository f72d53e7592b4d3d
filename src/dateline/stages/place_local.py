"""Local features: streets, buildings, schools, churches, airports, parks, roads.

No gazetteer holds "Royal Street" or "the British Embassy", but the text says where they
are. A local feature is found by its name (a capitalised name ending or starting with a
place-type word from ``geo_local_types.tsv``: "Royal Street", "Stonewall Golf Club", "Lake
Manassas", "University of Lagos"; some type words also in lower case after the name:
"Bourbon and Dauphine streets", "at Seasons restaurant"; some only in a site phrase: "at
Barclays Center"), by the NER's FAC label, by a road number ("the A417", "I-95"), as an
organisation used as a site ("a meeting at the OAS in Washington"), or by a cue phrase
(``place_settlements``: "the village of X", "the 500 block of X"). It is emitted with
feature ``local`` and the point and country of its container (``place_containers``):

1. the place named right after or before it: "X Street in New Orleans", "the British
   Embassy in Kabul", "Donington Park, Leicestershire", "Harare's Third Street";
2. a town or region inside its own name, for institutions ("Boston Medical Center");
   never for streets and embassies, which are named after places elsewhere;
3. the nearest town mentioned before it in the same paragraph, else the dateline place,
   else the town, else the region, else the country the article mentions most.

With no container in the article, nothing is emitted. The note says where the point comes
from; the confidence is low (0.2-0.6): the point is the container's, not the feature's.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.knowledge import data_path
from dateline.knowledge.gazetteer import Gazetteer, fold
from dateline.records import Analysis, Place
from dateline.stages.place_containers import Feature, Focus, container
from dateline.stages.place_settlements import find_settlements


@dataclass(frozen=True)
class LocalType:
    kind: str
    inner: bool  # a place inside the name is where the feature is
    surname: bool  # the word is also a common surname
    lower: str = "no"  # "yes"/"site": may follow the name in lower case (anywhere/in a site)
    site: bool = False  # a place only in a site phrase ("at Barclays Center")


@dataclass(frozen=True)
class LocalTypes:
    heads: dict[tuple[str, ...], LocalType]
    leads: dict[str, LocalType]
    lower: frozenset[str]  # head words that may follow a name in lower case


@lru_cache(maxsize=1)
def local_types() -> LocalTypes:
    """The place-type words of ``geo_local_types.tsv``."""
    heads: dict[tuple[str, ...], LocalType] = {}
    leads: dict[str, LocalType] = {}
    header = True
    for line in data_path("geo_local_types.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        word, position, kind, inner, surname, lower, site = (line.split("\t") + [""] * 7)[:7]
        lt = LocalType(kind.strip(), inner.strip() == "yes", surname.strip() == "yes",
                       lower.strip() or "no", site.strip() == "yes")
        words = tuple(word.strip().split())
        if position in ("head", "both"):
            heads[words] = lt
        if position in ("lead", "both") and len(words) == 1:
            leads[words[0]] = lt
    lowers = frozenset(w[0] for w, lt in heads.items() if len(w) == 1 and lt.lower != "no")
    return LocalTypes(heads, leads, lowers)


_CONNECT = frozenset({"of", "the", "de", "des", "du", "la", "le", "del", "di", "da", "&", "and",
                      "'s", "’s", "-", "upon"})
_COMPASS = frozenset({"north", "south", "east", "west", "nw", "ne", "sw", "se"})
_SKIP_POS = frozenset({"ADP", "DET", "PRON", "AUX", "VERB", "ADV", "CCONJ", "SCONJ", "PART",
                       "INTJ", "PUNCT"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "president", "prime", "minister",
                         "gen", "general", "sen", "senator", "rep", "gov", "governor", "judge",
                         "king", "queen", "prince", "princess", "lord", "lady", "sir", "saint"})
_OF = frozenset({"of", "de", "des", "du"})
_PARTICLE_NAME = re.compile(r"(?:[dl]['’]|(?:al|el|ad|as|an|ar|ash)-)[^\W\d_a-z]")
# words that with a type word make a common noun, not a name ("Secondary School")
_GENERIC_PREFIX = frozenset({"secondary", "primary", "high", "middle", "elementary", "junior",
                             "senior", "public", "private", "local", "new", "old", "main",
                             "the", "a", "state", "city", "town", "supreme", "federal",
                             "district", "appeals", "circuit", "constitutional", "criminal",
                             "international", "magistrates", "crown", "superior",
                             "all-time", "record", "research", "week", "year", "month",
                             "decade", "time", "fresh"})
_WORSHIP = frozenset({"church", "mosque", "synagogue", "temple", "shrine"})
_NOT_LOCAL = frozenset({("real", "estate"), ("red", "crescent")})
_ROAD = re.compile(r"\b(?:(?P<uk>[AM]\d{1,4}(?:\(M\))?)|I-\d{1,3}|Interstate\s+\d{1,3}|"
                   r"(?:U\.?S\.?|State|County)\s+(?:Route|Highway)\s+\d{1,4}|"
                   r"(?:Route|Highway)\s+\d{1,4})\b")
_ROAD_CONTEXT = re.compile(
    r"\b(?:road|roads|motorway|carriageway|junction|roundabout|(?:north|south|east|west)bound|"
    r"traffic|lanes?|slip|closure|closed|diversion|bypass|dual|exit)\b", re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|on|near|from|to|into|outside|inside|along|across|off|toward|towards|via|"
    r"past|through|onto|around|opposite|behind|beside)\s+(?:the\s+)?$", re.IGNORECASE)
# a site phrase before a name: "at Barclays Center", "at Brooklyn's Barclays Center",
# "once a Methodist church"
_SITE_BEFORE = re.compile(
    r"(?:\b(?:at|in|inside|outside|into|from|to|near|opposite|behind|toward|towards)"
    r"\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}(?:'s|’s)\s+)?|\b(?:a|an)\s+)$",
    re.IGNORECASE)
_IN_TOWN_AFTER = re.compile(r",?\s+(?:in|at)\s+[A-Z]")
_BEFORE_DATE = re.compile(r",?\s+(?:on\s+)?")
_AT_BEFORE = re.compile(r"\b(?:at|inside|outside)\s+(?:the\s+)?$", re.IGNORECASE)
def _is_name(tok: Any) -> bool:
    # "MetroHealth", "McDonald", "Rue d’Enghien", "al-Tanf" are names too
    t = tok.text
    return tok.is_title or (t[:1].isupper() and len(t) > 1 and tok.is_alpha) or (
        ("-" in t or "'" in t or "’" in t) and _PARTICLE_NAME.match(t) is not None)


def _runs(tokens: list[Any], lower: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of capitalised names, with connectors inside ("University of Lagos",
    "Bambino Gesu Paediatric Hospital", "Harare's Third Street") and a lower-case head
    word from ``lower`` after them ("Bourbon and Dauphine streets"); one pass over the Doc."""
    out: list[tuple[int, int]] = []
    name = [_is_name(t) for t in tokens]
    n = len(tokens)
    i = 0
    while i < n:
        if not name[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if name[j] or (j + 1 < n and name[j + 1] and tokens[j].lower_ in _CONNECT
                           and "\n" not in tokens[j - 1].whitespace_):
                j += 1
                continue
            break
        if j < n and tokens[j].lower_ in lower and tokens[j].is_lower and (
                tokens[j].dep_ != "compound" and "\n" not in tokens[j - 1].whitespace_):
            j += 1
        if j - i >= 2:  # a feature name has a type word and a name word
            out.append((i, j))
        i = j
    return out


def _type_of(words: list[str], types: LocalTypes) -> tuple[int, int, LocalType] | None:
    """(first word, end word, type) of the feature name in a run of lower-cased words:
    a head type word at the end (a compass word may follow: "Eglinton Avenue West"), or a
    lead type word with a name after it."""
    end = len(words)
    if end >= 3 and words[-1] in _COMPASS:
        end -= 1
    for k in (3, 2, 1):
        if end - k < 1:
            continue
        lt = types.heads.get(tuple(words[end - k:end]))
        if lt is not None and (words[end - k - 1], words[end - k]) not in _NOT_LOCAL and not all(
                w in _GENERIC_PREFIX for w in words[:end - k]):
            return 0, len(words), lt
    for i, w in enumerate(words[:-1]):
        lt = types.leads.get(w)
        # "Lake Manassas", "Rue Royale"; further in only "... University of Technology"
        if lt is not None and (words[i + 1] in _OF or (i == 0 and words[1] not in _CONNECT)):
            return 0, len(words), lt
    return None


def _token_features(analysis: Analysis, types: LocalTypes,
                    places: list[Place]) -> list[Feature]:
    doc = analysis.doc
    text = analysis.article.text
    person_ends = {m.end for m in analysis.entities if m.label == "PERSON"}
    place_spans = {p.end: p.start for p in places if p.feature != "local"}
    # a known place or a people before a lower-case type word is a place of its own:
    # "a Gainesville hospital", "a Kurdish village"
    named = {(p.start, p.end) for p in places} | {
        (m.start, m.end) for m in analysis.entities if m.label == "GPE"}
    # "a Sunni area", but "a Methodist church": a building of a faith is a site
    peoples = {(m.start, m.end) for m in analysis.entities if m.label == "NORP"}
    out: list[Feature] = []
    short: list[tuple[str, Feature]] = []
    tokens = list(doc)
    for a, b in _runs(tokens, types.lower):
        toks = tokens[a:b]
        # leading function words ("Outside", "The") are not part of the name
        lo = 0
        while lo < len(toks) and (toks[lo].pos_ in _SKIP_POS or toks[lo].lower_ in _CONNECT):
            lo += 1
        # "Harare's Third Street": a place before a possessive is the container, not name
        for k in range(len(toks) - 1, lo, -1):
            if toks[k].lower_ in ("'s", "’s") and place_spans.get(
                    toks[k - 1].idx + len(toks[k - 1])) == toks[lo].idx and (
                    toks[lo].lower_.rstrip(".") not in ("st", "saint")):
                lo = k + 1  # (a saint is no container: "St. Peter's Basilica")
                break
        toks = toks[lo:]
        if len(toks) < 2 or toks[0].lower_ in _HONORIFICS:
            continue
        words = [t.lower_.rstrip(".") for t in toks]
        found = _type_of(words, types)
        for k in range(len(words) - 1, 1, -1):
            if found is not None:
                break
            if words[k] in _CONNECT:  # "Stonewall Golf Club and Lake Manassas"
                found = _type_of(words[:k], types)
                if found is not None:
                    toks, words = toks[:k], words[:k]
        town = place_spans.get(toks[-1].idx + len(toks[-1]), -1)
        if found is None and town > toks[0].idx:
            # "Robinson College Cambridge", "Trinity College Dublin": the town is its own
            k = next(k for k, t in enumerate(toks) if t.idx >= town)
            found = _type_of(words[:k], types) if k >= 2 else None
            if found is not None:  # ("British Embassy Tokyo" too)
                found = (0, len(words), dataclasses.replace(found[2], inner=True))
        if found is None:
            continue
        _, _, lt = found
        if "of" in words[:-1] and not any(
                w in types.leads for w in words[:words.index("of")]):
            # "Hugh Pennington of Aberdeen University": the name starts after "of"
            cut = len(words) - 1 - words[::-1].index("of")
            toks = toks[cut + 1:]
            if len(toks) < 2:
                continue
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        if lt.surname and e in person_ends:
            continue  # "Alice Park", "Shirley Temple", "Commissioner Joe Hall"
        lower_head = toks[-1].is_lower
        name_end = toks[-2].idx + len(toks[-2])
        if lower_head and (lt.lower == "no" or (s, name_end) in named
                           and not _IN_TOWN_AFTER.match(text, e)
                           or (s, name_end) in peoples and lt.kind not in _WORSHIP):
            continue  # (but "the Pioneer cinema in Dewsbury" is a cinema)
        if (lt.site or (lower_head and lt.lower == "site")) and not _SITE_BEFORE.search(
                text, max(0, s - 60), s):
            continue  # "the Catholic church said", "the Pew Research Center found"
        found_here = _split(toks, words, text, lt, types)
        if lower_head and len(found_here) == 1 and len(toks) >= 3:
            short.append((text[s:name_end], found_here[0]))
        else:
            out.extend(found_here)
    return out + _short_mentions(text, short)


def _short_mentions(text: str, short: list[tuple[str, Feature]]) -> list[Feature]:
    """The name of a feature with a lower-case type word stands for it alone too: "the Air
    Balloon roundabout ... from the Air Balloon to Cirencester" (names of two words or
    more: one word is too often something else)."""
    out: list[Feature] = []
    for name, f in short:
        key = f.text
        out.append(dataclasses.replace(f, key=key))
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if m.start() != f.start:
                out.append(Feature(m.start(), m.end(), name, f.kind, f.inner, key=key))
    return out


def _split(toks: list[Any], words: list[str], text: str, lt: LocalType,
           types: LocalTypes) -> list[Feature]:
    """One feature per name before a plural head ("Bourbon and Dauphine streets" names two
    streets) or per typed name ("Eglinton Avenue and Dubonet Drive")."""
    cuts = [k for k, w in enumerate(words) if w in ("and", "&")]
    if cuts and not (words[-1].endswith("s") and (words[-1][:-1],) in types.heads):
        for k in cuts:
            left = _type_of(words[:k], types) if k >= 2 else None
            if left is not None and len(words) - k > 2 and _type_of(words[k + 1:], types):
                s, e = toks[0].idx, toks[k - 1].idx + len(toks[k - 1])
                return [Feature(s, e, text[s:e], left[2].kind, left[2].inner)] + _split(
                    toks[k + 1:], words[k + 1:], text, lt, types)
        cuts = []
    if not cuts:
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return [Feature(s, e, text[s:e], lt.kind, lt.inner)]
    out: list[Feature] = []
    for lo, hi in zip([0] + [k + 1 for k in cuts], cuts + [len(toks)], strict=True):
        if hi > lo:
            s, e = toks[lo].idx, toks[hi - 1].idx + len(toks[hi - 1])
            out.append(Feature(s, e, text[s:e], lt.kind, lt.inner))
    return out


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int]:
    seg = text[start:end]
    m = re.match(r"(?:the|The|THE)\s+", seg)
    if m:
        start += m.end()
    seg = text[start:end]
    cut = seg.find(",")
    if cut > 0:
        end = start + cut
    seg = text[start:end]
    m = re.search(r"(?:'s|’s|')$", seg)
    if m:
        end -= len(m.group(0))
    while end > start and not text[end - 1].isalnum():
        end -= 1  # "Phum Kbal Krabei (": the NER took a bracket along
    return start, end


def _entity_features(analysis: Analysis) -> list[Feature]:
    """FAC entities ("Press Street", "the Marigny Canal", "Broadway"); organisations used as
    sites, when the text says where they are ("a meeting at the OAS in Washington")."""
    text = analysis.article.text
    dates = {m.start: m.end for m in analysis.entities if m.label in ("DATE", "TIME")}
    out: list[Feature] = []
    for m in analysis.entities:
        if m.label not in ("FAC", "ORG"):
            continue
        if re.match(r"(?:'s|’s)\b", text[m.end:m.end + 3]) or m.text.endswith(("'s", "’s")):
            continue  # "Scott Pruitt's policy": whose, a person or body
        s, e = _clean_entity(text, m.start, m.end)
        name = text[s:e]
        if e - s < 3 or not any(w[:1].isupper() for w in name.split()) or not any(
                ch.isalpha() for ch in name):
            continue
        # "at Whole Foods on Wednesday, Nov. 2, in Fresno": a date may come between
        d = _BEFORE_DATE.match(text, e)
        after = dates.get(d.end(), e) if d else e
        in_place = _IN_TOWN_AFTER.match(text, after) is not None
        if m.label == "FAC" and (in_place or _LOCATIVE_BEFORE.search(
                text, max(0, m.start - 12), m.start)):
            out.append(Feature(s, e, name, "facility", True))  # "on Broadway", "at Pearl Harbor"
        elif in_place and _AT_BEFORE.search(text, max(0, m.start - 12), m.start):
            out.append(Feature(s, e, name, "site", True))
    return out


def _road_features(analysis: Analysis) -> list[Feature]:
    """Road numbers: "I-95", "Route 9"; British "A417", "M4" only where the text is
    about roads (not "the A380" aircraft or an "M16" rifle)."""
    text = analysis.article.nlp_text
    out: list[Feature] = []
    uk: list[re.Match[str]] = []
    for m in _ROAD.finditer(text):
        if m.group("uk"):
            uk.append(m)
        else:
            out.append(Feature(m.start(), m.end(), m.group(0), "road", False))
    if uk and any(_ROAD_CONTEXT.search(text, max(0, m.start() - 150), m.end() + 150)
                  for m in uk):
        out.extend(Feature(m.start(), m.end(), m.group(0), "road", False) for m in uk)
    return out


def dateline_feature(text: str, start: int, end: int) -> Feature | None:
    """A dateline naming a local feature ("CAMP MURRAY, Wash. -")."""
    words = [w.rstrip(".").lower() for w in text[start:end].split()]
    found = _type_of(words, local_types()) if len(words) >= 2 else None
    if found is None:
        return None
    return Feature(start, end, text[start:end], found[2].kind, found[2].inner)


def add_local_features(analysis: Analysis, gaz: Gazetteer, places: list[Place],
                       extra: list[Feature] | None = None) -> list[Place]:
    """``places`` with the article's local features added; gazetteer places inside a
    feature's name ("Percy French Hotel", "St. Peter's Basilica") give way to it."""
    if analysis.doc is None:
        return places
    types = local_types()
    named = list(extra or ()) + _token_features(analysis, types, places) + \
        find_settlements(analysis, gaz, places)
    # names with a type word first ("Elkview Drive and Garnett Ridge Drive" are two streets
    # whatever the NER's span), then the longest; a feature crossing one taken before, or
    # inside a gazetteer place, is dropped
    named.sort(key=lambda f: (-(f.end - f.start), f.start))
    other = _entity_features(analysis) + _road_features(analysis)
    other.sort(key=lambda f: (-(f.end - f.start), f.start))
    feats = named + other
    chosen: list[Feature] = []
    for f in feats:
        if any(f.start < c.end and c.start < f.end for c in chosen):
            continue
        if any(p.start <= f.start and f.end <= p.end for p in places):
            continue  # "Ocean Park", a town the gazetteer knows
        if any(p.start < f.start < p.end or p.start < f.end < p.end for p in places):
            continue  # crosses a place name: the NER's span is more likely right
        if f.kind == "settlement" and any(f.start <= p.start and p.end <= f.end
                                          for p in places):
            continue  # "Sharon and Falls Village": towns the gazetteer knows
        chosen.append(f)
    if not chosen:
        return places
    inside = {id(p) for p in places for f in chosen if f.start <= p.start and p.end <= f.end}
    persons = {(m.start, m.end) for m in analysis.entities if m.label == "PERSON"}
    focus = Focus([p for p in places if id(p) not in inside], analysis.article.text,
                   persons, [s.start for s in analysis.sentences])
    swallowed: set[int] = set()
    out: list[Place] = []
    # a repeated name is where it was first, or where the places stage put it
    placed: dict[str, tuple[Place, str, float]] = {
        p.text: (p, f"located at {p.name}, as where the text names it before", 0.5)
        for p in reversed(places) if p.feature != "local" and p.lat is not None}
    results: list[tuple[Feature, list[Place], tuple[Place, str, float] | None]] = []
    for f in sorted(chosen, key=lambda f: f.start):
        inner = [p for p in places if f.start <= p.start and p.end <= f.end]
        found = placed.get(f.key) if f.key else None
        if found is None:
            found = container(gaz, f, focus, inner)
        if found is not None and f.key:
            placed.setdefault(f.key, found)
        results.append((f, inner, found))
    # a name met twice is one feature, where the text says best ("Centennial Park in
    # Sydney", then "Centennial Park" alone: not at a "Centennial" elsewhere)
    best: dict[str, tuple[Place, str, float]] = {}
    for f, _, found in results:
        if found is not None and not f.key and found[2] > best.get(f.text, (None, "", 0.0))[2]:
            best[f.text] = found
    for f, inner, found in results:
        found = found if f.key else best.get(f.text)
        if found is None:
            continue
        c, why, conf = found
        swallowed.update(id(p) for p in inner)
        admin1 = c.name if c.feature == "admin1" else c.admin1
        out.append(Place(start=f.start, end=f.end, text=f.text, name=f.text, geonameid=None,
                         lat=c.lat, lon=c.lon, country=c.country, admin1=admin1,
                         feature="local", confidence=conf,
                         note=f"local feature ({f.kind}): {why}"))
    return [p for p in places if id(p) not in swallowed] + out


def is_local_key(name: str) -> bool:
    """Whether a name reads as a local feature ("Royal Street"), for callers that only
    have a string."""
    words = fold(name).split()
    return len(words) >= 2 and _type_of(words, local_types()) is not None
