"""Places inside other names: "the Cauvery Management Board", "Aberdeen Asset Management",
and place entities the gazetteer cannot place whole ("St. Louis Police" tagged GPE).
Countries, regions, counties, demonyms and cities are taken; towns under 100,000 are weak
(kept only in a country the article already places something in)."""

from __future__ import annotations

import re
from typing import Any

from dateline.knowledge.gazetteer import Gazetteer, fold
from dateline.knowledge.geo_resolve import Query
from dateline.records import Analysis
from dateline.stages.place_common import (
    Candidate,
    abbrev_entry,
    is_abbrev,
    state_body_after,
    stopnames,
)
from dateline.stages.place_scan import (
    AREA_FEATURES,
    EMBEDDING_LABELS,
    PLACE_LABELS,
    STREET_WORDS,
    STREETS,
    doc_text,
    is_camel,
    named_candidates,
    town_body,
)


def scan_embedded(analysis: Analysis, gaz: Gazetteer) -> list[Candidate]:
    """Places inside other names ("the Washington Post", "Cavan County Council"): countries,
    regions, counties, demonyms and cities; towns under 100,000 are weak."""
    doc = analysis.doc
    out: list[Candidate] = []
    if doc is None:
        return out
    stops = stopnames()
    for m in analysis.entities:
        if m.label not in EMBEDDING_LABELS and m.label not in _MAYBE_EMBEDDING:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or (m.label in _MAYBE_EMBEDDING and not _embeds(gaz, m.label, span)):
            continue
        toks = list(span)
        whole = _whole_area(gaz, doc, toks)
        if whole is not None:  # "the Democratic People's Republic of Korea" as an ORG
            out.append(whole)
            continue
        i = 0
        while i < len(toks):
            found = _embedded_at(gaz, doc, toks, i, stops)
            if found is None:
                i += 1
                continue
            n, q, weak = found
            s = toks[i].idx
            e = toks[i + n - 1].idx + len(toks[i + n - 1])
            if (q.fixed is None or (q.fixed.feature == "country" and not is_abbrev(q.key))
                    ) and state_body_after(doc_text(doc), e):
                q = Query(doc_text(doc)[s:e], hint="admin1")  # "the Georgia National Guard"
            whole = n == len(toks) or (n == len(toks) - 1 and toks[0].lower_ == "the")
            if m.label in PLACE_LABELS and i + n == len(toks) - 1 and (
                    toks[-1].lower_ in _CIVIL_WORDS):  # "Washington Township": the township
                e, whole, weak = toks[-1].idx + len(toks[-1]), True, False
            # the whole entity: a place the NER mislabelled ("Karachi" as ORG)
            out.append(Candidate(s, e, doc_text(doc)[s:e], q,
                                 "" if whole else f"inside the name '{m.text}'", weak))
            i += n
    return out


_MAYBE_EMBEDDING = frozenset({"GPE", "LOC", "PERSON"})
# civil divisions named after a town or state, which few gazetteers list
_CIVIL_WORDS = frozenset({"township", "borough", "parish", "municipality", "commune"})
# a word that makes a name an institution: "Abuja Chamber of Commerce" is no person
_INSTITUTION_WORDS = frozenset({
    "department", "ministry", "office", "authority", "agency", "commission", "committee",
    "council", "assembly", "parliament", "senate", "government", "court", "police", "patrol",
    "guard", "army", "university", "college", "hospital", "institute", "museum", "bank",
    "corporation", "federation", "association", "chamber", "chambers", "airport", "board",
    "sheriff", "fire", "polytechnic", "stadium", "club", "airlines"})


def _embeds(gaz: Gazetteer, label: str, span: Any) -> bool:
    """Whether an entity of a place or person label is really a longer name that may hold
    a place: a GPE/LOC the gazetteer cannot place as it stands ("St. Louis Police", "Local
    Ireland"), a PERSON with an institution's word ("Abuja Chamber of Commerce")."""
    if len(span) < 2:
        return False
    if label == "PERSON":
        return any(t.lower_ in _INSTITUTION_WORDS for t in span[1:])
    toks = span[1:] if span[0].lower_ == "the" else span
    t = doc_text(span.doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]
    return len(toks) > 1 and not gaz.has(re.sub(r"(?:'s|’s|')$", "", t))


def _whole_area(gaz: Gazetteer, doc: Any, toks: list[Any]) -> Candidate | None:
    """An entity that is, as a whole, the name of a country, first-level or named region."""
    if toks and toks[0].lower_ == "the":
        toks = toks[1:]
    if len(toks) < 2:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    t = doc_text(doc)[s:e]
    hits = [c for c in gaz.lookup(t) if c.feature in ("country", "admin1", "region")]
    if not hits:
        return None
    best = max(hits, key=lambda c: (c.feature == "country", c.population))
    return Candidate(s, e, t, Query(t, fixed=best))


def _embedded_at(gaz: Gazetteer, doc: Any, toks: list[Any], i: int, stops: dict[str, str]
                 ) -> tuple[int, Query, bool] | None:
    for n in (3, 2, 1):
        grams = toks[i:i + n]
        if len(grams) < n or not all(t.is_title or t.is_upper or is_camel(t) for t in grams) or (
                grams[0].lower_ == "the"):
            continue  # "The U.S. National Guard": the article is no part of the place
        t = doc_text(doc)[grams[0].idx:grams[-1].idx + len(grams[-1])]
        if i + n < len(toks) and toks[i + n].lower_ in STREETS:
            continue  # "Hampton Avenue" is a street, wherever it is
        if is_abbrev(t):
            entry = abbrev_entry(gaz, t)
            if entry is not None and (entry.feature in ("country", "admin1", "region") or (
                    entry.feature == "city" and "." in t)):  # "the D.C. Commission"
                return n, Query(t, fixed=entry), False
            continue
        key = fold(t)
        if stops.get(key, "person") != "person":
            continue  # "Central Bank", "University"; a given name may lead a team or club
        # after another capitalised word of the name only a clear place counts: "Seoul
        # Central District Court" holds Seoul, not Israel's Central District
        # ("the A429 Cirencester junction": a road number is no word of the name)
        inner = i > 0 and toks[i - 1].is_title and toks[i - 1].lower_ != "the" and (
            toks[i - 1].is_alpha or toks[i - 1].text.endswith("."))
        if inner and fold(grams[0].text) in stops:
            continue
        demonym = gaz.lookup_demonym(t)
        if demonym is not None:
            nxt = toks[i + n] if i + n < len(toks) else None
            if nxt is not None and nxt.lower_ in STREET_WORDS:
                return None
            return n, Query(t, fixed=demonym), False
        if not gaz.has_key(key):
            continue
        cands = named_candidates(gaz, t, key)
        if any(c.feature in AREA_FEATURES for c in cands):
            return n, Query(t), False
        pop = max((c.population for c in cands if c.feature == "city"), default=0)
        if pop >= 100_000:
            return n, Query(t), False
        if pop >= 5_000 and not inner:
            return n, Query(t), True
        if pop >= 1_000 and i == 0 and i + n < len(toks) and town_body(doc, toks[i + n].i):
            return n, Query(t), True  # "Chiefland Police": a small town's own body
    return None
