"""Wire-copy places: datelines anywhere in the text, and the towns of the credit lines.

Datelines ("BOSTON (Reuters) -", "CAMP MURRAY, Wash. -") open stories; wire pages often
hold several stories, or a caption before the story, so they are looked for everywhere.

"(Reporting by Jane Doe in Nairobi and John Roe in Kampala; Editing by ...)" and "Associated
Press writer Jane Doe in Tokyo contributed to this report." name real places, which the gold
sets count as toponyms. The ingest step blanks the credit line from ``nlp_text`` (it is
boilerplate, not story), so the NER never sees it: this scan reads the original text with
two regexes and emits each name the gazetteer knows as a city, region or country. The
place is where a reporter filed from, not where anything in the story happened: its note
says so, and it lies outside every sentence, so it is never an event's place.
"""

from __future__ import annotations

import re

from dateline.knowledge.gazetteer import Gazetteer
from dateline.knowledge.geo_resolve import Query
from dateline.records import Analysis
from dateline.stages.place_common import Candidate, abbrev_entry, is_abbrev, qualifier_entry

_DATELINE_ANY = re.compile(
    r"(?:^|(?<=[.!?\"”)]\s)|(?<=[.!?\"”)]\s\s)|(?<=\d{4}\s))[ \t]*\(?"
    # "COLUMBIA", "ROCKY HILL", "DeKALB", "McALLEN"
    r"([A-Z](?:[a-z]{1,2}(?=[A-Z]))?[A-Z'.\-]+(?:[ ][A-Z][A-Z'.\-]+){0,3}(?:[ ]?(?:&|/)[ ]?[A-Z][A-Z'.\-]+"
    r"(?:[ ][A-Z][A-Z'.\-]+){0,3})?)\)?"
    r"(?:,[ ]*([A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2}))?[ ]*"
    # a press release's date: "TIJUANA & SAN DIEGO, MARCH 29, 2018 --"
    r"(?:,+[ ]*[A-Z][A-Za-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]*\d{4})?[ ]*)?"
    r"(?:(?:\([A-Za-z .]{2,20}\)[ ]*)?(?:—|–|-{1,3}|:)(?:[ ]|(?=\())"
    r"|\((?:AP|Reuters|AFP|CNN|UPI)\)[ ])",
    re.MULTILINE)
_JOINED = re.compile(r"\s*(?:&|/|\bAND\b)\s*")


def scan_datelines(analysis: Analysis, gaz: Gazetteer,
                   taken: list[tuple[int, int]]) -> list[Candidate]:
    """Datelines anywhere in the text ("BOSTON (Reuters) -", "CAMP MURRAY, Wash. -"): wire
    pages often hold several stories, or a caption before the story. Also the towns of the
    credit lines ("Reporting by ... in Boston"), which the ingest step blanks."""
    out: list[Candidate] = []
    text = analysis.article.text
    for m in _DATELINE_ANY.finditer(text):
        whole = m.group(1)
        names: list[tuple[int, str]] = []
        pos = 0
        for j in _JOINED.finditer(whole):  # "TIJUANA & SAN DIEGO": two places
            names.append((pos, whole[pos:j.start()]))
            pos = j.end()
        names.append((pos, whole[pos:]))
        for k, (off, name) in enumerate(names):
            last = k == len(names) - 1
            out.extend(_dateline_name(gaz, m, m.start(1) + off, name, last, taken))
    out.extend(c for c in scan_credits(text, gaz) if not _overlaps(c.start, c.end, taken))
    return out


def _dateline_name(gaz: Gazetteer, m: re.Match[str], s: int, name: str, last: bool,
                   taken: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    name = name.rstrip(".-'")
    if len(name) >= 3 and name.replace(" ", "").replace("-", "").isalpha():
        e = s + len(name)
        qualifier = None
        if m.group(2) and last:  # "CAMP MURRAY, Wash.": the region counts anyway
            qs = m.start(2)
            qtext = m.group(2).strip()
            qualifier = qualifier_entry(gaz, qtext, name)
            if qualifier is not None and not _overlaps(qs, qs + len(qtext), taken):
                out.append(Candidate(qs, qs + len(qtext), qtext, Query(qtext, fixed=qualifier),
                                     "dateline region"))
        if _overlaps(s, e, taken) or not gaz.has(name):
            return out
        if not any(c.feature in ("city", "admin1", "country") for c in gaz.lookup(name)):
            return out
        out.append(Candidate(s, e, name, Query(name, qualifier=qualifier, hint="city"),
                             "dateline inside the text"))
    return out


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in taken)

NOTE = "credit line: where a reporter filed from"

# "(Reporting by ...; Editing by ...)", "Additional reporting by ...", "Writing by ...":
# one credit unit, up to its closing bracket or the end of the line
_CREDIT = re.compile(
    r"(?:^|\(|(?<=[.;:]\s))(?:Additional\s+[Rr]eporting|Reporting|Writing|Compiled)"
    r"\s+by\s+[^()\n]{3,400}", re.MULTILINE)
# "AP writers Jane Doe in Tokyo and John Roe in Seoul contributed (to this report)"
_CONTRIBUTED = re.compile(
    r"\b(?:[A-Z][A-Za-z.]*\s+){0,3}(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|"
    r"[Pp]hotographers?|[Jj]ournalists?)\s+[^.\n]{3,300}?\bcontributed\b")
# "in Boston", "from Kabul", "in Lagos, Nigeria": a capitalised name after the preposition
_IN_PLACE = re.compile(
    r"\b(?:in|from)\s+((?:[A-Z][\w'’.-]*)(?:[ -](?:[A-Z][\w'’.-]*|de|del|la|al|el|upon)){0,3})"
    r"(?:,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?")
_FEATURES = ("city", "admin1", "country", "admin2")


def scan_credits(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Places named in the credit lines of ``text`` (the original text, not ``nlp_text``)."""
    if not ("eporting by" in text or "riting by" in text or "ompiled by" in text
            or "contributed" in text):
        return []
    out: list[Candidate] = []
    units = [m.span() for m in _CREDIT.finditer(text)]
    if "contributed" in text:
        units.extend(m.span() for m in _CONTRIBUTED.finditer(text))
    for lo, hi in units:
        for m in _IN_PLACE.finditer(text, lo, hi):
            cand = _credit_place(gaz, m)
            if cand is not None and not any(c.start == cand.start for c in out):
                out.append(cand)
    return out


def _credit_place(gaz: Gazetteer, m: re.Match[str]) -> Candidate | None:
    name = m.group(1).rstrip(".,;'’-")
    s = m.start(1)
    if is_abbrev(name):
        hit = abbrev_entry(gaz, name)  # "in the U.S." is rare in a credit, "in NYC" is not
        if hit is None:
            return None
        return Candidate(s, s + len(name), name, Query(name, fixed=hit), NOTE)
    words = name.split(" ")
    # "in Washington Editing by ...": a credit without its semicolon; the longest known name
    for n in range(len(words), 0, -1):
        t = " ".join(words[:n])
        if any(c.feature in _FEATURES for c in gaz.lookup(t)):
            qualifier = None
            if n == len(words) and m.group(2):
                qualifier = qualifier_entry(gaz, m.group(2), t)
            return Candidate(s, s + len(t), t, Query(t, qualifier=qualifier, hint="city"), NOTE)
    return None
