"""Settlements the gazetteer lacks, named as such by the text.

News names villages, suburbs and townships that no gazetteer of towns holds, but it says
what they are: "the village of X", "the small town of X in northwestern India", "Cairo's
gated suburb of X", "an informal settlement in X". Such a name is a settlement wherever it
recurs in the article ("X's economy", "the X academy"). The settlements found here are
handed to ``place_local``, which places them at their container like any local feature:
the place named after them ("X in northwestern India"), the place before a possessive
("Cairo's suburb of X"), else the town the text last mentions, else the dateline or the
article's main place. A name the places stage placed there already is left to it.

The same cue reading finds the streets of police reports: "in the 500 block of X".
"""

from __future__ import annotations

import re

from dateline.knowledge.gazetteer import Gazetteer
from dateline.records import Analysis, Place
from dateline.stages.place_containers import Feature

_NAME = r"(?P<name>(?:(?:al|el|an|ad|as)-)?[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,3})"
# "the (small) village of X", "Cairo's gated suburb of X": the cue is lower case
_OF = re.compile(
    r"\b(?:[Vv]illage|[Tt]own|[Hh]amlet|[Tt]ownship|suburb|settlement|neighbou?rhood|slum|shantytown|"
    r"municipality|commune|locality|enclave|oasis|kibbutz|moshav)s?\s+of\s+" + _NAME)
# "an informal settlement in X", "a refugee camp near X": X is the area around it
_IN = re.compile(
    r"\b(?:settlement|township|slum|shantytown|shanty town|refugee camp|camp)s?\s+"
    r"(?:in|near|outside)\s+(?:the\s+)?" + _NAME)
# police style: "in the 500 block of Jeffords", "the 1200 block of North Maple Street"
_WORD = r"(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))"
_BLOCK = re.compile(r"\b\d{1,5}\s+block\s+of\s+(?P<name>" + _WORD + r"(?: " + _WORD + r"){0,4})")
_OF_CUES = ("illage", "own", "amlet", "suburb", "settlement", "neighbo", "slum", "municipal",
            "commune", "locality", "enclave", "oasis", "kibbutz", "moshav")
_IN_CUES = ("settlement", "township", "slum", "shanty", "camp")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}$")
# capitalised words that begin a name but are not one ("the town of The Hague" aside)
_PARTICLE = re.compile(r"(?:al|el|ad|as|an|ash|ar|at|az)-[^\W\d_]")
_LINKS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "bin", "ibn",
                    "al", "el", "van", "von"})
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})
_NOT_NAME = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her",
                       "their", "its", "our", "my", "your", "some", "many", "several", "about",
                       "around", "nearly", "more", "all", "both", "each", "every", "only"})


def _name_words(raw: str) -> str:
    """The capitalised words at the start of ``raw``, without a possessive."""
    words: list[str] = []
    raw_words = raw.split(" ")
    for i, w in enumerate(raw_words):
        # "Mais al-Jabal", "Ciudad del Este": a particle inside the name
        inside = i > 0 and (_PARTICLE.match(w) is not None or (
            w in _LINKS and i + 1 < len(raw_words) and raw_words[i + 1][:1].isupper()))
        if not (w[:1].isupper() or inside):
            break
        words.append(w)
    while words and words[-1] in _LINKS:
        words.pop()
    name = " ".join(words)
    for suffix in ("'s", "’s", "'", "’"):
        name = name.removesuffix(suffix)
    return name.rstrip("-")


def find_settlements(analysis: Analysis, gaz: Gazetteer, places: list[Place]) -> list[Feature]:
    """Settlement names the text introduces as such, with their other mentions."""
    text = analysis.article.nlp_text
    if " of " not in text and " in " not in text:
        return []
    # "the neighborhood of Saturday's gun battle"; a people is a plural or a demonym ("the
    # town of Kurds"): the NER's NORP alone is no proof, it gives that to villages too
    not_places = {m.start for m in analysis.entities if m.label in _NOT_PLACE_LABELS}
    peoples = {m.start for m in analysis.entities if m.label == "NORP"}
    known = {(p.start, p.end) for p in places}
    first: dict[str, tuple[int, int, int]] = {}
    for rx, cues in ((_OF, _OF_CUES), (_IN, _IN_CUES)):
        if not any(c in text for c in cues):  # (a substring test is far cheaper)
            continue
        for m in rx.finditer(text):
            name = _name_words(m.group("name"))
            s = m.start("name")
            e = s + len(name)
            if len(name) < 3 or name.split()[0].lower() in _NOT_NAME or name in first:
                continue
            if s in not_places or gaz.lookup_demonym(name) or (
                    s in peoples and name.endswith("s")):
                continue  # a people ("of Kurds")
            first[name] = (s, e, m.start())
    out: list[Feature] = []
    for m in _BLOCK.finditer(text) if "block of" in text else ():
        name = m.group("name").removesuffix("'s").removesuffix("’s")
        if len(name) >= 3:  # (the NER often takes a street's name for a people's)
            s = m.start("name")
            out.append(Feature(s, s + len(name), name, "street", False))
    for name, (s, e, cue) in first.items():
        anchor = -1  # "Cairo's gated suburb of X": the place before the possessive holds X
        pm = _POSSESSIVE.search(text, max(0, cue - 60), cue)
        if pm is not None:
            anchor = pm.start() + len(pm.group(0)) - len(pm.group(0)[2:].lstrip())
        if (s, e) not in known:  # (else the places stage placed it; its mentions follow it)
            out.append(Feature(s, e, name, "settlement", False, key=name, anchor=anchor))
        for r in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            if r.start() != s:
                out.append(Feature(r.start(), r.end(), name, "settlement", False, key=name))
    return out
