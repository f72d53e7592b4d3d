"""Find time expressions: spaCy's DATE/TIME entities plus patterns it misses, cut to TimeML
extents (no leading preposition, ranges split into their ends), ages and bare numbers dropped;
and the tense that decides which way a weekday or month points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.stages.timex_calendar import FUTURE, PAST
from dateline.stages.timex_holidays import holiday_pattern
from dateline.stages.timex_lexicon import Lexicon, lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    norm_text: str  # what to normalise: the span text, or a rewrite ("per year" for "15 a year")


# Words cut from the front of a span: prepositions (TimeML leaves them out) and the
# quantity hedges the gold sets mostly leave out ("nearly a decade ago").
_LEAD = re.compile(
    r"^(?:(?:at least|as of|more than|less than|up to|on|in|at|by|since|from|until|till|to|during|for|of|between|through|throughout|"
    r"around|before|after|within|as of|as|back|and|or|into|about|just|only|nearly|almost|"
    r"roughly|approximately|more than|less than|at least|up to|some|exactly|over|under|"
    r"beginning|starting|ending|right|even|still)\s+)+", re.IGNORECASE)
_TRAIL = re.compile(r"(?:\s*(?:,|\.|;|:|\band\b|\bor\b|\bto\b|'s|’s|\bs\b|\(|\)|-|–|—)\s*)+$", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s+(?:to|through|thru|until|till|and|or)\s+|\s*[-–—]\s*|\s*/\s*(?=\d{4})|"
                        r"(?<!of)\s+(?=(?:this|last|next)\s+(?:year|month|week)\b)")
_COMMA_SEP = re.compile(r"\s*,\s+")
_MONEY = re.compile(r"[$€£%]|\b(?:billion|million|trillion|percent|per cent)\b", re.IGNORECASE)
_ORDINAL_MINUTE = re.compile(r"^(?:the )?\d+(?:st|nd|rd|th) minute$", re.IGNORECASE)
_BARE_HALF = re.compile(r"^(?:the )?(?:first|second) half$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[0-9]\d\d|20\d\d|21\d\d)$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    unit = lx.unit_re
    num = lx.number_re
    months = "|".join(sorted((m.capitalize() for m in lx.months if len(m) > 3), key=len,
                             reverse=True))
    weekdays = "|".join(w.capitalize() for w in lx.weekdays if len(w) > 4)
    sets = "|".join(lx.sets)
    tz = r"(?:UTC|GMT|[ECMP][SD]T|BST|CET|CEST|IRST)"
    extra = "|".join([
        # clock times, with a zone or am/pm
        rf"\b\d{{1,2}}:\d\d(?:\s?[ap]\.?m\.?)?(?:\s?\(?\s?{tz}(?:\s?[+-]\d{{1,2}})?\s?\)?)?",
        r"\b\d{1,2}\s?[ap]\.m\.",
        rf"\b[0-2]\d[0-5]\d\s?{tz}\b",
        # words spaCy leaves out
        (r"(?i:\b(?:currently|nowadays|presently|at present|recently|lately|tonight|"
         r"these days|the time being|in the coming days|very soon|the (?:long|near|short) term|"
         r"midnight|noon)\b)"),
        r"(?i:\bnow\b(?!-|\s+(?:that|and)\b))",
        (r"\b(?:from|between)\s+(?:1[89]\d\d|20\d\d)\s+(?:to|and|until|through)\s+"
         r"(?:1[89]\d\d|20\d\d)\b"),
        r"(?i:\bthe (?:future|past)\b(?=\s*[,.;:)\"”']|\s+(?:and|or|but)\b))",
        r"(?i:\b(?:today|yesterday|tomorrow)\b)",
        rf"(?i:\b(?:every|each)\s+(?:other\s+)?(?:{num}\s+)?{unit}\b)",
        rf"(?i:\b(?:{sets})\b)",
        r"\bQ[1-4](?:\s+\d{4})?\b",
        r"\b(?:1[89]\d\d|20\d\d)\s?[-–]\s?(?:1[89]\d\d|20\d\d|\d\d)\b",
        r"(?i:\b(?:the\s+)?(?:1[5-9]|20)?\d0'?s\b)",
        (r"(?i:\b(?:this|last|next|early|late|in|during)\s+(?:the\s+)?(?:spring|summer|autumn|"
        r"winter|fall)\b(?!\s+of\s+(?!\d)))(?:\s+(?:of\s+)?\d{4})?"),
        r"(?i:\b(?:in\s+)?recent\s+(?:days|weeks|months|years|decades)\b)",
        rf"\b(?:{weekdays})(?:\s+(?i:morning|afternoon|evening|night))?\b",
        rf"\b(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s+\d{{4}}\b)?",
        r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)\b(?!/)",  # 7/8/07, 14/11/2016
    ])
    # what makes a piece of a range a time expression on its own
    anchor = re.compile(
        rf"\b(?:{months}|{weekdays}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b\d{{4}}\b|"
        rf"\b(?:\d\d)?\d0'?s\b|\b\d{{1,2}}:\d\d|(?i:\b(?:today|yesterday|tomorrow|tonight|now|midnight|noon)\b|\b(?:{num})[- ]{unit}\b|"
        rf"\b(?:this|last|next)\s+(?:week|weekend|month|year|quarter)\b)")
    return re.compile(extra), anchor, re.compile(rf"^(?:{num})$", re.IGNORECASE)


def find_candidates(doc: Any, text: str) -> list[Candidate]:
    """Time expression candidates in ``text`` (the NLP text the doc was parsed from)."""
    extra, anchor, bare_number = _patterns()
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += [(m.start(), m.end()) for m in extra.finditer(text)]
    spans += _gated_spans(text)
    spans += _named_days(doc, text)
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        s = _extended_left(text, s)
        e = _extended_right(text, s, e)
        # overlapping, or only spaces apart: "Thursday" + "night", "12:00 UTC" + "Monday"
        # (but not "currently | two years": a vague adverb stands alone)
        if merged and (s <= merged[-1][1] or (text[merged[-1][1]:s].isspace()
                                             and "\n" not in text[merged[-1][1]:s]
                                             and not _vague_word(text, *merged[-1])
                                             and not _vague_word(text, s, e))):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    lx = lexicon()
    out: list[Candidate] = []
    for s, e in merged:
        for ps, pe in _pieces(text, s, e, anchor):
            cand = _trimmed(text, ps, pe)
            if cand is not None:
                cand = _before_finite_verb(doc, text, cand)
            if (cand is None or _rejected(text, cand, lx, bare_number) or _is_count(doc, text, cand)
                    or _is_noun_modifier(doc, text, cand, lx)):
                continue
            out.extend(_rewritten(text, cand, lx))
    return out


# Patterns kept out of the big regex because they would slow it down (a case-insensitive
# alternation tried at every word); each starts from a literal and is checked in code.
_PLURAL_UNIT = re.compile(r"(?:[Mm]inute|[Hh]our|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Dd]ecade)s\b")
_NOT_BEFORE_PLURAL = re.compile(r"(?i:\b(?:the|those|these|its|their|his|her|our|my|your)\s+)$")
_VAGUE_ADJ = re.compile(r"\b(?:[Ll]ater|[Rr]ecent)\b")


@lru_cache(maxsize=1)
def _gated_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    return (re.compile(rf"(?i:\b(?:{lx.number_re})\s+and\s+a\s+half\s+{lx.unit_re}\b)"),
            re.compile(rf"(?i:\b(?:{lx.number_re})\s+)$"))


def _gated_spans(text: str) -> list[tuple[int, int]]:
    """Bare plural units ("in minutes", "decades in the making"), "two and a half years", and
    the vague "later" / "recent" ("later revealed", "the recent downturn")."""
    half, number_before = _gated_patterns()
    out: list[tuple[int, int]] = []
    for m in _PLURAL_UNIT.finditer(text):
        s = m.start()
        if s and text[s - 1].isalnum():
            continue
        before = text[max(0, s - 24):s]
        if _NOT_BEFORE_PLURAL.search(before):
            continue
        num = number_before.search(before)
        out.append((s - (len(num.group(0)) if num else 0), m.end()))
    if "half" in text:
        out.extend((m.start(), m.end()) for m in half.finditer(text))
    for m in _VAGUE_ADJ.finditer(text):
        s, e = m.start(), m.end()
        low = text[max(0, s - 5):s].lower()
        if text[s] in "Ll":  # "later", not "the later stages" nor "later-stage"
            if low.endswith("the ") or text[e:e + 1] in "-–":
                continue
        elif low.endswith("most ") or re.match(r"\s+(?:days|weeks|months|years|decades)\b", text[e:e + 9]):
            continue  # "most recent" is "latest"; "recent months" is found as a duration
        out.append((s, e))
    return out


_NAMES = ("PERSON", "ORG", "GPE", "LOC")  # FAC, PRODUCT: the small model tags "at Easter" FAC


def _named_days(doc: Any, text: str) -> list[tuple[int, int]]:
    """Holidays ("Christmas", "Good Friday"), unless the NER put them inside a name
    ("illustrator Johnnie Christmas")."""
    pattern = holiday_pattern()
    if pattern is None:
        return []
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        return []
    names = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in _NAMES]
    return [(s, e) for s, e in found
            if not any(ns <= s and e <= ne for ns, ne, _ in names)
            # a surname the NER left out of the person: "Johnnie [Christmas]"
            and not any(label == "PERSON" and ne <= s and text[ne:s].isspace()
                        for _, ne, label in names)]


def _vague_word(text: str, s: int, e: int) -> bool:
    return text[s:e].strip().lower() in _VAGUE_ADVERBS


_VAGUE_ADVERBS = {"now", "currently", "recently", "presently", "nowadays", "lately", "later",
                  "recent", "soon", "earlier"}
_LEFT_WORD = re.compile(r"(?i:\b(this|last|next|early|late|earlier|later|the)\s+)$")
_BARE_UNIT = re.compile(r"(?i:(?:week|weekend|month|year|quarter|decade|century|morning|"
                        r"afternoon|evening|night)\b)")


_IN_THE = re.compile(r"(?i:\b(?:early|late)\s+in\s+)$")


def _extended_left(text: str, s: int) -> int:
    """spaCy sometimes leaves out the determiner, "this [year]", "last [week]", or the
    modifier, "late in [the day]"."""
    if text[s:s + 4].lower() == "the " and (_BARE_UNIT.match(text, s + 4)
                                            or text[s + 4:s + 7].lower() == "day"):
        m = _IN_THE.search(text, max(0, s - 12), s)
        return m.start() if m else s
    if not _BARE_UNIT.match(text, s):
        return s
    m = _LEFT_WORD.search(text, max(0, s - 10), s)
    return m.start() if m else s


_RIGHT_STEP = re.compile(r"\s+(?:before|earlier|previous|prior)\b(?=\s*(?:[,.;:)]|$))")


def _extended_right(text: str, s: int, e: int) -> int:
    """spaCy stops "the year previous", "the day before" at the noun."""
    if not re.search(r"(?i:\bthe (?:year|day)$)", text[max(s, e - 8):e]):
        return e
    m = _RIGHT_STEP.match(text, e)
    return m.end() if m else e


def _pieces(text: str, s: int, e: int, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split a span at line breaks and between the ends of a range ("from 2009 to 2011")."""
    pieces: list[tuple[int, int]] = []
    pos = s
    for m in re.finditer(r"\s*\n\s*", text[s:e]):
        pieces.append((pos, s + m.start()))
        pos = s + m.end()
    pieces.append((pos, e))
    out: list[tuple[int, int]] = []
    for ps, pe in pieces:
        out.extend(_split_on(text, ps, pe, _RANGE_SEP, anchor))
    final: list[tuple[int, int]] = []
    for ps, pe in out:
        final.extend(_split_commas(text, ps, pe, anchor))
    return final


def _split_on(text: str, s: int, e: int, sep: re.Pattern[str],
              anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = s
    for m in sep.finditer(text, s, e):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, e))
    if len(parts) < 2:
        return [(s, e)]
    anchored = [p for p in parts if anchor.search(text, p[0], p[1])]
    if len(anchored) < 2:
        return [(s, e)]
    return anchored


def _split_commas(text: str, s: int, e: int, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """"June 17, two days" is two expressions; "Friday, July 21, 2017" is one."""
    m = _COMMA_SEP.search(text, s, e)
    if not m:
        return [(s, e)]
    right = text[m.end():e]
    if re.match(r"\d{4}\b|\w+\s+\d{4}\b|[A-Z][a-z]+\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z]", right):
        return [(s, e)]  # the rest of the same date
    left = text[s:m.start()].lower()
    if left in ("today", "yesterday", "tomorrow", "tonight"):
        return [(s, m.start()), *_split_commas(text, m.end(), e, anchor)]
    if anchor.search(text, s, m.start()) and anchor.search(text, m.end(), e):
        return [(s, m.start()), *_split_commas(text, m.end(), e, anchor)]
    return [(s, e)]


def _trimmed(text: str, s: int, e: int) -> tuple[int, int] | None:
    while True:
        piece = text[s:e]
        lead = _LEAD.match(piece)
        trail = _TRAIL.search(piece)
        ns = s + (lead.end() if lead else 0)
        ne = s + (trail.start() if trail else len(piece))
        ns += len(text[ns:ne]) - len(text[ns:ne].lstrip())
        ne -= len(text[ns:ne]) - len(text[ns:ne].rstrip())
        if ns >= ne:
            return None
        if (ns, ne) == (s, e):
            return _closed(text, s, e)
        s, e = ns, ne


def _closed(text: str, s: int, e: int) -> tuple[int, int]:
    """Keep the closing bracket of "6:40 p.m. (GMT +8)" that trimming took off."""
    if text.count("(", s, e) > text.count(")", s, e):
        m = re.match(r"\s*\)", text[e:e + 3])
        if m:
            return s, e + m.end()
    return s, e


def _before_finite_verb(doc: Any, text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """spaCy's DATE spans sometimes run on into the clause: "the 1990s ended"."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None:
        return span
    for tok in toks[1:]:
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return _trimmed(text, span[0], tok.idx)
    lead = 0
    if len(toks) > 2 and toks[0].tag_ == "MD" and toks[0].text.islower():
        # "[may last] months": a modal and the verb after it (the parser may call it "JJ")
        lead = 1 if toks[1].tag_ in ("DT", "CD", "PRP$") else 2
    elif (len(toks) > 1 and toks[0].i > 0 and doc[toks[0].i - 1].tag_ == "MD"
          and toks[0].tag_ not in ("DT", "CD", "PRP$")):
        lead = 1  # "may [last months]"
    if lead:
        return _trimmed(text, toks[lead].idx, span[1])
    return span


def _is_count(doc: Any, text: str, span: tuple[int, int]) -> bool:
    """"1709 schoolchildren": a number spaCy took for a year."""
    if not _YEAR.match(text[span[0]:span[1]]):
        return False
    tok = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tok is None or len(tok) != 1:
        return False
    t = tok[0]
    if not t.text.isdigit():  # the token runs past the year: "2005–2015", "1430/2019"
        return False
    year = int(t.text)
    return (t.dep_ == "nummod" and t.head.tag_ == "NNS" and not 1900 <= year <= 2100
            and not any(c.dep_ == "det" for c in t.head.children))


def _is_noun_modifier(doc: Any, text: str, span: tuple[int, int], lx: Lexicon) -> bool:
    """A lone season or unit word modifying a noun: "winter wheat", "new year celebrations"."""
    word = text[span[0]:span[1]].lower()
    if word not in lx.seasons and word not in lx.units:
        return False
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or len(toks) != 1:
        return False
    tok = toks[0]
    if tok.i > 0 and doc[tok.i - 1].tag_ in ("DT", "PRP$", "POS"):
        return False  # "their Autumn meetings": the meetings of a particular autumn
    return tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def has_time_word(text: str) -> bool:
    """Whether a span names a time at all (for dropping spaCy's stray DATE spans)."""
    _, anchor, _ = _patterns()
    lx = lexicon()
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(anchor.search(text) or any(lx.unit_of(w) for w in words)
                or words & set(lx.parts_of_day) or words & set(lx.seasons))


_FRACTION = re.compile(r"(?i:^(?:a|one)[- ](?:quarter|half|third)$)")
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z&.]*)[ \t]+$")


def _in_name(text: str, s: int, e: int, lx: Lexicon) -> bool:
    """A year-like number inside a capitalised name: "the Russell 2000 Index", "Windows 2000 Server"."""
    m = _NAME_BEFORE.search(text, max(0, s - 30), s)
    if not m or not re.match(r"[ \t]+[A-Z]", text[e:e + 3]):
        return False
    word = m.group(1).lower().rstrip(".")
    return word not in lx.months and word not in lx.weekdays and word not in lx.seasons


def _rejected(text: str, span: tuple[int, int], lx: Lexicon, bare_number: re.Pattern[str]) -> bool:
    s, e = span
    piece = text[s:e]
    low = piece.lower()
    if not any(c.isalnum() for c in piece) or _MONEY.search(piece):
        return True
    if _ORDINAL_MINUTE.match(piece) or _BARE_HALF.match(piece):
        return True
    if bare_number.match(low) and not _YEAR.match(piece):
        return True  # "eighteen", "60": a number, not a time
    # ages: "65 years old", "nine-month-old", "aged 14", "the age of 56"
    words = re.findall(r"[a-z]+", low)
    if words and words[-1] == "old" or "-old" in low or re.match(r"(?:the )?ages? (?:of )?", low):
        return True
    if _YEAR.match(piece) and _in_name(text, s, e, lx):
        return True
    if _FRACTION.match(piece) and (re.search(r"(?i:\b(?:or|about|nearly|almost|roughly|some|than)\s+$)",
                                             text[max(0, s - 8):s])
                                   or re.match(r"\s*,?\s*of\s+(?!\d)", text[e:e + 12])):
        return True  # "about a quarter of its dealers": a fraction
    before = text[max(0, s - 12):s].lower()
    after = text[e:e + 5].lower()
    return bool(re.search(r"\b(?:aged?|ages|age of)\s*$", before) or re.match(r"\s*(?:-\s*)?old\b", after))


@lru_cache(maxsize=1)
def _rewrite_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    num = lx.number_re
    return (re.compile(rf"^([\d.,]+\s+(?:times\s+)?)(?:a|an|per)\s+({lx.unit_re})$", re.IGNORECASE),
            re.compile(rf"^({lx.month_re})\s+of\s+((?:next|last|this)\s+year)$", re.IGNORECASE),
            re.compile(rf"^({num})(\s*(?:--?|–|\bto\b|\band\b|\bor\b)\s*)({num})\s+({lx.unit_re})$",
                       re.IGNORECASE))


def _rewritten(text: str, span: tuple[int, int], lx: Lexicon) -> list[Candidate]:
    """"15 a year" is a frequency: keep "a year" and read it as "per year"."""
    s, e = span
    piece = text[s:e]
    per, month_of, shared_unit = _rewrite_patterns()
    m = shared_unit.match(piece)
    if m:  # "60 and 90 days", "two to three years": each end takes the unit
        unit = m.group(4)
        return [Candidate(s, s + m.end(1), f"{m.group(1)} {unit}"),
                Candidate(s + m.start(3), e, f"{m.group(3)} {unit}")]
    m = per.match(piece)
    if m:
        return [Candidate(s + len(m.group(1)), e, "per " + m.group(2))]
    m = month_of.match(piece)
    if m:  # "October of next year": two expressions, the month read in the year's light
        return [Candidate(s, s + m.end(1), f"{m.group(1)} {m.group(2)}"),
                Candidate(s + m.start(2), e, m.group(2))]
    return [Candidate(s, e, piece)]


# --- tense -------------------------------------------------------------------------------

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll", "’ll"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "aim", "intend", "hope", "go",
                 "prepare", "propose", "slate", "want", "seek", "agree", "promise", "vow",
                 "threaten", "pledge", "decide", "wish"}
_PAST_AUX = {"has", "have", "had", "'s", "'ve", "was", "were", "did"}


def tense_direction(doc: Any, start: int, end: int, text: str) -> str | None:
    """PAST / FUTURE from the verb that governs the span; None when the parse does not say."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    direction = verb_direction(tok)
    if direction != FUTURE and re.search(r"(?i:\b(?:until|till|by)\s+$)", text[max(0, start - 7):start]):
        # "closed until Friday", "by early June"; "has kept markets closed until Friday" runs
        # on from now, unlike a simple or pluperfect past ("stayed shut until Friday")
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if direction is None or (tok.tag_ != "VBD" and tok.head.tag_ != "VBD"
                                 and not any(c.tag_ == "VBD" for c in aux)):
            return FUTURE
    return direction


def verb_direction(verb: Any, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & _FUTURE_AUX or "Fut" in verb.morph.get("Tense"):
        return FUTURE
    if verb.lemma_ in ("schedule", "slate", "due", "plan") and "to" not in lowers:
        return FUTURE  # "a hearing has been scheduled for June 3"
    if "to" in lowers:
        head = verb.head
        if head.lemma_ in _FUTURE_HEADS or head.lemma_ == "be":
            return FUTURE
        if head.i != verb.i and depth < 3:
            return verb_direction(head, depth + 1)
        return None
    if lowers & {"has", "have", "had", "'ve"} or verb.tag_ == "VBD":
        return PAST
    if any("Past" in c.morph.get("Tense") for c in auxes):
        return PAST
    if verb.tag_ == "VBN" and not auxes:
        return PAST  # "plans announced in January", headline "Boeing forced to delay ..."
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ in ("VBZ", "VBP"):
        return FUTURE  # "plans to", "is due"
    return None
