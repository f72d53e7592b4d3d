"""The time vocabulary (``knowledge/data/time_lexicon.yaml``) and the regex pieces built from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import yaml

from dateline.knowledge import data_path


def _alt(words: list[str] | set[str]) -> str:
    """A regex alternation, longest first so that "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    vague_numbers: frozenset[str]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    sets: dict[str, str]
    refs: dict[str, str]  # phrase -> PRESENT_REF | PAST_REF | FUTURE_REF
    age_markers: frozenset[str]
    holidays: dict[str, str | None]  # name -> date rule (see the YAML), None = not fixed

    # regex fragments (no groups of their own)
    @cached_property
    def month_re(self) -> str:
        return rf"(?:{_alt(self.months)})\.?"

    @cached_property
    def weekday_re(self) -> str:
        return rf"(?:{_alt(self.weekdays)})\.?"

    @cached_property
    def number_re(self) -> str:
        words = _alt(self.numbers)
        return rf"(?:\d+(?:[.,]\d+)?|(?:{words})(?:[- ](?:{words}))?)"

    @cached_property
    def unit_re(self) -> str:
        plural = {u + "s" for u in self.units} | {"centuries", "millennia"}
        return rf"(?:{_alt(set(self.units) | plural)})"

    def unit_of(self, word: str) -> str | None:
        """TIMEX3 unit of a unit word in any number ("years" -> "Y")."""
        w = word.lower()
        if w in self.units:
            return self.units[w]
        if w == "centuries":
            return self.units["century"]
        if w == "millennia":
            return self.units["millennium"]
        if w.endswith("s") and w[:-1] in self.units:
            return self.units[w[:-1]]
        return None

    def number_of(self, text: str) -> float | None:
        """2, 2.5, "two", "twenty-five", "a" -> a number; None when not a number."""
        t = text.lower().replace(",", "")
        try:
            return float(t)
        except ValueError:
            pass
        total = 0.0
        for part in re.split(r"[- ]+", t):
            if part not in self.numbers:
                return None
            total += self.numbers[part]
        return total


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with data_path("time_lexicon.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)

    def invert(table: dict[object, list[str]]) -> dict[str, object]:
        return {w.lower(): key for key, words in table.items() for w in words}

    refs: dict[str, str] = {}
    for key, name in (("present_ref", "PRESENT_REF"), ("past_ref", "PAST_REF"),
                      ("future_ref", "FUTURE_REF")):
        refs.update({w.lower(): name for w in raw[key]})
    return Lexicon(
        months={k: int(v) for k, v in invert(raw["months"]).items()},  # type: ignore[call-overload]
        weekdays={k: int(v) for k, v in invert(raw["weekdays"]).items()},  # type: ignore[call-overload]
        numbers={str(k).lower(): int(v) for k, v in raw["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in raw["ordinals"].items()},
        vague_numbers=frozenset(w.lower() for w in raw["vague_numbers"]),
        units={str(k).lower(): str(v) for k, v in raw["units"].items()},
        seasons={k: str(v) for k, v in invert(raw["seasons"]).items()},
        parts_of_day={k: str(v) for k, v in invert(raw["parts_of_day"]).items()},
        sets={str(k).lower(): str(v) for k, v in raw["sets"].items()},
        refs=refs,
        age_markers=frozenset(w.lower() for w in raw["age_markers"]),
        holidays={str(k).lower(): (str(v) if v is not None else None)
                  for k, v in (raw.get("holidays") or {}).items()},
    )
