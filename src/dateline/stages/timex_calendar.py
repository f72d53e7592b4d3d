"""Calendar arithmetic for TIMEX3 values: choosing the year of "16 October", the week of
"last week", the day of "on Monday", and dateparser as the fallback for other layouts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PAST, FUTURE = "past", "future"
UNRESOLVED = "XXXX-XX-XX"  # a time expression whose value could not be worked out


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised time expression."""

    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    precision: str | None = None
    anchored: bool = True
    borrowed_day: bool = False  # the day part is the reference's; a day named nearby is better
    # anaphoric: (what, offset) read against the last time named before it, the value being
    # the fallback read against the reference: ("Y", -1) "the year before", ("D", 1) "the next
    # day", ("same", -1) "the same period last year" (the last period named, a year back)
    anaphor: tuple[str, int] | None = None


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def shift(ref: dt.date, unit: str, n: int) -> dt.date:
    """ref moved by n units (D, W, M, Y, Q, 10Y...); months clamp to the month's end."""
    if unit.endswith("D"):
        return ref + dt.timedelta(days=n)
    if unit.endswith("W"):
        return ref + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "10Y": 120, "100Y": 1200, "1000Y": 12000}.get(unit)
    if months is None:
        return ref
    y, m = add_months(ref.year, ref.month, n * months)
    for day in (ref.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue
    return dt.date(y, m, 28)


def unit_value(ref: dt.date, unit: str) -> tuple[str, str]:
    """The calendar unit containing ref, as (value, precision)."""
    if unit.endswith("D"):
        return day_value(ref), "day"
    if unit.endswith("W"):
        return week_value(ref), "week"
    if unit == "M":
        return month_value(ref.year, ref.month), "month"
    if unit == "Q":
        return f"{ref.year:04d}-Q{(ref.month - 1) // 3 + 1}", "quarter"
    if unit == "10Y":
        return f"{ref.year // 10:03d}", "decade"
    if unit == "100Y":
        return f"{ref.year // 100:02d}", "century"
    return f"{ref.year:04d}", "year"


def _fmt_amount(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """P2Y, PT30M, PXM (n None = vague), P10Y for decades."""
    clock = unit.startswith("T")
    base = unit[1:] if clock else unit
    mult = 1
    m = re.match(r"(\d+)([A-Z])$", base)
    if m:
        mult, base = int(m.group(1)), m.group(2)
    if n is None:
        amount = "X"
    else:
        value = n * mult
        if n == 0.5 and clock and base == "H":
            return "PT30M"
        if n == 0.5 and not clock and base in "YMWD":  # half a year -> P6M, half a day -> PT12H
            sub = {"Y": ("M", 6), "M": ("D", 15), "W": ("D", 3.5), "D": ("TH", 12)}[base]
            return duration_value(sub[1], sub[0])
        amount = _fmt_amount(value)
    return f"PT{amount}{base}" if clock else f"P{amount}{base}"


def pick_year(month: int, day: int | None, ref: dt.date, direction: str | None) -> int:
    """The year of a date written without one.

    Past tense: the latest such date not after the reference; future tense: the earliest not
    before it; otherwise the one nearest the reference (news rarely reaches six months away).
    """
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day or 1)
        except ValueError:
            continue
        if day is None:  # month precision: compare months, not days
            diff = (year * 12 + month) - (ref.year * 12 + ref.month)
            diff_days = diff * 30.5
        else:
            diff_days = (cand - ref).days
        if direction == PAST and diff_days > 0:
            continue
        if direction == FUTURE and diff_days < -30:  # "is to run from January 23" (5 days ago)
            continue
        score = abs(diff_days) + (0.5 if diff_days > 0 else 0)  # ties go to the past
        if best is None or score < best[0]:
            best = (score, year)
    return best[1] if best else ref.year


def weekday_date(weekday: int, ref: dt.date, direction: str | None, shift_weeks: int = 0) -> dt.date:
    """The date of a weekday (ISO 1-7) named in a report dated ref.

    News weekdays point to the past week (the reference day itself included); with a future
    verb to the coming one (the reference day excluded: "will meet on Monday" said on a Monday
    means next week). ``shift_weeks`` handles "last Monday" (-1) / "next Monday" (+1).
    """
    delta = (ref.isoweekday() - weekday) % 7
    if direction == FUTURE or shift_weeks > 0:
        ahead = (weekday - ref.isoweekday()) % 7 or 7
        d = ref + dt.timedelta(days=ahead)
        return d + dt.timedelta(weeks=max(shift_weeks - 1, 0))
    d = ref - dt.timedelta(days=delta)
    if shift_weeks < 0 and delta == 0:
        d -= dt.timedelta(weeks=1)
    return d


def season_year(season: str, ref: dt.date, direction: str | None) -> int:
    """Year of a bare season name: the current one, or the nearest one in the tense's direction."""
    start = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}[season]  # mid-season months
    return pick_year(start, None, ref, direction)


@lru_cache(maxsize=4096)
def dateparser_norm(text: str) -> Norm | None:
    """dateparser for full dates in layouts the rules do not cover ("14.11.2016",
    "2016/11/14", "Nov 14th, 2016 at 10 am", ...).

    Only dates that carry their year are taken from it: for anything relative, dateparser
    would fill the missing parts from today's date, which must never leak into a value.
    """
    if not re.search(r"\d{4}|'\d\d\b", text):
        return None
    try:
        data = _parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError, KeyError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "time":
        return Norm("TIME", d.strftime("%Y-%m-%dT%H:%M"), "minute")
    if period == "month":
        return Norm("DATE", month_value(d.year, d.month), "month")
    if period == "year":
        return Norm("DATE", f"{d.year:04d}", "year")
    if period == "week":
        return Norm("DATE", week_value(d.date()), "week")
    return Norm("DATE", day_value(d.date()), "day")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "REQUIRE_PARTS": ["year"],
    })
