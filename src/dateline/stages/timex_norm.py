"""Normalise a time expression to a TIMEX3 type, value and precision.

Rules for the patterns news uses (weekdays, "last week", "16 October", "two years ago",
"the third quarter of 2009", "recent months", "every week", "now"), then dateparser for full
dates in other layouts. Relative expressions need the reference (publication) date; without
one they get an ``X``-filled value and ``anchored=False`` instead of a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from dateline.stages.timex_calendar import (
    FUTURE,
    PAST,
    UNRESOLVED,
    Norm,
    add_months,
    dateparser_norm,
    day_value,
    duration_value,
    month_value,
    pick_year,
    season_year,
    shift,
    unit_value,
    weekday_date,
)
from dateline.stages.timex_context import ContextRules
from dateline.stages.timex_lexicon import Lexicon, lexicon

_REL_UNIT = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q",
             "decade": "10Y", "century": "100Y", "day": "D"}
_TZ = r"(?:utc|gmt|z|[ecmp][sd]t|bst|cet|cest|ist|ast|irst)"

Rule = Callable[[re.Match[str], dt.date | None, str | None], Norm | None]


def clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = t.replace("[", "").replace("]", "")
    t = re.sub(r"\s+", " ", t).strip(" ,.;:()[]\"").rstrip("'")
    t = re.sub(r"\s*'s$|\s+s$", "", t)  # "this year 's", "year s"
    t = re.sub(r"(?<=\w) - (?=\w)", "-", t)  # tokenised hyphens: "fifty - year"
    t = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", t)
    return t


def _num(lx: Lexicon, s: str | None) -> float | None:
    if s is None:
        return None
    s = s.strip()
    if s.endswith(" and a half"):
        base = _num(lx, s[: -len(" and a half")])
        return None if base is None else base + 0.5
    return lx.number_of(s)


def _alt_words(words: dict[str, int] | dict[str, str | None]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class Normalizer(ContextRules):
    """Compiled rules over the lexicon; ``normalize`` is pure and cached per (text, ref, dir)."""

    def __init__(self, lx: Lexicon) -> None:
        self.lx = lx
        mon, wd, num, unit = lx.month_re, lx.weekday_re, lx.number_re, lx.unit_re
        self._num_re, self._unit_re = num, unit
        pod = "|".join(lx.parts_of_day)
        seasons = "|".join(lx.seasons)
        self.rules: list[tuple[re.Pattern[str], Rule]] = [(re.compile(p + r"$"), f) for p, f in [
            (r"(?P<ref>" + "|".join(re.escape(k) for k in sorted(lx.refs, key=len, reverse=True))
             + ")", self._vague),
            (rf"(?P<set>{'|'.join(lx.sets)})", self._set_word),
            (rf"(?P<hol>{_alt_words(lx.holidays)})(?: (?P<y>\d{{4}}))?", self._holiday),
            (rf"(?:every|each|per|once a|twice a|(?:{num}) times a) (?:other )?(?:(?P<n>{num}) )?(?P<unit>{unit})",
             self._set_every),
            ((rf"(?:(?P<wd>{wd})|(?P<rel>today|tonight|yesterday|tomorrow))?,? ?(?:at )?"
             rf"(?P<h>\d{{1,2}})(?::(?P<m>\d\d))? ?(?P<ap>[ap]\.?m\.?)?"
             rf"(?: ?\(? ?(?P<tz>{_TZ})(?: ?(?P<off>[+-]\d+))? ?\)?)?,?"
             rf"(?: (?:on )?(?P<wd2>{wd})| (?P<rel2>today|tonight|yesterday|tomorrow)|"
             rf" (?P<ana>the (?:next|following|previous) day|the day (?:before|after)))?"),
             self._clock),
            (rf"(?P<h>[0-2]\d)(?P<m>[0-5]\d) ?(?P<tz>{_TZ})", self._clock),
            (r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)", self._iso),
            (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})", self._slashed),
            (rf"(?:(?P<wd>{wd}),? )?(?P<mon>{mon}) (?P<d>\d{{1,2}})(?:,? (?P<y>\d{{4}}))?", self._mdy),
            (rf"(?:(?P<wd>{wd}),? )?(?:the )?(?P<d>\d{{1,2}}) (?:of )?(?P<mon>{mon}),?(?: (?P<y>\d{{4}}))?",
             self._mdy),
            (rf"(?P<mon>{mon}),? (?:of )?(?P<y>\d{{4}}|(?:this|last|next) year)", self._month_year),
            (rf"(?:(?P<rel>last|next|this|past) )?(?P<mon>{mon})", self._month),
            (r"(?:fiscal|fy) ?(?P<y>\d{4})|fy(?P<yy>\d\d)", self._fiscal),
            ((r"(?:the )?(?:(?P<y>\d{4}) (?:model |calendar |school |academic )?year|year (?P<y2>\d{4})|"
             r"(?P<y3>1\d{3}|20\d\d|21\d\d))"), self._year),
            (r"'(?P<yy>\d\d)", self._year),
            (r"(?:the )?(?:(?P<c>1\d|20)|')?(?P<dec>\d)0'?s", self._decade),
            (r"(?:the )?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
             self._decade),
            (r"(?:the )?(?P<c>\d{1,2})(?:st|nd|rd|th)? century|(?:the )?(?P<word>\w+(?:-\w+)?) century",
             self._century),
            ((r"(?:the )?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter|"
             r"q(?P<q>[1-4]))(?: (?:of )?(?P<y>\d{4}|(?:this|last|next) year))?(?: results)?"),
             self._quarter),
            (r"(?:the )?(?P<ord>first|second|1st|2nd) half(?: (?:of )?(?P<y>\d{4}|(?:this|last|next) year))?",
             self._half),
            ((rf"(?:(?P<rel>this|last|next|this past|the past|the coming|the last|the next|"
             rf"the same|the previous|the following)"
             rf" )?(?P<season>{seasons})(?: (?:of )?(?P<y>\d{{4}}))?"), self._season),
            ((rf"(?P<n>{num}|a few|a couple of|several|a|an) (?P<unit>{unit}) (?P<dir>ago|earlier|before|"
             r"later|from now|hence|since)"), self._ago),
            (r"(?:the (?:start|end|beginning|middle|rest) of )?(?:the|that|the same) (?:day|date)",
             self._same_day),
            ((r"(?:during |in )?(?:the )?same (?P<unit>period|month|quarter|week|day|time|season|months|weeks) "
             r"(?:of |in )?(?:the )?(?:last year|previous year|prior year|year before|"
             r"(?:a|one) year (?:ago|earlier|before|previously))"), self._same_last_year),
            ((r"the (?P<unit>year|day) (?P<dir>before|earlier|previous|prior|after|later)|"
             r"the (?P<dir2>previous|prior|preceding|following|next) (?P<unit2>year|day)"),
             self._anaphoric),
            (r"the (?:entire|whole|full) year", self._anaphoric_year),
            ((r"(?P<rel>today|tonight|yesterday|tomorrow|the day before yesterday|"
             r"the day after tomorrow)"), self._relday),
            ((rf"(?:(?P<mod>earlier|later|early|late) )?(?P<rel>today|tonight|yesterday|tomorrow|"
             rf"this|last|the previous|the next)(?: (?P<pod>{pod}))"), self._relday),
            ((r"(?:(?P<mod>earlier|later|early|late|the same|the end of|the beginning of|the start of|"
             r"the middle of|the rest of|the remainder of) )?"
             r"(?P<rel>this|last|next|this past|the past|the last|the next|the coming|the previous|"
             r"the following|the same|the current|the)"
             r" (?P<runit>week|weekend|month|year|quarter|decade|century|day)"
             r"(?: (?P<prev>before|earlier|previous|ago|prior))?"), self._relunit),
            ((rf"(?:(?P<mod>the )?(?:previous|past|last|next|coming|first|following|ensuing|final|"
             rf"recent|upcoming|same)? ?)?(?P<n>{num}|several|a few|few|many|some|a couple of|"
             rf"a couple|recent|couple of)?(?: and a half)?[- ]?(?:consecutive |straight |"
             rf"successive |full |working |business |long |more )?"
             rf"(?P<unit>{unit})(?:[- ](?:long|old|old|history|period))?"), self._duration),
            ((rf"(?:(?P<mod>last|next|this|the next|the following|the previous|on) )?(?P<wd>{wd})"
             rf"(?: (?P<pod>{pod}))?"), self._weekday),
            (rf"(?P<pod>{pod})", self._pod),
            (r"(?:the )?(?:(?P<rel>this|last|next) )?year[- ]end", self._year_end),
            (r"(?P<word>midnight|noon|midday)", self._clock_word),
            (r"(?:half an? (?P<u1>hour|day|year|month|week))", self._half_unit),
            (rf"(?P<unit>{unit})(?:-long)", self._duration),
        ]]
        self._prefix = re.compile(
            r"^(?:the month of |(?:the )?(?:very )?(?:end|beginning|start|middle|rest|remainder|course|latter part|"
            r"early part|early days|first days|last days) of (?:the )?|early |late |mid-?|around |"
            r"about |the |back in |almost |nearly |just |over |more than |less than |at least |"
            r"some |roughly |approximately |up to |only |exactly |earlier |later |in )")
        self._fallbacks = self._context_fallbacks(num, unit)

    # --- driver -----------------------------------------------------------------------------

    def normalize(self, text: str, ref: dt.date | None, direction: str | None) -> Norm:
        t = clean(text)
        norm = self._match(t, ref, direction)
        if norm is None:
            m = self._prefix.match(t)
            while norm is None and m and m.end() < len(t):
                t = t[m.end():]
                norm = self._match(t, ref, direction)
                m = self._prefix.match(t)
        if norm is None:
            norm = dateparser_norm(clean(text))
        if norm is None:
            norm = self._fallback(clean(text), ref, direction)
        return norm or Norm("DATE", UNRESOLVED, None, ref is not None)

    def _match(self, t: str, ref: dt.date | None, direction: str | None) -> Norm | None:
        for pattern, rule in self.rules:
            m = pattern.match(t)
            if m:
                norm = rule(m, ref, direction)
                if norm is not None:
                    return norm
        return None

    # --- rules ------------------------------------------------------------------------------

    def _vague(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        return Norm("DATE", self.lx.refs[m.group("ref")], None)

    def _set_word(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        return Norm("SET", self.lx.sets[m.group("set")], None)

    def _set_every(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        unit = self.lx.unit_of(m.group("unit"))
        if unit is None:
            return None
        n = _num(self.lx, m.group("n")) if m.group("n") else 1.0
        return Norm("SET", duration_value(n, unit), None)

    def _clock(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        gd = m.groupdict()
        if not (gd.get("m") or gd.get("ap") or gd.get("tz")):
            return None  # a bare number is not a time
        hour = int(m.group("h"))
        ap = (gd.get("ap") or "").replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        if hour > 24 or int(gd.get("m") or 0) > 59:
            return None
        clock = f"T{hour:02d}:{int(gd.get('m') or 0):02d}"
        if gd.get("tz") in ("utc", "gmt", "z") and not gd.get("off"):  # GMT+8 is not UTC
            clock += "Z"
        wd, rel = gd.get("wd") or gd.get("wd2"), gd.get("rel") or gd.get("rel2")
        if gd.get("ana"):  # "2:30 the next day": a day from the one last named
            step = -1 if re.search(r"previous|before", gd["ana"]) else 1
            day = self._relday_norm("tomorrow" if step == 1 else "yesterday", ref)
            return Norm("TIME", f"{day.value}{clock}", "minute", day.anchored, anaphor=("D", step))
        if wd:
            day = self._weekday_norm(self.lx.weekdays[wd.rstrip(".")], 0, ref, d)
        elif rel:
            day = self._relday_norm(rel, ref)
        else:
            day = Norm("DATE", day_value(ref) if ref else UNRESOLVED, "day", ref is not None)
        return Norm("TIME", f"{day.value}{clock}", "minute", day.anchored,
                    borrowed_day=not (wd or rel))

    def _iso(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        try:
            date = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        except ValueError:
            return None
        return Norm("DATE", day_value(date), "day")

    def _slashed(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if y < 100:
            y += 2000 if y <= (ref.year % 100 if ref else 30) + 1 else 1900
        month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
        try:
            return Norm("DATE", day_value(dt.date(y, month, day)), "day")
        except ValueError:
            return None

    def _mdy(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        month = self.lx.months[m.group("mon").rstrip(".")]
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            return None
        if m.group("y"):
            year = int(m.group("y"))
        elif ref is not None:
            year = pick_year(month, day, ref, d)
        else:
            return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", False)
        try:
            return Norm("DATE", day_value(dt.date(year, month, day)), "day")
        except ValueError:
            return None

    def _rel_year(self, text: str, ref: dt.date | None) -> int | None:
        if text.isdigit():
            return int(text)
        if ref is None:
            return None
        return ref.year + {"this": 0, "last": -1, "next": 1}[text.split()[0]]

    def _month_year(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        month = self.lx.months[m.group("mon").rstrip(".")]
        year = self._rel_year(m.group("y"), ref)
        if year is None:
            return Norm("DATE", f"XXXX-{month:02d}", "month", False)
        return Norm("DATE", month_value(year, month), "month")

    def _month(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        month = self.lx.months[m.group("mon").rstrip(".")]
        if ref is None:
            return Norm("DATE", f"XXXX-{month:02d}", "month", False)
        rel = m.group("rel")
        if rel == "this":
            year = ref.year
        elif rel in ("last", "past"):
            year = pick_year(month, None, ref, PAST)
            if year == ref.year and month == ref.month:
                year -= 1
        elif rel == "next":
            year = pick_year(month, None, ref, FUTURE)
            if year == ref.year and month == ref.month:
                year += 1
        else:
            year = pick_year(month, None, ref, d)
        return Norm("DATE", month_value(year, month), "month")

    def _fiscal(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        year = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
        return Norm("DATE", f"FY{year}", "year")

    def _year(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        gd = m.groupdict()
        if gd.get("yy"):
            yy = int(gd["yy"])
            century = 2000 if ref is not None and yy <= ref.year % 100 else 1900
            return Norm("DATE", f"{century + yy}", "year")
        y = gd.get("y") or gd.get("y2") or gd.get("y3")
        return Norm("DATE", y, "year") if y else None

    def _decade(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        gd = m.groupdict()
        if gd.get("word"):
            tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                    "eighties", "nineties"].index(gd["word"]) + 2
            return Norm("DATE", f"19{tens}", "decade")
        century = gd.get("c")
        if century is None:  # "the 70s", "'90s": the most recent such decade
            dec = int(gd["dec"])
            now = ref.year if ref else 2000
            century = str(now // 100 if dec * 10 <= now % 100 else now // 100 - 1)
        return Norm("DATE", f"{century}{gd['dec']}", "decade")

    def _century(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        n = m.group("c")
        num = int(n) if n else self.lx.ordinals.get(m.group("word") or "")
        if not num:
            return None
        return Norm("DATE", f"{num - 1:02d}", "century")

    def _ordinal(self, word: str) -> int:
        return int(word[0]) if word[0].isdigit() else self.lx.ordinals[word]

    def _quarter(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        ord_ = m.group("ord")
        y = m.group("y")
        year = self._rel_year(y, ref) if y else None
        if ord_ in ("last",) and not y:  # "the last quarter": the one before the reference's
            if ref is None:
                return Norm("DATE", "XXXX-QX", "quarter", False)
            prev = shift(ref, "Q", -1)
            return Norm("DATE", unit_value(prev, "Q")[0], "quarter")
        q = int(m.group("q")) if m.group("q") else self._ordinal(ord_)
        if year is None and ref is not None and not y:
            current = (ref.month - 1) // 3 + 1
            year = ref.year - 1 if q > current and d == PAST else ref.year
        if year is None:
            return Norm("DATE", f"XXXX-Q{q}", "quarter", False)
        return Norm("DATE", f"{year:04d}-Q{q}", "quarter")

    def _half(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        h = 1 if m.group("ord") in ("first", "1st") else 2
        y = m.group("y")
        year = self._rel_year(y, ref) if y else (ref.year if ref else None)
        if year is None:
            return Norm("DATE", f"XXXX-H{h}", "half", False)
        return Norm("DATE", f"{year:04d}-H{h}", "half")

    def _season(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        code = self.lx.seasons[m.group("season")]
        if m.group("y"):
            return Norm("DATE", f"{m.group('y')}-{code}", "season")
        if ref is None:
            return Norm("DATE", f"XXXX-{code}", "season", False)
        rel = (m.group("rel") or "").replace("the ", "")
        if rel in ("last", "past", "this past", "previous"):
            year = season_year(code, shift(ref, "M", -3), PAST)
        elif rel in ("next", "coming", "following"):
            year = season_year(code, shift(ref, "M", 3), FUTURE)
        elif rel == "this":
            year = ref.year
        else:
            year = season_year(code, ref, d)
        return Norm("DATE", f"{year:04d}-{code}", "season")

    def _ago(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        unit = self.lx.unit_of(m.group("unit"))
        if unit is None:
            return None
        direction = m.group("dir")
        if direction in ("earlier", "before", "later", "since"):
            n = _num(self.lx, m.group("n"))
            return Norm("DURATION", duration_value(n, unit), None)  # anchored to another event
        n = _num(self.lx, m.group("n"))
        sign = 1 if direction in ("from now", "hence") else -1
        if unit.startswith("T"):  # "24 hours ago": a day
            unit, n = "D", (n or 0) / 24 if unit == "TH" else 0
        cal_unit = unit if unit in ("D", "W", "M", "Y", "10Y", "100Y", "Q", "2W") else "Y"
        if ref is None or n is None:
            value, prec = unit_value(ref or dt.date(2000, 1, 1), "Y" if cal_unit == "10Y" else cal_unit)
            return Norm("DATE", re.sub(r"\d", "X", value), prec, False)
        target = shift(ref, cal_unit, round(sign * n))
        if cal_unit == "10Y":  # "a decade ago" names a year, not a decade
            cal_unit = "Y"
        value, prec = unit_value(target, cal_unit)
        return Norm("DATE", value, prec)

    def _same_day(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        """"the day", "that day": the day last talked about (the stage supplies it), else ref."""
        return Norm("DATE", day_value(ref) if ref else UNRESOLVED, "day", ref is not None,
                    borrowed_day=True)

    def _relday_norm(self, rel: str, ref: dt.date | None) -> Norm:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0,
                  "last": -1, "the previous": -1, "the next": 1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[rel]
        if ref is None:
            return Norm("DATE", UNRESOLVED, "day", False)
        return Norm("DATE", day_value(ref + dt.timedelta(days=offset)), "day")

    def _relday(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        gd = m.groupdict()
        day = self._relday_norm(m.group("rel"), ref)
        pod = gd.get("pod")
        if m.group("rel") == "tonight":
            pod = "night"
        if not pod:
            return day
        return Norm("TIME", f"{day.value}T{self.lx.parts_of_day[pod]}", "part_of_day", day.anchored)

    def _relunit(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        rel, runit = m.group("rel"), m.group("runit")
        unit = _REL_UNIT[runit]
        if rel == "the" and runit not in ("day", "year", "week", "weekend", "month"):
            return None
        offset = {"this": 0, "the current": 0, "the same": 0, "the": 0, "last": -1,
                  "this past": -1, "the last": -1, "the previous": -1, "the past": -1,
                  "next": 1, "the next": 1, "the coming": 1, "the following": 1}[rel]
        if m.group("prev"):
            offset = -1
        if rel == "the past" and runit not in ("weekend",):  # "the past week": a duration
            return Norm("DURATION", duration_value(1, unit), None)
        if ref is None:
            value, prec = unit_value(dt.date(2000, 1, 1), "D" if unit == "WE" else unit)
            value = "XXXX-WXX-WE" if unit == "WE" else re.sub(r"\d", "X", value)
            return Norm("DATE", value, "week" if unit == "WE" else prec, False)
        if unit == "WE":
            base = shift(ref, "W", offset)
            # "this weekend": the one just past in a past-tense sentence or early in the week
            if offset == 0 and ref.isoweekday() < 6 and (d == PAST or (d is None and ref.isoweekday() <= 3)):
                base = shift(ref, "W", -1)
            return Norm("DATE", unit_value(base, "W")[0] + "-WE", "weekend")
        if unit == "D":
            return Norm("DATE", day_value(shift(ref, "D", offset)), "day")
        value, prec = unit_value(shift(ref, unit, offset), unit)
        return Norm("DATE", value, prec)

    def _duration(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm | None:
        unit = self.lx.unit_of(m.group("unit"))
        if unit is None:
            return None
        ntext = m.groupdict().get("n")
        whole = m.group(0)
        if ntext is None:
            if not m.group("unit").endswith("s") and not whole.startswith(("the ", "a ")) \
                    and not whole.endswith("-long"):
                # a bare singular unit ("week", "day") names no duration
                return None
            n = None if m.group("unit").endswith("s") else 1.0
        elif ntext in self.lx.vague_numbers or ntext.startswith(("a few", "few", "a couple")):
            n = 2.0 if ntext.startswith(("a couple", "couple")) else None
        else:
            n = _num(self.lx, ntext)
            if " and a half" in whole and n is not None:
                n += 0.5
        return Norm("DURATION", duration_value(n, unit), None)

    def _weekday_norm(self, wd: int, shift_weeks: int, ref: dt.date | None, d: str | None) -> Norm:
        if ref is None:
            return Norm("DATE", f"XXXX-WXX-{wd}", "day", False)
        return Norm("DATE", day_value(weekday_date(wd, ref, d, shift_weeks)), "day")

    def _weekday(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        wd = self.lx.weekdays[m.group("wd").rstrip(".")]
        mod = m.group("mod")
        shift_weeks = {"last": -1, "the previous": -1, "next": 1, "the next": 1,
                       "the following": 1}.get(mod or "", 0)
        day = self._weekday_norm(wd, shift_weeks, ref, d)
        pod = m.group("pod")
        if not pod:
            return day
        return Norm("TIME", f"{day.value}T{self.lx.parts_of_day[pod]}", "part_of_day", day.anchored)

    def _pod(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        code = self.lx.parts_of_day[m.group("pod")]
        day = day_value(ref) if ref else UNRESOLVED
        return Norm("TIME", f"{day}T{code}", "part_of_day", ref is not None, borrowed_day=True)

    def _year_end(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        if ref is None:
            return Norm("DATE", "XXXX", "year", False)
        offset = {"last": -1, "next": 1}.get(m.group("rel") or "", 0)
        return Norm("DATE", f"{ref.year + offset:04d}", "year")

    def _clock_word(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        clock = "T24:00" if m.group("word") == "midnight" else "T12:00"
        day = day_value(ref) if ref else UNRESOLVED
        return Norm("TIME", f"{day}{clock}", "minute", ref is not None, borrowed_day=True)

    def _half_unit(self, m: re.Match[str], ref: dt.date | None, d: str | None) -> Norm:
        unit = self.lx.units[m.group("u1")]
        return Norm("DURATION", duration_value(0.5, unit), None)


@lru_cache(maxsize=1)
def normalizer() -> Normalizer:
    return Normalizer(lexicon())


@lru_cache(maxsize=8192)
def normalize(text: str, ref: dt.date | None, direction: str | None = None) -> Norm:
    """TIMEX3 type, value and precision of ``text`` read against the reference date."""
    return normalizer().normalize(text, ref, direction)


__all__ = ["UNRESOLVED", "Norm", "add_months", "clean", "duration_value", "normalize"]
