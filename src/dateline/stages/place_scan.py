"""Place names the NER did not label as places: datelines and credit lines (``place_wire``,
re-exported here), names labelled PERSON/ORG or not labelled at all ("Tamil Nadu said",
"travelling to Cirencester"). Names inside other names are in ``place_embedded``, which
shares this module's token helpers.

All scans walk the parsed tokens once and look names up in the gazetteer's dict (no regex
per gazetteer name). What keeps them precise:

- a name the gazetteer holds as a country, first-level region, county or named region is
  taken as it stands; a town needs evidence: a locative word before it ("in", "near",
  "the village of"), a place frame (", of Hayes,", "Samos's economy"), a qualifier after
  it ("Fresno, Calif."), or a large population;
- towns found with little evidence are *weak*: ``places.find_places`` keeps them only when
  they resolve into a country the article already places something in;
- ``geo_stopnames.tsv`` lists names that are also ordinary words or given names ("Reading",
  "Florence", "Kent"): these need the locative or qualifier evidence, always;
- a name inside a longer PERSON entity is part of the person's name ("Virginia Woolf"),
  and words at the start of a sentence count only when the tagger calls them proper nouns.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IDX

from dateline.knowledge.gazetteer import Gazetteer, GeoEntry, fold
from dateline.knowledge.geo_resolve import Query, is_inside
from dateline.records import Analysis
from dateline.stages.place_common import (
    Candidate,
    abbrev_entry,
    is_abbrev,
    qualifier_entry,
    stopnames,
)
from dateline.stages.place_frames import scan_frames
from dateline.stages.place_wire import scan_datelines

__all__ = ["STREET_WORDS", "named_candidates", "scan_datelines",
           "scan_mislabelled", "scan_names"]

_CONNECT = frozenset({"and", "of", "de", "del", "la", "al", "el", "-", "&", "du", "des", "upon",
                      "on", "da", "do", "dos"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "into", "toward",
                       "towards", "across", "around", "throughout", "via", "within", "between",
                       "visit", "visited", "visiting", "reach", "reached", "leave", "left"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "suburb", "capital", "port", "province",
                          "region", "district", "state", "county", "island", "area", "outskirts",
                          "municipality", "neighbourhood", "neighborhood", "township"})
# "the villages of X and Y", "the community of X"; "the mayor of X", "residents of X"
_PLACE_NOUNS = _PLACE_NOUNS | frozenset({
    "cities", "towns", "villages", "suburbs", "ports", "provinces", "regions", "districts",
    "states", "counties", "islands", "municipalities", "townships", "community",
    "communities", "settlement", "settlements", "hamlet", "hamlets", "commune", "communes",
    "parish", "locality", "localities", "enclave", "governorate", "prefecture"})
_PLACE_OWNERS = frozenset({"mayor", "mayors", "residents", "inhabitants", "townspeople",
                           "villagers", "outskirts", "suburbs", "streets"})
# "an Alexandria man", "a Lovejoy senior": someone from the town
_RESIDENTS = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "youth", "resident",
                        "native", "couple", "family", "mother", "father", "student", "senior",
                        "junior", "motorist", "driver", "businessman", "businesswoman",
                        "farmer", "pastor", "doctor", "lawyer"})
# "Heze city", "Sokoto state": a lower-case place word after the name
_TYPE_AFTER = frozenset({"city", "town", "village", "province", "county", "district",
                         "municipality", "governorate", "prefecture", "township"})
_GENERIC_AFTER = frozenset({"state", "province", "region", "county", "district", "governorate"})
_NUMERIC = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
AREA_FEATURES = ("country", "admin1", "admin2", "continent", "region", "natural")
STREETS = frozenset({"street", "avenue", "road", "drive", "lane", "boulevard", "way", "st",
                      "ave", "rd", "blvd"})
# a demonym right before one of these is part of a street or building name ("French Quarter")
STREET_WORDS = frozenset({"quarter", "street", "avenue", "road", "square", "embassy",
                          "consulate", "lane", "drive", "boulevard", "way", "market", "hall"})
_NUMBERED = re.compile(r"\.\s?[#\d]")
# abbreviations written before a number ("No. 18-cr-10083", "Vol. 3", "Art. 5")
_NUMBER_ABBREVS = frozenset({"no", "nos", "vol", "art", "fig", "pt", "sec", "ch", "op",
                             "para", "ref", "tel", "ext", "apt", "rm", "flt"})


def doc_text(doc: Any) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each call)."""
    t = doc.user_data.get("dateline_text")
    if t is None:
        t = doc.user_data["dateline_text"] = doc.text
    return t


def _cap(tok: Any) -> bool:
    return tok.is_title or (tok.is_upper and len(tok.text) > 1
                            and (tok.is_alpha or "." in tok.text)) or is_camel(tok)  # "UAE", "U.S."


def is_camel(tok: Any) -> bool:
    """ "DeKalb", "LaGrange"; "McLean" only before "County" ("McLean County"): Mc and Mac
    names are mostly surnames ("McKinney said")."""
    t = tok.text
    if not (len(t) > 3 and t[0].isupper() and t[1].islower() and tok.is_alpha
            and not t.isupper()):
        return False
    if t.startswith(("Mc", "Mac")):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.text in _DIVISION_WORDS
    return True


_DIVISION_WORDS = frozenset({"County", "Parish", "Township", "Borough", "District"})


def _entity_index(analysis: Analysis, doc: Any) -> dict[int, tuple[str, int, int]]:
    """Token index -> (label, first token, end token) of the entity it is in."""
    out: dict[int, tuple[str, int, int]] = {}
    for m in analysis.entities:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            out[i] = (m.label, span.start, span.end)
    return out


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in taken)


def _locative(doc: Any, i: int) -> bool:
    """The words before token ``i`` say place: "in", "near the", "the village of", also
    through a list ("from Gloucester and Cheltenham")."""
    j = i - 1
    for _ in range(4):
        if j >= 1 and doc[j].lower_ in ("and", "or", ",") and _cap(doc[j - 1]):
            j -= 1
            while j >= 0 and (_cap(doc[j]) or doc[j].text == "."):
                j -= 1
        else:
            break
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 0:
        return False
    w = doc[j].lower_
    if w in _LOCATIVE:
        return True
    if w in ("called", "named") and j > 0:  # "a town called Låsby"
        return doc[j - 1].lower_ in _PLACE_NOUNS
    return w == "of" and j > 0 and (doc[j - 1].lower_ in _PLACE_NOUNS
                                    or doc[j - 1].lower_ in _PLACE_OWNERS)


def _comma_of(doc: Any, i: int, n: int) -> bool:
    """ "Jane Doe, 34, of Hayes, was charged": where a person is from, set off by commas."""
    end = i + n
    return (i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text == ","
            and (end >= len(doc) or doc[end].text in (",", ".", ";")))


def _person_of(doc: Any, i: int, ents: dict[int, tuple[str, int, int]]) -> bool:
    """ "Steven Marsh of Bellbrook was driving": a person's name, then "of" and the town."""
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    ent = ents.get(i - 2)
    return ent is not None and ent[0] == "PERSON" and ent[2] == i - 1 and ent[2] - ent[1] >= 2


# what only a place has: "Samos's economy", "Leeds's mayor", "the town's outskirts"
_PLACE_POSSESSIONS = frozenset({
    "economy", "coast", "coastline", "shores", "beaches", "outskirts", "suburbs", "residents",
    "inhabitants", "townspeople", "villagers", "streets", "mayor", "port", "harbour", "harbor",
    "airport", "hinterland", "countryside", "population", "skyline", "neighbourhoods",
    "neighborhoods"})


def _place_possessive(doc: Any, end: int) -> bool:
    return (end + 1 < len(doc) and doc[end].lower_ in ("'s", "’s", "'", "’")
            and doc[end + 1].lower_ in _PLACE_POSSESSIONS)


# what only a town has: "Lewisburg Mayor John Doe", "Grovetown police", "the Ravenel town
# council"; one word, or the first of two
_TOWN_BODIES = frozenset({"mayor", "police", "councillor", "councillors", "councilman",
                          "councilwoman", "aldermen", "selectmen", "firefighters"})
_TOWN_BODIES_2 = frozenset({("city", "council"), ("town", "council"), ("city", "hall"),
                            ("town", "hall"), ("fire", "chief"), ("fire", "department"),
                            ("village", "board"), ("borough", "council")})


# words before a title, not towns: "Vice Mayor", "Deputy Mayor"
_RANKS = frozenset({"vice", "deputy", "assistant", "acting", "former", "interim", "lord",
                    "chief", "executive", "senior", "junior"})


def _town_named_after(doc: Any, end: int) -> bool:
    """ "Grovetown police", "Heze city": what follows a name says it is a town's."""
    return town_body(doc, end) or (end < len(doc) and doc[end].text in _TYPE_AFTER)


def town_body(doc: Any, end: int) -> bool:
    if end >= len(doc):
        return False
    w = doc[end].lower_
    return w in _TOWN_BODIES or (end + 1 < len(doc) and (w, doc[end + 1].lower_) in _TOWN_BODIES_2)


def _after_place_comma(doc: Any, i: int) -> bool:
    """ "Thruxton, Hampshire": the name follows a comma after a capitalised word."""
    return i >= 2 and doc[i - 1].text == "," and _cap(doc[i - 2])


def _qualifier_after(gaz: Gazetteer, doc: Any, end: int, head: str | None = None
                     ) -> GeoEntry | None:
    """ "Fresno, Calif.", "Matias Romero, Oaxaca State": the region or country after a comma."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for n in (3, 2, 1):
        toks = doc[end + 1:end + 1 + n]
        if len(toks) < n or not all(_cap(t) or t.text.endswith(".") for t in toks):
            continue
        t = doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]
        t = re.sub(r"\s+(?:State|Province|Region)$", "", t)
        hit = qualifier_entry(gaz, t, head)
        if hit is not None:
            return hit
    return None


def _demonym_ok(doc: Any, i: int, n: int) -> bool:
    nxt = doc[i + n] if i + n < len(doc) else None
    return not (nxt is not None and nxt.is_title and nxt.lower_ in STREET_WORDS)


def scan_names(analysis: Analysis, gaz: Gazetteer,
               taken: list[tuple[int, int]]) -> list[Candidate]:
    """Capitalised names that are in the gazetteer but not in a place entity."""
    doc = analysis.doc
    out: list[Candidate] = []
    if doc is None or not len(doc):
        return out
    for c in scan_frames(doc_text(doc), gaz):  # "Jackson and Barrow counties", "D-Pa."
        if not _overlaps(c.start, c.end, taken):
            out.append(c)
    taken = taken + [(c.start, c.end) for c in out]
    ents = _entity_index(analysis, doc)
    stops = stopnames()
    first_words = gaz.first_words
    # sentence starts once: Token.is_sent_start re-checks the whole Doc on every call
    starts = frozenset(sent.start for sent in doc.sents)
    # only tokens with a capital first letter can start a name, and money amounts may name
    # a currency's country: visit those alone (spaCy makes a new Token object per doc[i])
    text = doc_text(doc)
    visit = sorted({i for i, c in enumerate(doc.to_array(IDX).tolist()) if text[c].isupper()}
                   | {v[1] for v in ents.values() if v[0] == "MONEY"})
    skip_to = 0
    for i in visit:
        if i < skip_to:
            continue
        tok = doc[i]
        ent = ents.get(i)
        if ent is not None and ent[0] == "MONEY" and ent[1] == i:
            out.extend(_currency_places(gaz, doc, ent[1], ent[2], taken))
            skip_to = ent[2]
            continue
        if not _cap(tok) or (i in starts and tok.pos_ != "PROPN" and not tok.is_upper
                             and gaz.lookup_demonym(tok.text) is None
                             and not (_town_named_after(doc, i + 1) and not tok.is_stop)):
            continue
        if ent is not None and (ent[0] in PLACE_LABELS or ent[0] in _NUMERIC):
            skip_to = ent[2] if ent[0] in _NUMERIC else i + 1
            continue
        if _overlaps(tok.idx, tok.idx + len(tok), taken):
            continue
        found = _match_at(gaz, doc, i, ents, stops, first_words, starts)
        if found is None:
            continue
        n, cand = found
        if not _overlaps(cand.start, cand.end, taken):
            out.append(cand)
        skip_to = i + n
    return out


_CURRENCIES = frozenset({"dollar", "dollars", "pound", "pounds", "euro", "euros", "yuan",
                         "rupee", "rupees", "naira", "rand", "dinar", "dinars", "riyal", "riyals",
                         "rial", "rials", "lira", "peso", "pesos", "ruble", "rubles", "rouble",
                         "roubles", "yen", "won", "shilling", "shillings", "franc", "francs",
                         "krona", "kronor", "krone", "tenge", "hryvnia", "dirham", "dirhams",
                         "ringgit", "baht", "rupiah", "real", "reais", "cedi", "cedis"})


def _currency_places(gaz: Gazetteer, doc: Any, lo: int, hi: int,
                     taken: list[tuple[int, int]]) -> list[Candidate]:
    """ "59.2 billion US dollars", "8,000 Egyptian pounds": the country in a currency name,
    which the gold sets count as a (non-literal) toponym."""
    out: list[Candidate] = []
    for t in doc[max(lo, 0):hi]:
        if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in _CURRENCIES or not _cap(t):
            continue
        hit = abbrev_entry(gaz, t.text) if t.is_upper else gaz.lookup_demonym(t.text)
        if hit is not None and hit.feature == "country" and not _overlaps(
                t.idx, t.idx + len(t), taken):
            out.append(Candidate(t.idx, t.idx + len(t), t.text, Query(t.text, fixed=hit),
                                 "in a currency name"))
    return out


def _match_at(gaz: Gazetteer, doc: Any, i: int, ents: dict[int, tuple[str, int, int]],
              stops: dict[str, str], first_words: frozenset[str], starts: frozenset[int]
              ) -> tuple[int, Candidate] | None:
    first = doc[i]
    max_n = 4 if fold(first.text) in first_words else 1
    for n in range(max_n, 0, -1):
        toks = doc[i:i + n]
        if len(toks) < n or not _cap(toks[-1]):
            continue
        if n > 1 and not all(_cap(t) or t.lower_ in _CONNECT for t in toks):
            continue
        if any(t.whitespace_ == "" and t.text != "-" and doc[t.i + 1].text != "-"
               for t in toks[:-1]):
            continue  # words of a name are apart or hyphenated ("Nagorno-Karabakh")
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = doc_text(doc)[s:e]
        ent = ents.get(i)
        ent_end = ent[2] if ent is not None else 0
        if ent is not None and ent_end == i + n + 1 and doc[i + n].lower_ in _GENERIC_AFTER:
            ent_end = i + n  # "Governor of Sokoto State": the state word is no longer name
        elif ent is not None and n > 1 and ent_end == i + n + 1 and doc[i + n].lower_ in (
                "'s", "’s"):
            ent_end = i + n  # "Clark County's trailer": the possessive is no part of the name
        if ent is not None and (ent[1] < i or ent_end > i + n) and (
                ent[0] == "PERSON" or ent[0] in EMBEDDING_LABELS) and not (
                ent[0] == "PERSON" and ent[1] == i and town_body(doc, i + n)):
            continue  # part of a longer name: the person's, or the embedded scan's
        if first.is_upper and len(first.text) > 1:
            if n > 1 or not is_abbrev(text) or _shouting(doc, i):
                continue
            hit = abbrev_entry(gaz, text)
            if hit is not None and hit.feature in ("country", "admin1", "region"):
                return n, Candidate(s, e, text, Query(text, fixed=hit))
            continue
        demonym = gaz.lookup_demonym(text) if n <= 2 else None
        if demonym is not None and first.pos_ in ("ADJ", "PROPN", "NOUN") and _demonym_ok(doc, i, n):
            return n, Candidate(s, e, text, Query(text, fixed=demonym), "demonym")
        key = fold(text)
        if not gaz.has_key(key):
            continue
        cand = _judge(gaz, doc, i, n, s, e, text, key, ents, stops, starts)
        if cand is not None:
            return n, cand
    return None


def _shouting(doc: Any, i: int) -> bool:
    """An all-caps stretch (a headline): "US" there may be the pronoun."""
    lo, hi = max(0, i - 3), min(len(doc), i + 4)
    return sum(1 for t in doc[lo:hi] if t.is_upper and t.is_alpha) >= 3


def named_candidates(gaz: Gazetteer, text: str, key: str, alternates: bool = False,
                     min_pop: int = 20_000) -> list[GeoEntry]:
    """Entries a scanned name can mean: areas by any of their names, towns by their own
    name; with ``alternates`` (the text says place: "in Misrata"), also by an alternate
    one ("Douma" for Duma) when no town has it as its own name and the town is not small.
    Alternate names alone are too loose: "Hamas" is an old name of Hamm; so are short ones."""
    all_c = gaz.lookup(text)
    own = [c for c in all_c if c.feature != "city" or fold(c.name) == key]
    if not alternates or any(c.feature == "city" for c in own) or len(key) < 4:
        return own  # short alternates are codes and abbreviations ("No" for Ho, Ghana)
    return own + [c for c in all_c if c.feature == "city" and c.population >= min_pop]


def _judge(gaz: Gazetteer, doc: Any, i: int, n: int, s: int, e: int, text: str, key: str,
           ents: dict[int, tuple[str, int, int]], stops: dict[str, str], starts: frozenset[int]
           ) -> Candidate | None:
    ent = ents.get(i)
    if not any(t.pos_ == "PROPN" for t in doc[i:i + n]) and not doc[i].is_title:
        return None
    nxt = doc[i + n] if i + n < len(doc) else None
    if nxt is not None and nxt.is_title and nxt.lower_ in STREETS:
        return None  # "Hampton Avenue": a street named after the town, somewhere else
    if key in _NUMBER_ABBREVS and _NUMBERED.match(doc_text(doc), e):
        return None  # "No. 18-cr-10083", "Art. 5": an abbreviation before a number
    after = doc[i + n] if i + n < len(doc) else None
    locative = (_locative(doc, i) or _comma_of(doc, i, n) or _person_of(doc, i, ents)
                or (after is not None and after.text in _TYPE_AFTER)
                or (after is not None and after.lower_ in _RESIDENTS and i > 0
                    and doc[i - 1].lower_ in ("a", "an"))
                or _place_possessive(doc, i + n)
                or (town_body(doc, i + n) and key not in _RANKS and not doc[i].is_stop))
    # "the small town of Kasba Bonli": the text says town, so a smaller town may be meant
    # by another of its names
    typed = i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PLACE_NOUNS
    cands = named_candidates(gaz, text, key, alternates=locative,
                             min_pop=2_000 if typed else 20_000)
    qualifier = _qualifier_after(gaz, doc, i + n, text)
    if not cands and qualifier is not None:
        # "in Matias Romero, Oaxaca": a town by another of its names, in the region named
        cands = [c for c in gaz.lookup(text) if c.feature == "city" and is_inside(c, qualifier)]
    if not cands:
        return None
    listed = _after_place_comma(doc, i)
    prev = doc[i - 1] if i > 0 else None
    # (a road number is no word of the name: "the A40 Witney junction")
    tail_of_name = prev is not None and prev.is_title and i - 1 not in starts and (
        prev.is_alpha or prev.text.endswith("."))
    area = any(c.feature in AREA_FEATURES for c in cands)
    ordinary = key in stops or (n == 1 and i in starts and doc[i].pos_ != "PROPN")
    if ordinary and not (locative or qualifier is not None or (listed and area)):
        return None
    if tail_of_name and not area:
        return None  # "Boa Vista", "Marigny Plantation": the end of a longer name
    if nxt is not None and nxt.text == "-" and doc[i + n - 1].whitespace_ == "" and not area:
        return None  # "Champs-Élysées": the start of a hyphenated name
    if area:  # names that are also given names ("Georgia") were held back above
        return Candidate(s, e, text, Query(text, qualifier=qualifier))
    pop = max((c.population for c in cands if c.feature == "city"), default=0)
    if qualifier is not None and (pop >= 500 or any(
            c.feature == "city" and is_inside(c, qualifier) for c in cands)):
        return Candidate(s, e, text, Query(text, qualifier=qualifier))
    if (locative or listed) and pop >= 1000:
        return Candidate(s, e, text, Query(text), weak=pop < 10_000)
    if ent is not None and ent[0] == "PERSON":
        # "Douma's fall": the NER's PERSON on a town of some size, if the article is there
        return Candidate(s, e, text, Query(text), weak=True) if pop >= 50_000 else None
    if pop >= 15_000:  # a city of 200,000 needs no company ("the regional capital, Grozny")
        return Candidate(s, e, text, Query(text), weak=pop < 200_000)
    return None


_TAKE_VERBS = frozenset(["capture", "recapture", "seize", "liberate", "shell", "bomb", "attack",
                         "storm", "enter", "besiege", "raid", "visit", "reach", "overrun"])
_STRONG_PREPS = frozenset(["in", "at", "near", "outside", "inside", "within", "throughout",
                           "across", "around"])


def scan_mislabelled(analysis: Analysis, gaz: Gazetteer) -> list[Candidate]:
    """PERSON/ORG entities that are places by their syntax: "in Jaffna", "captured Knin"."""
    doc = analysis.doc
    out: list[Candidate] = []
    if doc is None:
        return out
    stops = stopnames()
    for m in analysis.entities:
        if m.label not in ("PERSON", "ORG") or not gaz.has(m.text) or fold(m.text) in stops:
            continue
        if m.text.isupper():
            continue  # an acronym ("at the OAS"), not a town written in capitals
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        locative = (root.dep_ == "pobj" and root.head.lower_ in _STRONG_PREPS) or (
            root.dep_ == "dobj" and root.head.lemma_.lower() in _TAKE_VERBS)
        key = fold(m.text)
        if locative and any(fold(c.name) == key and c.population >= 1000
                            for c in gaz.lookup(m.text)):
            out.append(Candidate(m.start, m.end, m.text, Query(m.text)))
    return out
