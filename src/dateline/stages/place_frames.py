"""Place names in fixed phrases of news English, found by regex over the text:

- a list of names before a plural division word: "Jackson and Barrow counties", "in Becker,
  Clay and Otter Tail counties", "Kogi and Benue states": each name is one division
  ("Jackson County", the state of Kogi), though none is written in full;
- the party-and-home tag of US legislators: "Sen. Jane Doe, D-Pa.", "Rep. John Roe
  (R-Ocilla)", "DFL-Chisholm": the home town or state, in the United States.

Both give the division or town itself, so the NER's label (often PERSON or nothing for
"Barrow", "Ocilla") does not matter.
"""

from __future__ import annotations

import re

from dateline.knowledge.gazetteer import Gazetteer
from dateline.knowledge.geo_resolve import Query
from dateline.stages.place_common import Candidate, abbrev_entry, is_abbrev

_NAME = r"[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2}"
_SEP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|&)\s+)"
# at least two names: a single name before "counties" is rare and often a word ("Home Counties")
_KIND = re.compile(r"\s(counties|parishes|provinces|states)\b")
# the list right before the division word (searched in a short window, anchored at its end)
_LISTED = re.compile(rf"({_NAME}(?:{_SEP}{_NAME})+)$")
_SPLIT = re.compile(_SEP)
# "D-Pa.", "R-Elbow Lake", "DFL-Chisholm", "I-Vt.": party letter(s), hyphen, home
_PARTY = re.compile(r"(?:, |\()(?:D|R|I|DFL|GOP)-([A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)"
                    r"(?=[,;)\]]|\s(?![A-Z])|\s*$)")
_SUFFIX = {"counties": "County", "parishes": "Parish"}


def scan_frames(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Places in listed divisions and legislators' tags of ``text`` (the NLP text)."""
    out: list[Candidate] = []
    for k in _KIND.finditer(text):
        lo = max(0, k.start() - 160)
        m = _LISTED.search(text[lo:k.start()])
        if m is not None:
            out.extend(_listed(gaz, text, lo + m.start(1), lo + m.end(1), k.group(1)))
    if "-" in text:
        out.extend(_party_tags(gaz, text))
    return out


def _listed(gaz: Gazetteer, text: str, start: int, end: int, kind: str) -> list[Candidate]:
    out: list[Candidate] = []
    pos = start
    parts: list[tuple[int, str]] = []
    for sep in _SPLIT.finditer(text, start, end):
        parts.append((pos, text[pos:sep.start()]))
        pos = sep.end()
    parts.append((pos, text[pos:end]))
    # the first name may carry words of the sentence before it ("In Becker"): keep its tail
    s0, first = parts[0]
    words = first.split(" ")
    if len(words) > 1:
        k = len(words) - 1
        while k > 0 and _division(gaz, " ".join(words[k - 1:]), kind) is not None:
            k -= 1
        tail = " ".join(words[k:])
        parts[0] = (s0 + len(first) - len(tail), tail)
    found = [(s, n, _division(gaz, n, kind)) for s, n in parts]
    if sum(1 for *_, q in found if q is not None) < len(found) - 1:
        return out  # not a list of divisions ("Smith and Jones states")
    for s, n, q in found:
        if q is not None:
            out.append(Candidate(s, s + len(n), n, q, f"one of the {kind} listed"))
    return out


def _division(gaz: Gazetteer, name: str, kind: str) -> Query | None:
    suffix = _SUFFIX.get(kind)
    if suffix is not None:
        full = f"{name} {suffix}"
        if any(c.feature == "admin2" for c in gaz.lookup(full)):
            return Query(full, hint="admin2")
        return None
    if any(c.feature == "admin1" for c in gaz.lookup(name)):
        return Query(name, hint="admin1")
    return None


def _party_tags(gaz: Gazetteer, text: str) -> list[Candidate]:
    us = gaz.country("US")
    out: list[Candidate] = []
    if us is None:
        return out
    for m in _PARTY.finditer(text):
        name = m.group(1)
        s = m.start(1)
        if is_abbrev(name):  # "D-Pa.", "R-N.Y."
            hit = abbrev_entry(gaz, name)
            if hit is not None and hit.feature == "admin1" and hit.country == "US":
                out.append(Candidate(s, s + len(name), name, Query(name, fixed=hit),
                                     "a legislator's home state"))
            continue
        name = name.rstrip(".")
        if any(c.country == "US" and c.feature in ("city", "admin1") for c in gaz.lookup(name)):
            out.append(Candidate(s, s + len(name), name, Query(name, qualifier=us),
                                 "a legislator's home town"))
    return out
