"""Places: every place-name mention (and the dateline) resolved to one gazetteer entry, and
``event_place``, which picks the place of an event.

Mentions are the NER's GPE and LOC entities (FAC is left out: it is mostly buildings and
roads, which the gazetteer does not hold). Demonyms ("Iranian") are actor mentions, not
places, and are not emitted here. A mention the gazetteer cannot place ("Daesh", tagged GPE
by the small model) is dropped. Choices worth knowing:

- metonymy: "Tehran said" is emitted as a place (the gold sets count it as a toponym) with a
  note saying the name stands for the government; the actors stage makes it an actor;
- vague regions: "northern Iraq" resolves to Iraq with a note, never to a town; "the
  northern parts of the country" gives a ``vague`` place with no point;
- the dateline ("TEHRAN –") is a place with its own offsets, resolved with the article's
  context; when the ingest step found none, a leading capitalised place line is accepted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold, load_gazetteer
from dateline.knowledge.geo_resolve import Context, Query, prior, resolve
from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Event, EventPlace, Place

_LEAD_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DIRECTION = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|"
    r"upper|lower|greater|mid|inner|outer|rural|coastal)\s+", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)\s+$",
    re.IGNORECASE)
_GENERIC = re.compile(
    r"\s+(province|governorate|state|region|district|county|prefecture|oblast|city|town|village)$",
    re.IGNORECASE)
_GENERIC_HINT = {"province": "admin1", "governorate": "admin1", "state": "admin1",
                 "oblast": "admin1", "prefecture": "admin1", "region": "region",
                 "city": "city", "town": "city", "village": "city", "county": "admin2",
                 "district": "admin2"}
_CITY_OF = re.compile(r"\b(?:city|town|village|capital|port|province|region)\s+of\s+$", re.IGNORECASE)
_VAGUE_PHRASE = re.compile(
    r"\b(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central)"
    r"(?:\s*(?:,|and)\s*(?:(?:north|south|east|west)(?:ern)?|central))*\s+"
    r"(?:parts?|areas?|regions?|provinces?)\s+of\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:country|nation)\b", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*([A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3})\s*(?:,[^\n–—]{1,30})?"
                       r"\s*(?:\([^)]{1,30}\)\s*)?(?:–|—|--|-)\s")
# verbs whose subject, when it is a country or capital, stands for its government
_ACTOR_VERBS = frozenset(
    ["say", "tell", "announce", "accuse", "warn", "urge", "call", "deny", "reject", "demand", "threaten", "condemn", "criticize", "criticise", "insist", "claim", "respond", "reply", "agree", "sign", "refuse", "vow", "pledge", "blame", "welcome", "approve", "impose", "send", "deploy", "launch", "strike", "attack", "order", "decide", "expel", "recall", "summon"])
_LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "into", "on", "from", "to", "toward", "towards", "over", "along", "off"])
_STRONG_PREPS = frozenset(["in", "at", "near", "outside", "inside", "within", "throughout", "across", "around"])
_STATEMENT_ROOTS = frozenset({"01", "02", "03", "04", "05"})


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


def _clean(start: int, end: int, text: str) -> tuple[int, int, str]:
    """Drop a leading "the" and a trailing possessive from a mention, keeping offsets true."""
    m = _LEAD_THE.match(text)
    if m:
        start, text = start + m.end(), text[m.end():]
    m = _POSSESSIVE.search(text)
    if m and len(text) > m.end() - m.start() + 1:
        end, text = end - (m.end() - m.start()), text[: m.start()]
    stripped = text.rstrip(" .,")
    return start, end - (len(text) - len(stripped)), stripped


def _best(gaz: Gazetteer, name: str, features: tuple[str, ...]) -> GeoEntry | None:
    cands = [c for c in gaz.lookup(name) if c.feature in features]
    return max(cands, key=lambda c: prior(c, fold(name))) if cands else None


def _is_abbrev(t: str) -> bool:
    bare = t.replace(".", "").replace(" ", "")
    return (1 < len(bare) <= 5 and bare.isupper()) or bool(re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.\s?)+", t))


def _abbrev(gaz: Gazetteer, t: str) -> GeoEntry | None:
    """ "W.Va.", "NSW" from the abbreviation table; "U.S.", "UK", "UAE" as countries."""
    hit = gaz.lookup_abbrev(t)
    if hit is None:
        try:
            from dateline.knowledge.countries import lookup_country
        except ImportError:  # pragma: no cover
            return None
        c = lookup_country(t)
        hit = gaz.country(c.iso2) if c is not None and c.iso2 else None
    return hit


def _qualifier(gaz: Gazetteer, t: str) -> GeoEntry | None:
    """The region or country in "Paris, Texas", "Gainesville, Ga.", "Hilla, Iraq"."""
    t = t.strip().rstrip(",")
    if _is_abbrev(t):
        hit = _abbrev(gaz, t)
        return hit if hit is not None and hit.feature in ("admin1", "country") else None
    return _best(gaz, t, ("admin1", "country"))


def _dateline_span(analysis: Analysis, gaz: Gazetteer) -> tuple[int, int, str, str] | None:
    """(start, end, text, note) of the dateline's place name."""
    art = analysis.article
    if art.dateline is not None:
        dl = art.dateline
        seg = art.text[dl.start:dl.end]
        i = seg.casefold().find(dl.place.casefold())
        if i < 0:
            return None
        return dl.start + i, dl.start + i + len(dl.place), art.text[dl.start + i:
                                                                     dl.start + i + len(dl.place)], "dateline"
    m = _DATELINE.match(art.text)
    if m and gaz.has(m.group(1)) and (
            _best(gaz, m.group(1), ("city", "country", "admin1")) is not None):
        return m.start(1), m.end(1), m.group(1), "dateline (read by the places stage)"
    return None


def find_places(analysis: Analysis, gaz: Gazetteer) -> tuple[Place, ...]:
    text = analysis.article.text
    spans: list[tuple[int, int, str, Query, str]] = []  # start, end, text, query, note
    dateline = _dateline_span(analysis, gaz)
    if dateline is not None:
        s, e, t, note = dateline
        spans.append((s, e, t, Query(t), note))
    ents = [m for m in analysis.entities if m.label in ("GPE", "LOC", "NORP")]
    for n, m in enumerate(ents):
        start, end, t = _clean(m.start, m.end, m.text)
        if not t or (dateline is not None and start < dateline[1] and end > dateline[0]):
            continue
        if text[end:end + 1] == "." and _is_abbrev(t + ".") and gaz.lookup_abbrev(t):
            end, t = end + 1, t + "."  # "Lawrence, Kan." where the NER left the dot out
        if m.label == "NORP" or _is_abbrev(t):
            fixed = gaz.lookup_demonym(t) if m.label == "NORP" else _abbrev(gaz, t)
            if fixed is not None:
                note = "demonym" if m.label == "NORP" else ""
                spans.append((start, end, t, Query(t, fixed=fixed), note))
            continue
        note = ""
        hint = "city" if _CITY_OF.search(text[max(0, start - 20):start]) else None
        qualifier = None
        if "," in t:  # "Paris, Texas" as one entity: the part after the comma qualifies
            head, _, tail = t.partition(",")
            tail_s = start + len(head) + 1 + (len(tail) - len(tail.lstrip()))
            qualifier = _qualifier(gaz, tail.strip())
            if qualifier is not None:
                spans.append((tail_s, tail_s + len(tail.strip()), tail.strip(),
                              Query(tail.strip(), fixed=qualifier), ""))
            end, t = start + len(head.rstrip()), head.rstrip()
        else:
            after = re.match(r"\s*,\s*([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})", text[end:end + 30])
            if after:
                qualifier = _qualifier(gaz, after.group(1))
        if not gaz.has(t):
            g = _GENERIC.search(t)
            d = _DIRECTION.match(t)
            if g and gaz.has(t[: g.start()]):
                hint = _GENERIC_HINT[g.group(1).lower()]
                end, t = start + g.start(), t[: g.start()]
            elif d and gaz.has(t[d.end():]):
                note = f"vague region '{t}': resolved to the whole place"
                start, t = start + d.end(), t[d.end():]
            else:
                continue
        else:
            d = _DIRECTION_BEFORE.search(text[max(0, start - 16):start])
            if d:
                note = f"vague region '{d.group(0)}{t}': resolved to the whole place"
        g = _GENERIC.match(text[end:end + 14])
        if g and hint is None and text[end:end + 1] == " ":
            hint = _GENERIC_HINT[g.group(1).lower()]
        spans.append((start, end, t, Query(t, qualifier=qualifier, hint=hint), note))

    taken = [(sp[0], sp[1]) for sp in spans]
    for start, end, t, q, note in _embedded(analysis, gaz) + _mislabelled(analysis, gaz):
        if not any(start < e and end > s for s, e in taken):
            spans.append((start, end, t, q, note))

    ctx = Context()
    for actor in analysis.actors:
        if actor.country:
            iso2 = _iso2(actor.country)
            if iso2:
                ctx.actor_countries[iso2] += len(actor.mentions) or 1
    results = resolve(gaz, [s[3] for s in spans], ctx)
    if dateline is not None and results and results[0] is not None:
        ctx.dateline_country = results[0][0].country or None
        results = resolve(gaz, [s[3] for s in spans], ctx)

    places: list[Place] = []
    for (start, end, t, _q, note), res in zip(spans, results, strict=True):
        if res is None:
            continue
        entry, conf = res
        note = note or entry.note
        if not note.startswith("dateline") and _metonymic(analysis, start, end, entry):
            note = "metonymy: the name stands for the government here (also an actor)"
        places.append(_place(gaz, entry, start, end, t, conf, note or None))
    places.extend(_vague_places(analysis, places))
    places.sort(key=lambda p: (p.start, p.end))
    return tuple(places)


_EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _embedded(analysis: Analysis, gaz: Gazetteer) -> list[tuple[int, int, str, Query, str]]:
    """Places inside other names ("the Washington Post", "Toronto Raptors"), kept to names
    that are hard to mistake: countries, first-level regions, big cities, demonyms."""
    doc = analysis.doc
    out: list[tuple[int, int, str, Query, str]] = []
    if doc is None:
        return out
    for m in analysis.entities:
        if m.label not in _EMBEDDING_LABELS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span]
        i = 0
        while i < len(toks):
            found = None
            for n in (3, 2, 1):
                grams = toks[i:i + n]
                if len(grams) < n or not all(t.is_title or t.is_upper for t in grams):
                    continue
                t = doc.text[grams[0].idx:grams[-1].idx + len(grams[-1])]
                if _is_abbrev(t):
                    entry = _abbrev(gaz, t)
                    if entry is not None and entry.feature == "country":
                        found = (n, Query(t, fixed=entry))
                        break
                    continue
                demonym = gaz.lookup_demonym(t)
                if demonym is not None:
                    found = (n, Query(t, fixed=demonym))
                    break
                key = fold(t)
                if any(fold(c.name) == key and (c.feature in ("country", "admin1") or (
                        c.feature == "city" and c.population >= 100_000))
                        for c in gaz.lookup(t)):
                    found = (n, Query(t))
                    break
            if found is None:
                i += 1
                continue
            n, q = found
            s = toks[i].idx
            e = toks[i + n - 1].idx + len(toks[i + n - 1])
            whole = n == len(toks) or (n == len(toks) - 1 and toks[0].lower_ == "the")
            # the whole entity: a place the NER mislabelled ("Karachi" as ORG)
            out.append((s, e, doc.text[s:e], q, "" if whole else f"inside the name '{m.text}'"))
            i += n
    return out


_TAKE_VERBS = frozenset(["capture", "recapture", "seize", "liberate", "shell", "bomb", "attack",
                         "storm", "enter", "besiege", "raid", "visit", "reach", "overrun"])


def _mislabelled(analysis: Analysis, gaz: Gazetteer) -> list[tuple[int, int, str, Query, str]]:
    """PERSON/ORG entities that are places by their syntax: "in Jaffna", "captured Knin"."""
    doc = analysis.doc
    out: list[tuple[int, int, str, Query, str]] = []
    if doc is None:
        return out
    for m in analysis.entities:
        if m.label not in ("PERSON", "ORG") or not gaz.has(m.text):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        locative = (root.dep_ == "pobj" and root.head.lower_ in _STRONG_PREPS) or (
            root.dep_ == "dobj" and root.head.lemma_.lower() in _TAKE_VERBS)
        key = fold(m.text)
        if locative and any(fold(c.name) == key and c.population >= 1000
                            for c in gaz.lookup(m.text)):
            out.append((m.start, m.end, m.text, Query(m.text), ""))
    return out


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


def _token_at(doc: Any, char: int) -> Any | None:
    if doc is None or not len(doc):
        return None
    i = bisect_right([t.idx for t in doc], char) - 1
    return doc[i] if i >= 0 else None


def _span_root(doc: Any, start: int, end: int) -> Any | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else _token_at(doc, start)


def _metonymic(analysis: Analysis, start: int, end: int, entry: GeoEntry) -> bool:
    if entry.feature not in ("country", "city"):
        return False
    root = _span_root(analysis.doc, start, end)
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


# --- event places ----------------------------------------------------------------------

def _path_to(tok: Any, trigger: Any, max_len: int = 7) -> list[Any] | None:
    """Tokens from ``tok`` up to ``trigger`` when the trigger governs it within one clause."""
    path = [tok]
    cur = tok
    for _ in range(max_len):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "relcl", "parataxis", "acl:relcl", "csubj") and cur.i != tok.i:
            return None
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return None
        if cur.dep_ in ("nsubj", "nsubjpass", "poss") and cur.i != tok.i:
            return None  # part of an actor's description: "the mayor of Mosul said"
        cur = cur.head
        path.append(cur)
        if cur.i == trigger.i:
            return path
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "advcl", "acl") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return None  # another clause with its own subject
    return None


def _excluded(place: Place, event: Event) -> bool:
    for arg in (event.source, event.target):
        if arg is not None and place.start < arg.end and place.end > arg.start:
            return True
    return False


def _event_place(p: Place, basis: str) -> EventPlace:
    return EventPlace(name=p.name, geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                      country=p.country, start=p.start, end=p.end, basis=basis)


def event_place(analysis: Analysis, event: Event) -> EventPlace | None:
    """Where an event happened: the place its trigger governs ("met in Tehran", "an operation
    to liberate the city of Mosul"), else a place in its sentence that is not one of its
    actors, else the dateline for meetings and statements (CAMEO 01-05), else None."""
    sent_s, sent_e = event.sentence.start, event.sentence.end
    in_sentence = [p for p in analysis.places
                   if sent_s <= p.start and p.end <= sent_e and p.lat is not None
                   and not (p.note or "").startswith(("dateline", "demonym", "inside"))
                   and not _excluded(p, event)]
    doc = analysis.doc
    trigger = _span_root(doc, event.trigger.start, event.trigger.end)
    scored: list[tuple[float, Place]] = []
    subjects: set[int] = set()
    if trigger is not None:
        for p in in_sentence:
            root = _span_root(doc, p.start, p.end)
            if root is None:
                continue
            if root.dep_ in ("nsubj", "nsubjpass") and (root.head.i == trigger.i
                                                        or (p.note or "").startswith("metonymy")):
                subjects.add(p.start)
                continue
            path = _path_to(root, trigger)
            if path is None:
                continue
            preps = [t.lower_ for t in path[1:-1] if t.dep_ == "prep"]
            if root.dep_ == "pobj" and root.head.lower_ not in _LOCATIVE_PREPS and not (
                    root.head.lower_ == "of" and _CITY_OF.search(
                        analysis.article.text[max(0, p.start - 20):p.start])):
                continue  # "the security of Iraq", "support for Iran": not where it happened
            s = 10.0 - len(path)
            if preps and preps[0] in _STRONG_PREPS:
                s += 2.0
            if p.feature in ("city", "admin2"):
                s += 0.5
            scored.append((s, p))
    if scored:
        return _event_place(max(scored, key=lambda x: (x[0], -x[1].start))[1], "governing")
    rest = [p for p in in_sentence if p.start not in subjects]
    if rest:
        text = analysis.article.text

        def rank(p: Place) -> tuple[int, int, int]:
            prep = re.search(r"\b(\w+)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", text[max(0, p.start - 30):p.start])
            locative = bool(prep and prep.group(1).lower() in _STRONG_PREPS)
            return (0 if locative else 1, 0 if p.feature in ("city", "admin2") else 1,
                    abs(p.start - event.trigger.start))

        return _event_place(min(rest, key=rank), "sentence")
    if event.cameo and event.cameo[:2] in _STATEMENT_ROOTS:
        for p in analysis.places:
            if (p.note or "").startswith("dateline"):
                return _event_place(p, "dateline")
    return None

