"""Normalisation rules that lean on context or on named days: anaphoric expressions ("the year
before", "the same period last year": the stage swaps in the time named before them), phrases
built on the reference's unit ("the seventh straight day"), and holidays. A mixin of
``timex_norm.Normalizer``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.stages.timex_calendar import UNRESOLVED, Norm, day_value, shift, unit_value
from dateline.stages.timex_holidays import holiday_date, nearest
from dateline.stages.timex_lexicon import Lexicon

Rule = Callable[[re.Match[str], dt.date | None, str | None], Norm | None]


class ContextRules:
    lx: Lexicon
    _fallbacks: list[tuple[re.Pattern[str], Rule]]
    _duration: Rule
    _weekday: Rule

    def _context_fallbacks(self, num: str, unit: str) -> list[tuple[re.Pattern[str], Rule]]:
        """Tried last, when no rule and not dateparser read a phrase: "a second consecutive
        day", "their best week" (the reference's day or week), "years ago" (PAST_REF)."""
        ordinal = "|".join(re.escape(w) for w in sorted(self.lx.ordinals, key=len, reverse=True))
        return [(re.compile(p + r"$"), f) for p, f in [
            ((rf"(?:the |a |an )?(?:{ordinal}|\d+(?:st|nd|rd|th)?) (?:straight |consecutive |successive )?"
              r"(?P<unit>day|session|week|month|year)(?: in a row| running)?"), self._this_unit),
            (rf"(?P<n>{num}) (?:straight |consecutive |successive )?(?P<unit>{unit}) (?:in a row|running)",
             self._duration),
            ((r"(?P<vague>(?:the )?(?:many |several |a few |few )?(?:years|months|decades|weeks|days) "
              r"(?:ago|back|before|earlier|ahead|to come))"), self._vague_plural),
            ((r"(?:the|a|an|this|that|their|its|our|his|her|my|your) (?:[a-z-]+ ){1,3}"
              r"(?P<unit>day|week|month|year)"), self._this_unit),
            # "(by) the end of the day Saturday": the weekday at the end says which day
            (rf".* (?P<mod>)(?P<wd>{self.lx.weekday_re})(?P<pod>)", self._weekday),
        ]]

    def _fallback(self, t: str, ref: dt.date | None, direction: str | None) -> Norm | None:
        for pattern, rule in self._fallbacks:
            m = pattern.match(t)
            if m:
                return rule(m, ref, direction)
        return None

    def _this_unit(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        """"the seventh straight day", "a pivotal year": the reference's day (or the day named
        nearby) or its week, month, year."""
        unit = {"session": "D", "day": "D", "week": "W", "month": "M", "year": "Y"}[m.group("unit")]
        if ref is None:
            value, prec = unit_value(dt.date(2000, 1, 1), unit)
            return Norm("DATE", re.sub(r"\d", "X", value), prec, False)
        value, prec = unit_value(ref, unit)
        return Norm("DATE", value, prec, borrowed_day=unit == "D")

    def _vague_plural(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        ahead = m.group("vague").endswith(("ahead", "to come"))
        return Norm("DATE", "FUTURE_REF" if ahead else "PAST_REF", None)

    def _holiday(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        rule = self.lx.holidays[m.group("hol")]
        if rule is None:  # "Black Monday": a name, not a date we can place
            return Norm("DATE", UNRESOLVED, "day", ref is not None)
        day = None
        if m.group("y"):
            day = holiday_date(rule, int(m.group("y")))
        elif ref is not None:
            day = nearest(rule, ref, d)
        if day is None:
            return Norm("DATE", UNRESOLVED, "day", False)
        return Norm("DATE", day_value(day), "day")

    def _same_last_year(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        """"the same period last year": the period last named, a year back (the stage finds
        it); without one, the reference's month a year back."""
        if ref is None:
            return Norm("DATE", "XXXX-XX", "month", False, anaphor=("same", -1))
        unit = "Q" if m.group("unit") == "quarter" else "W" if m.group("unit") == "week" else "M"
        value, prec = unit_value(shift(ref, "Y", -1), unit)
        return Norm("DATE", value, prec, anaphor=("same", -1))

    def _anaphoric(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        """"the year before", "the next day": a step from the time last named (the stage finds
        it); without one, from the reference."""
        unit = "Y" if (m.group("unit") or m.group("unit2")) == "year" else "D"
        word = m.group("dir") or m.group("dir2")
        step = 1 if word in ("after", "later", "following", "next") else -1
        if ref is None:
            value = "XXXX" if unit == "Y" else UNRESOLVED
            return Norm("DATE", value, "year" if unit == "Y" else "day", False, anaphor=(unit, step))
        value, prec = unit_value(shift(ref, unit, step), unit)
        return Norm("DATE", value, prec, anaphor=(unit, step))

    def _anaphoric_year(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        """"the entire year": the year last named, else the reference's."""
        if ref is None:
            return Norm("DATE", "XXXX", "year", False, anaphor=("Y", 0))
        return Norm("DATE", f"{ref.year:04d}", "year", anaphor=("Y", 0))
