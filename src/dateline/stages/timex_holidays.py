"""Named days ("Christmas", "Good Friday", "Thanksgiving") from ``holidays`` in the time
lexicon: finding them in text and dating them in the year nearest the reference date."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateline.stages.timex_calendar import FUTURE, PAST
from dateline.stages.timex_lexicon import lexicon

_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday (the Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The date of a holiday rule (see the lexicon) in a given year."""
    m = re.fullmatch(r"(\d\d)-(\d\d)", rule)
    if m:
        return dt.date(year, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"easter([+-]\d+)", rule)
    if m:
        return easter(year) + dt.timedelta(days=int(m.group(1)))
    m = re.fullmatch(r"(\d\d)/(-?\d)/([a-z]{3})([+-]\d+)", rule)
    if not m:
        return None
    month, nth, weekday, plus = int(m.group(1)), int(m.group(2)), _WEEKDAYS[m.group(3)], int(m.group(4))
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return day + dt.timedelta(days=plus)


def nearest(rule: str, ref: dt.date, direction: str | None) -> dt.date | None:
    """The holiday's date nearest the reference in the tense's direction ("Christmas sales
    rose" in January: the last Christmas)."""
    best: tuple[int, dt.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        day = holiday_date(rule, year)
        if day is None:
            continue
        diff = (day - ref).days
        if (direction == PAST and diff > 0) or (direction == FUTURE and diff < 0):
            continue
        score = abs(diff)
        if best is None or score < best[0]:
            best = (score, day)
    return best[1] if best else None


@lru_cache(maxsize=1)
def holiday_pattern() -> re.Pattern[str] | None:
    """Capitalised holiday names in running text ("Christmas", "New Year's Eve")."""
    names = lexicon().holidays
    if not names:
        return None
    alts = []
    for name in sorted(names, key=len, reverse=True):
        words = [re.escape(w[:1].upper() + w[1:]).replace("'", "['’]") for w in name.split()]
        alts.append(r"\s+".join(words))
    # not a place or thing named after the day: "Christmas Island", "the Easter Rising"
    return re.compile(rf"\b(?:{'|'.join(alts)})\b(?!\s+(?:Island|Islands|Rising|Offensive|eggs?)\b)"
                      rf"(?:\s+\d{{4}}\b)?")
