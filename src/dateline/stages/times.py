"""Time expressions (TIMEX3 values) and the date of each event.

The reference date that relative expressions ("on Monday", "last week", "16 October") are read
against is, in this order:

1. the article's publication date (metadata or ``--date``);
2. a date printed on a line of its own in the first lines (the dateline line of wire copy and
   Wikinews: "Friday, July 21, 2017"), or the dateline's own date text when it has a year;
3. a full date (day, month and year) in the first sentence.

Without one, relative expressions keep their text, get an X-filled value (``XXXX-WXX-1``,
``XXXX-10-16``) and ``anchored=False``: today's date is never used.

``event_date`` picks, for an event, the date/time expression that governs its trigger in the
dependency parse, else the nearest one in its sentence attached to a verb that dominates the
trigger ("said on Monday that ..."), else the day or month a time-less sentence carries over from
the sentence before it in the same paragraph ("... said on Monday. | He made the remarks in a
meeting ..."; basis ``previous``), else the reference date. Durations, sets and vague
references (PAST_REF ...) date nothing; "since June 2014" dates the event by its start, June
2014, because the timex is "June 2014" itself.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from dateline.pipeline.stage import Stage
from dateline.records import Analysis, Article, Event, EventDate, TimeRef
from dateline.stages.timex_calendar import Norm, dateparser_norm
from dateline.stages.timex_find import Candidate, find_candidates, has_time_word, tense_direction
from dateline.stages.timex_lexicon import lexicon
from dateline.stages.timex_norm import UNRESOLVED, normalize

_DATE_VALUE = re.compile(r"^[\dX]")  # a calendar value, not P.../PRESENT_REF


@dataclass(frozen=True, slots=True)
class Reference:
    """The date relative expressions are read against, and where it came from."""

    date: dt.date
    source: str  # article | dateline | text
    start: int = -1
    end: int = -1
    text: str = ""


def _full_date_re() -> re.Pattern[str]:
    lx = lexicon()
    mon = lx.month_re
    wd = lx.weekday_re
    return re.compile(
        rf"(?i:(?:{wd}),?\s+)?(?i:(?:{mon})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{mon}),?\s+\d{{4}})|\b\d{{4}}-\d\d-\d\d\b")


_FULL_DATE: re.Pattern[str] | None = None


def _parse_full(text: str) -> dt.date | None:
    norm = normalize(text, None, None)
    if norm.precision == "day" and norm.anchored and norm.value and norm.value[0].isdigit():
        return dt.date.fromisoformat(norm.value[:10])
    parsed = dateparser_norm(text)
    if parsed is not None and parsed.precision == "day" and parsed.value:
        return dt.date.fromisoformat(parsed.value[:10])
    return None


def reference_date(article: Article, first_sentence_end: int | None = None) -> Reference | None:
    """The publication date, or failing that one printed at the top (see the module doc)."""
    global _FULL_DATE
    if article.date is not None:
        return Reference(article.date, "article")
    if _FULL_DATE is None:
        _FULL_DATE = _full_date_re()
    text = article.text
    line_start = 0
    for line in text[:800].split("\n")[:4]:
        stripped = line.strip()
        m = _FULL_DATE.fullmatch(stripped) if stripped else None
        if m:
            date = _parse_full(stripped)
            if date is not None:
                start = line_start + line.index(stripped)
                return Reference(date, "text", start, start + len(stripped), stripped)
        line_start += len(line) + 1
    dl = article.dateline
    if dl is not None and dl.date_text:
        date = _parse_full(dl.date_text)
        if date is not None:
            return Reference(date, "dateline", dl.start, dl.end, dl.text)
    limit = first_sentence_end if first_sentence_end is not None else min(len(text), 300)
    m = _FULL_DATE.search(article.nlp_text, 0, limit)
    if m:
        date = _parse_full(m.group(0))
        if date is not None:
            return Reference(date, "text", m.start(), m.end(), m.group(0))
    return None


class TimeStage(Stage):
    name = "times"
    requires = ("doc",)
    provides = ("times",)

    def setup(self) -> None:
        lexicon()  # load the vocabulary and compile the rules once per process
        normalize("16 October", dt.date(2016, 11, 15), None)
        dateparser_norm("14.11.2016 10:00")  # dateparser compiles its locale tables lazily

    def process(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        article = analysis.article
        first_end = analysis.sentences[0].end if analysis.sentences else None
        ref = reference_date(article, first_end)
        ref_date = ref.date if ref else None
        found: list[tuple[Candidate, Norm]] = []
        text = article.nlp_text  # what the doc was parsed from (doc.text is rebuilt per call)
        for cand in find_candidates(doc, text):
            direction = tense_direction(doc, cand.start, cand.end, text)
            norm = normalize(cand.norm_text, ref_date, direction)
            if norm.value == UNRESOLVED and not has_time_word(cand.norm_text):
                continue  # a stray DATE span of the NER ("Portrait", "1.1.1")
            found.append((cand, norm))
        starts = [s.start for s in analysis.sentences]
        times = []
        for i, (cand, norm) in enumerate(found):
            value, precision, anchored = norm.value, norm.precision, norm.anchored
            if norm.borrowed_day and norm.anchored and value:
                day = _day_nearby(found, i, starts)
                if day is not None:
                    value = day + value[10:]
                    found[i] = (cand, replace(norm, value=value))
            if norm.anaphor is not None:
                resolved = _antecedent(found, i, norm.anaphor)
                if resolved is not None:
                    if norm.type == "TIME" and value:
                        value = resolved[0][:10] + value[10:]  # keep the clock time
                    else:
                        value, precision = resolved
                    anchored = True
                    found[i] = (cand, replace(norm, value=value, precision=precision, anchored=True))
            times.append(TimeRef(
                start=cand.start, end=cand.end, text=article.text[cand.start:cand.end],
                type=norm.type, value=value, precision=precision, anchored=anchored,
            ))
        return analysis.with_(self.name, times=tuple(times))


_CALENDAR = re.compile(r"^\d{4}(?:-|$)")


def _antecedent(found: list[tuple[Candidate, Norm]], i: int,
                anaphor: tuple[str, int]) -> tuple[str, str] | None:
    """(value, precision) of an anaphoric expression read against the last calendar time named
    before it: "the year before" (Y, -1), "the next day" (D, 1), "the same period last year"
    (same, -1: that period, a year back). None when nothing fits: the reference reading stays."""
    what, step = anaphor
    for cand, norm in reversed(found[:i]):
        value = norm.value or ""
        if not _CALENDAR.match(value) or norm.type not in ("DATE", "TIME"):
            continue
        if what == "Y":
            return f"{int(value[:4]) + step:04d}", "year"
        if what == "D":
            if norm.precision not in ("day", "minute", "part_of_day"):
                continue
            day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=step)
            return day.isoformat(), "day"
        if norm.precision in ("year", "decade", "century", None):
            continue  # "the same period" needs a period shorter than the year
        moved = f"{int(value[:4]) + step:04d}" + value[4:]
        if norm.precision in ("day", "minute", "part_of_day"):
            moved = moved[:10]
            try:
                dt.date.fromisoformat(moved)
            except ValueError:  # 29 February
                moved = moved[:8] + "28"
            return moved, "day"
        return moved, norm.precision
    return None


def _day_nearby(found: list[tuple[Candidate, Norm]], i: int, starts: list[int]) -> str | None:
    """The day a clock time, "morning" or "the day" belongs to: the nearest day named in the
    same sentence, else (not for clock times) the last day named before it."""
    here = found[i][0]
    sent = bisect_right(starts, here.start)
    best: tuple[int, str] | None = None
    last_before: str | None = None
    for j, (cand, norm) in enumerate(found):
        if j == i or norm.borrowed_day or norm.precision != "day" or not norm.value:
            continue
        if not norm.value[:4].isdigit():
            continue
        if bisect_right(starts, cand.start) == sent:
            dist = abs(cand.start - here.start)
            if best is None or dist < best[0]:
                best = (dist, norm.value[:10])
        if cand.start < here.start:
            last_before = norm.value[:10]
    if best is not None:
        return best[1]
    return None if found[i][1].precision == "minute" else last_before


# --- event dates ---------------------------------------------------------------------------


def token_at(doc: Any, start: int, end: int) -> Any:
    """The root token of the characters start..end (or the token holding ``start``)."""
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    for tok in doc:
        if tok.idx <= start < tok.idx + len(tok.text):
            return tok
    return None


def _attachment(doc: Any, t: TimeRef, trigger: Any) -> tuple[bool, Any]:
    """(governs the trigger, the verb the time hangs on)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False, None
    tok = span.root
    for _ in range(8):
        if tok.i == trigger.i:
            return True, tok
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return False, tok
        if tok.head.i == tok.i:
            return False, tok
        tok = tok.head
    return False, tok


def _distance(t: TimeRef, event: Event) -> int:
    if t.end <= event.trigger.start:
        return event.trigger.start - t.end
    return max(0, t.start - event.trigger.end)


def _as_event_date(t: TimeRef, basis: str) -> EventDate:
    return EventDate(value=t.value, text=t.text, start=t.start, end=t.end,
                     precision=t.precision, basis=basis)


def _fronted_times(analysis: Analysis, sent_start: int) -> list[TimeRef]:
    """Times of a verbless fragment the parser split off the front of the sentence
    ("Back in August, | Iran's security chief and ... met"): they belong to what follows."""
    prev = None
    for s in analysis.sentences:
        if s.end <= sent_start:
            prev = s
        else:
            break
    if prev is None or analysis.article.text[prev.end:sent_start].count("\n") > 0:
        return []
    span = analysis.doc.char_span(prev.start, prev.end, alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
        return []
    if analysis.article.text[prev.start:prev.end].rstrip()[-1:] in ".!?":
        return []  # a full stop: a sentence of its own (a headline, a caption)
    return [t for t in analysis.times
            if t.type in ("DATE", "TIME") and t.value and _DATE_VALUE.match(t.value)
            and prev.start <= t.start and t.end <= prev.end]


_CARRY_PRECISIONS = {"minute", "part_of_day", "day", "weekend", "week", "month"}


def _carried_over(analysis: Analysis, start: int, end: int, back: int = 3) -> TimeRef | None:
    """The time a sentence without any time expression continues: "X said on Monday that ...
    | X made the remarks in a meeting with Y." dates the meeting Monday. The last day, week or
    month named in the nearest earlier sentence of the same paragraph that names a time at all
    (at most ``back`` sentences up); None when that sentence names only durations, years or
    vague times, or when the sentence itself names any time."""
    times = analysis.times
    if any(start <= t.start and t.end <= end for t in times):
        return None
    text = analysis.article.text
    earlier = [s for s in analysis.sentences if s.end <= start][-back:]
    boundary = start
    for s in reversed(earlier):
        if "\n" in text[s.end:boundary]:
            return None  # a new paragraph starts after this sentence
        inside = [t for t in times if s.start <= t.start and t.end <= s.end]
        if inside:
            dated = [t for t in inside if t.type in ("DATE", "TIME") and t.value and t.anchored
                     and _DATE_VALUE.match(t.value) and t.precision in _CARRY_PRECISIONS]
            return dated[-1] if dated else None
        boundary = s.start
    return None


def event_date(analysis: Analysis, event: Event) -> EventDate | None:
    """The date of an event: governing time expression, else sentence, else article date."""
    sent = event.sentence
    in_sentence = [
        t for t in analysis.times
        if t.type in ("DATE", "TIME") and t.value and _DATE_VALUE.match(t.value)
        and sent.start <= t.start and t.end <= sent.end
    ]
    doc = analysis.doc
    fronted = _fronted_times(analysis, sent.start) if doc is not None else []
    if (in_sentence or fronted) and doc is not None:
        trigger = token_at(doc, event.trigger.start, event.trigger.end)
        if trigger is not None:
            governing: list[TimeRef] = []
            dominating: list[TimeRef] = list(fronted)
            ancestors = {trigger.i} | {a.i for a in trigger.ancestors}
            for t in in_sentence:
                governs, verb = _attachment(doc, t, trigger)
                if governs:
                    governing.append(t)
                elif verb is not None and verb.i in ancestors:
                    dominating.append(t)
            for found, basis in ((governing, "governing"), (dominating, "sentence")):
                if found:
                    return _as_event_date(min(found, key=lambda t: _distance(t, event)), basis)
    elif in_sentence:
        return _as_event_date(min(in_sentence, key=lambda t: _distance(t, event)), "sentence")
    carried = _carried_over(analysis, sent.start, sent.end)
    if carried is not None:
        return _as_event_date(carried, "previous")
    first_end = analysis.sentences[0].end if analysis.sentences else None
    ref = reference_date(analysis.article, first_end)
    if ref is None:
        return None
    return EventDate(value=ref.date.isoformat(), text=ref.text, start=ref.start, end=ref.end,
                     precision="day", basis="article")
