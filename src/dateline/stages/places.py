"""Places: every place-name mention (and the dateline) resolved to one gazetteer entry, and
``event_place``, which picks the place of an event.

Mentions are the NER's GPE and LOC entities and NORP demonyms ("Iranian", "European"), which
the gold sets count as toponyms; they are emitted with the note ``demonym``. A mention the gazetteer cannot place ("Daesh", tagged GPE
by the small model) is dropped. Choices worth knowing:

- metonymy: "Tehran said" is emitted as a place (the gold sets count it as a toponym) with a
  note saying the name stands for the government; the actors stage makes it an actor;
- vague regions: "northern Iraq" resolves to Iraq with a note, never to a town; "the
  northern parts of the country" gives a ``vague`` place with no point;
- the dateline ("TEHRAN –") is a place with its own offsets, resolved with the article's
  context; when the ingest step found none, a leading capitalised place line is accepted;
- names the NER missed come from the scans in ``place_scan`` (datelines inside the text,
  names inside other names, names labelled PERSON/ORG or not at all); a town such a scan
  finds with little evidence is kept only when it lands in a country the article already
  places something in;
- local features (streets, buildings, schools, roads: the NER's FAC and names with a
  place-type word) are placed at the town or region that contains them (``place_local``),
  with feature ``local`` and a note saying where the point comes from.

Event places are chosen in ``place_events`` (``event_place`` is re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold, load_gazetteer
from dateline.knowledge.geo_resolve import Context, Query, is_capital, resolve
from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Place
from dateline.stages.place_common import (
    Candidate,
    Landmark,
    find_landmarks,
    scan_hyphen_compounds,
    stopnames,
)
from dateline.stages.place_embedded import scan_embedded
from dateline.stages.place_events import event_place, span_root
from dateline.stages.place_local import Feature, add_local_features, dateline_feature
from dateline.stages.place_mentions import dateline_span, ner_mentions, unplaced_mentions
from dateline.stages.place_scan import (
    scan_datelines,
    scan_mislabelled,
    scan_names,
)

__all__ = ["PlaceStage", "event_place", "find_places"]

_VAGUE_PHRASE = re.compile(
    r"\b(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central)"
    r"(?:\s*(?:,|and)\s*(?:(?:north|south|east|west)(?:ern)?|central))*\s+"
    r"(?:parts?|areas?|regions?|provinces?)\s+of\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:country|nation)\b", re.IGNORECASE)
# verbs whose subject, when it is a country or capital, stands for its government
_ACTOR_VERBS = frozenset(
    ["say", "tell", "announce", "accuse", "warn", "urge", "call", "deny", "reject", "demand", "threaten", "condemn", "criticize", "criticise", "insist", "claim", "respond", "reply", "agree", "sign", "refuse", "vow", "pledge", "blame", "welcome", "approve", "impose", "send", "deploy", "launch", "strike", "attack", "order", "decide", "expel", "recall", "summon"])


class PlaceStage(Stage):
    name = "places"
    requires = ("doc", "entities")
    provides = ("places",)

    gazetteer: Gazetteer | None = None

    def setup(self) -> None:
        self.gazetteer = load_gazetteer(self.settings.gazetteer)

    def process(self, analysis: Analysis) -> Analysis:
        if self.gazetteer is None:
            self.setup()
        assert self.gazetteer is not None
        return analysis.with_(self.name, places=find_places(analysis, self.gazetteer))


_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "northeast",
                            "northwest", "southeast", "southwest", "north east", "north west",
                            "south east", "south west"})


def find_places(analysis: Analysis, gaz: Gazetteer) -> tuple[Place, ...]:
    if analysis.doc is not None:  # the scans' text of the Doc: Doc.text rebuilds it
        analysis.doc.user_data.setdefault("dateline_text", analysis.article.nlp_text)
    cands: list[Candidate] = []
    dateline = dateline_span(analysis, gaz)
    if dateline is not None:
        s, e, t, note = dateline
        cands.append(Candidate(s, e, t, Query(t, hint="city"), note))  # "WASHINGTON -": D.C.
    cands.extend(ner_mentions(analysis, gaz, dateline))
    taken = [(c.start, c.end) for c in cands]
    for c in scan_datelines(analysis, gaz, taken):
        cands.append(c)
        taken.append((c.start, c.end))
    for c in scan_embedded(analysis, gaz) + scan_mislabelled(analysis, gaz) + \
            scan_hyphen_compounds(analysis.article.nlp_text, gaz):
        if fold(c.text) in _COMPASS_WORDS:
            continue  # "Northeast Georgia": a part of the state, not Iceland's Northeast
        if not any(c.start < e and c.end > s for s, e in taken):
            cands.append(c)
            taken.append((c.start, c.end))
    cands.extend(scan_names(analysis, gaz, taken))

    ctx = Context()
    marks = find_landmarks(analysis.article.nlp_text)
    for _, _, lm in marks:  # "Windsor Castle", "the Kremlin" say which country the story is in
        ctx.actor_countries[lm.country] += 1
    for actor in analysis.actors:
        if actor.country:
            iso2 = _iso2(actor.country)
            if iso2:
                ctx.actor_countries[iso2] += len(actor.mentions) or 1
    for c in cands:
        c.query.embedded = (c.note or "").startswith("inside the name")
    results = resolve(gaz, [c.query for c in cands], ctx)
    if dateline is not None and results and results[0] is not None:
        ctx.dateline_country = results[0][0].country or None
        results = resolve(gaz, [c.query for c in cands], ctx)
    support = _supported_countries(cands, results, ctx)

    speakers = _speaking_towns(analysis, cands, results)
    places: list[Place] = []
    for c, res in zip(cands, results, strict=True):
        if res is None:
            continue
        entry, conf = res
        if c.weak and entry.country not in support:
            continue
        if entry.feature == "city" and fold(c.text) in speakers:
            continue
        note = c.note or entry.note
        if not note.startswith("dateline") and _metonymic(analysis, c.start, c.end, entry):
            note = "metonymy: the name stands for the government here (also an actor)"
        places.append(_place(gaz, entry, c.start, c.end, c.text, conf, note or None))
    places.extend(_repeated_names(analysis, places))
    extra: list[Feature] = unplaced_mentions(analysis, gaz, [(p.start, p.end) for p in places])
    if dateline is not None and results and results[0] is None:  # "CAMP MURRAY, Wash. -"
        f = dateline_feature(analysis.article.text, dateline[0], dateline[1])
        if f is not None:
            extra.append(f)
    # landmarks first: a local feature may lie in one ("St George's Chapel at Windsor Castle")
    places = _with_landmarks(analysis.doc, analysis.article.text, places, marks)
    places = add_local_features(analysis, gaz, places, extra)
    places.extend(_vague_places(analysis, places))
    places.sort(key=lambda p: (p.start, p.end))
    return tuple(places)


_LANDMARK_LOCATIVE = re.compile(
    r"\b(?:at|in|inside|outside|into|from|to|near|on|across|around|through|toward|towards|"
    r"visit|visited|visiting|left|leave|leaving|reached|entered)\s+(?:the\s+|\w+(?:'s|’s)\s+)?$",
    re.IGNORECASE)
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "npadvmod", "nmod"})


def _landmark_as_place(doc: Any, text: str, s: int, e: int, seat: bool) -> bool:
    """Whether a landmark is named as a place ("talks at the Kremlin", "run the White
    House", "a Broadway star"), not as the body it houses ("the White House said", "denied
    by the Kremlin"; for a seat of power also "White House aides", "the Kremlin's line")."""
    if _LANDMARK_LOCATIVE.search(text, max(0, s - 30), s):
        return True
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.dep_ in _AGENT_DEPS or (seat and root.dep_ in _MODIFIER_DEPS):
        return False
    head = root.head
    return not (root.dep_ == "pobj" and (
        head.lower_ == "by" or head.head.lower_ in ("behalf", "according")))


def _with_landmarks(doc: Any, text: str, places: list[Place],
                    marks: list[tuple[int, int, Landmark]]) -> list[Place]:
    """``places`` with the landmarks in the text, at their own point; a landmark replaces
    the places it overlaps ("Windsor" in "Windsor Castle", a local feature "Downing Street"
    put at the article's town), unless a longer name holds it ("Broadway Avenue")."""
    for s, e, lm in marks:
        if doc is not None and not _landmark_as_place(doc, text, s, e, lm.seat):
            continue
        if any(p.start <= s and e <= p.end and p.end - p.start > e - s for p in places):
            continue
        places = [p for p in places if not (p.start < e and s < p.end)]
        places.append(Place(start=s, end=e, text=text[s:e], name=lm.name, geonameid=None,
                            lat=lm.lat, lon=lm.lon, country=lm.country, admin1=None,
                            feature="landmark", confidence=0.8,
                            note="landmark: a well-known site or seat of power"))
    return places


def _supported_countries(cands: list[Candidate], results: list[tuple[GeoEntry, float] | None],
                         ctx: Context) -> set[str]:
    """Countries the article places something in with good evidence (an NER place, a
    dateline, a country or region name), or with two different weak names."""
    strong: set[str] = set()
    weak: dict[str, set[str]] = {}
    for c, res in zip(cands, results, strict=True):
        if res is None or not res[0].country:
            continue
        if c.weak:
            weak.setdefault(res[0].country, set()).add(c.text.casefold())
        else:
            strong.add(res[0].country)
    if ctx.dateline_country:
        strong.add(ctx.dateline_country)
    return strong | {cc for cc, names in weak.items() if len(names) >= 2}




def _iso2(code: str) -> str | None:
    try:
        from dateline.knowledge.countries import country_by_code
    except ImportError:  # pragma: no cover
        return None
    c = country_by_code(code)
    return c.iso2 if c is not None and c.iso2 else None


def _place(gaz: Gazetteer, e: GeoEntry, start: int, end: int, text: str, conf: float,
           note: str | None) -> Place:
    admin1 = gaz.admin1_name(e.country, e.admin1) if e.feature not in ("country", "admin1") \
        else None
    return Place(start=start, end=end, text=text, name=e.name, geonameid=e.geonameid,
                 lat=round(e.lat, 5), lon=round(e.lon, 5), country=e.country or None,
                 admin1=admin1, feature=e.feature, confidence=round(conf, 3), note=note)


_SPEECH = frozenset({"say", "tell", "add", "explain", "recall", "write", "ask", "describe"})
_SPEAKING_TOWN_MAX = 100_000


_CAP_WORD = re.compile(r"[A-Z][\w'’-]*")


def _repeated_names(analysis: Analysis, places: list[Place]) -> list[Place]:
    """Further mentions of a town or region the article already places, where the NER
    tagged them PERSON or nothing ("Douma is surrounded", "Douma's fall"): a name standing
    alone, not next to another capitalised word ("Douma Council", "Ali Douma")."""
    text = analysis.article.nlp_text
    seen: dict[str, Place] = {}
    # only names the NER itself tagged as places somewhere
    ner = {(m.start, m.end) for m in analysis.entities if m.label in ("GPE", "LOC")}
    for p in places:
        if p.feature in ("city", "admin2", "admin1") and not p.note and " " not in p.text \
                and p.text[:1].isupper() and not p.text.isupper() and any(
                    a <= p.start and p.end <= b for a, b in ner):
            seen.setdefault(p.text, p)
    if not seen:
        return []
    spans = sorted((p.start, p.end) for p in places)
    others = [(m.start, m.end, m.label) for m in analysis.entities if m.label not in ("GPE", "LOC")]
    stops = stopnames()
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in seen) + r")(?![\w-])")
    found: list[tuple[int, int, str]] = []
    bad: set[str] = set()  # a surname somewhere ("Kobe Bryant"), a brand, an ordinary word
    for m in pattern.finditer(text):
        s, e, name = m.start(), m.end(), m.group(0)
        before = text[max(0, s - 30):s].rstrip(" ")
        prev = before.split()[-1] if before.split() else ""
        if fold(name) in stops or (text[s - 1:s] == " " and _CAP_WORD.fullmatch(prev)
                                   and not before.endswith((".", "\n"))):
            bad.add(name)
        if any(a < e and s < b for a, b in spans):
            continue
        if any(a <= s and e <= b and lab in ("ORG", "PRODUCT") for a, b, lab in others):
            bad.add(name)  # a company or brand somewhere in the article ("Zara")
        if any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in others):
            continue  # part of a longer name
        if text[e:e + 1] == " " and _CAP_WORD.match(text, e + 1):
            continue
        found.append((s, e, name))
    out: list[Place] = []
    for s, e, name in found:
        if name in bad:
            continue
        p = seen[name]
        out.append(replace(p, start=s, end=e, text=name, confidence=p.confidence * 0.8,
                           note="same name as a place the article names elsewhere"))
    return out


def _speaking_towns(analysis: Analysis, cands: list[Candidate],
                    results: list[tuple[GeoEntry, float] | None]) -> set[str]:
    """Folded names of small towns that speak ("said Noma", "according to Davis"): a
    person's name the gazetteer also knows; every mention of it in the article is dropped.
    Capitals and big cities may speak for their government ("Tehran said")."""
    out: set[str] = set()
    for c, res in zip(cands, results, strict=True):
        if res is None or res[0].feature != "city" or res[0].population >= _SPEAKING_TOWN_MAX:
            continue
        if c.note.startswith("dateline") or " " in c.text.strip() or is_capital(res[0]):
            continue
        root = span_root(analysis.doc, c.start, c.end)
        if root is None:
            continue
        head = root.head
        if (root.dep_ == "nsubj" and head.lemma_.lower() in _SPEECH) or (
                root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"):
            out.add(fold(c.text))
    return out


def _metonymic(analysis: Analysis, start: int, end: int, entry: GeoEntry) -> bool:
    if entry.feature not in ("country", "city"):
        return False
    root = span_root(analysis.doc, start, end)
    return (root is not None and root.dep_ in ("nsubj", "nsubjpass")
            and root.head.lemma_.lower() in _ACTOR_VERBS)


def _vague_places(analysis: Analysis, places: list[Place]) -> list[Place]:
    """ "the northern and western parts of the country": no point, the country it is in."""
    out = []
    for m in _VAGUE_PHRASE.finditer(analysis.article.nlp_text):
        before = [p for p in places if p.end <= m.start() and p.feature == "country"
                  and m.start() - p.end < 400]
        country = before[-1].country if before else None
        out.append(Place(start=m.start(), end=m.end(), text=m.group(0), name=m.group(0),
                         geonameid=None, lat=None, lon=None, country=country, feature="vague",
                         confidence=0.5,
                         note="vague region, no point" + (f"; in {country}" if country else "")))
    return out


