"""Countries: ISO codes, names, aliases, demonyms and capitals from ``countries.tsv``.

Lookups are dictionary hits on a normalised form (no fuzzy matching):

- ``lookup_country("the US")``, ``lookup_country("Iran's")``, ``lookup_country("Iraqi")``;
  all-capital acronyms ("US", "UK", "UAE", "DPRK") match only as written, so the pronoun
  "us" is not the United States.
- Ethnic adjectives that span several states ("Kurdish", "Arab", "Baluchi") are *not*
  countries here: ``lookup_country("Kurdish")`` is ``None``. The actor stage maps them to
  CAMEO ethnic codes and, for Kurdish, to the Kurdistan Region of Iraq when the article is
  about it (see ``aliases.tsv``).
- ``country_of_capital("Tehran")`` is separate, for metonymy ("Tehran said"), and covers only
  sovereign states and capitals that are not also common words or names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.knowledge import data_path


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str  # "" for historic states (Soviet Union, Yugoslavia, ...)
    iso3: str
    name: str  # common English name: "Iran", "North Korea", "United States"
    short_name: str  # as headlines write it: "US", "UK", "UAE", "Iran"
    demonyms: tuple[str, ...]  # adjective / people: ("Iranian",), ("British", "Briton")
    capital: str | None
    cameo: str = ""  # CAMEO's own code where it differs from ISO3 (TMP, ROM, MTN): an alias
    official_name: str = ""
    aliases: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # capital and its other spellings
    sovereign: bool = True
    other_codes: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The country part of actor codes: ISO 3166-1 alpha-3 ("ROU", not CAMEO's "ROM").
        CAMEO's own codes stay lookups (``country_by_code("ROM")``) for imported dictionaries."""
        return self.iso3


# Capitals that are also ordinary words or common names; never read as metonymy.
_CAPITAL_STOP = {"male", "victoria", "hamilton", "douglas", "stanley", "kingston", "the valley",
                 "plymouth", "jamestown", "georgetown", "washington"}
# "Washington" stays out of the bare-word lookup (a surname and a US state); the actor
# stage accepts it when the NER labels it GPE, via ``country_of_capital(..., strict=False)``.

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def _norm(text: str) -> str:
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    return _ARTICLE.sub("", text).strip()


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "").replace(" ", "")
    return 1 < len(bare) <= 5 and bare.isupper()


@dataclass(frozen=True, slots=True)
class _Index:
    countries: tuple[Country, ...]
    by_name: dict[str, Country]  # casefolded names, aliases, demonyms (and plurals)
    by_acronym: dict[str, Country]  # case-sensitive, dots removed: "US", "UK", "DPRK"
    by_code: dict[str, Country]
    by_capital: dict[str, Country]  # casefolded


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _plurals(demonym: str) -> list[str]:
    # "Iraqis", "Britons", "Frenchmen"; adjectives used as plurals ("the Swiss") need nothing
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


@lru_cache(maxsize=1)
def _index() -> _Index:
    countries: list[Country] = []
    with data_path("countries.tsv").open(encoding="utf-8") as fh:
        header: list[str] | None = None
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols + [""] * (len(header) - len(cols)), strict=True))
            capitals = _split(row["capital"])
            countries.append(Country(
                iso2=row["iso2"], iso3=row["iso3"], name=row["name"],
                short_name=row["short_name"] or row["name"], demonyms=_split(row["demonyms"]),
                capital=capitals[0] if capitals else None,
                cameo=row["cameo"] if row["cameo"] != row["iso3"] else "",
                official_name=row["official_name"], aliases=_split(row["aliases"]),
                capitals=capitals, sovereign=row["sovereign"] == "1",
                other_codes=_split(row["other_codes"]),
            ))
    by_name: dict[str, Country] = {}
    by_acronym: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    # sovereign states first, so a shared name or demonym ("Serbian", "Congolese") goes to them
    ordered = sorted(countries, key=lambda c: not c.sovereign)
    for c in ordered:
        names = [c.name, c.short_name, c.official_name, *c.aliases]
        for n in names:
            if not n:
                continue
            if _is_acronym(n):
                by_acronym.setdefault(n.replace(".", ""), c)
            else:
                by_name.setdefault(_norm(n).casefold(), c)
        for d in c.demonyms:
            by_name.setdefault(d.casefold(), c)
            for p in _plurals(d):
                by_name.setdefault(p.casefold(), c)
        for code in (c.iso2, c.iso3, c.cameo, *c.other_codes):
            if code:
                by_code.setdefault(code.upper(), c)
        if c.sovereign:
            for cap in c.capitals:
                by_capital.setdefault(cap.casefold(), c)
    return _Index(tuple(countries), by_name, by_acronym, by_code, by_capital)


def all_countries() -> tuple[Country, ...]:
    return _index().countries


def lookup_country(text: str) -> Country | None:
    """The country a name, alias or demonym refers to ("the US", "Britain", "Iraqi", "Iran's")."""
    if not text:
        return None
    norm = _norm(text)
    if not norm:
        return None
    idx = _index()
    if _is_acronym(norm):
        hit = idx.by_acronym.get(norm.replace(".", "").replace(" ", ""))
        if hit is not None:
            return hit
    if not norm[0].isupper():  # "american" in running text is not a name; "us" is a pronoun
        return None
    return idx.by_name.get(norm.casefold())


def country_of_capital(text: str, strict: bool = True) -> Country | None:
    """The sovereign state whose capital is named ("Tehran" -> Iran), for metonymy.

    With ``strict`` (the default) capitals that are common words or names ("Victoria",
    "Washington") are refused; pass ``strict=False`` when the NER already says it is a place.
    """
    norm = _norm(text)
    if not norm or not norm[0].isupper():
        return None
    key = norm.casefold()
    if strict and key in _CAPITAL_STOP:
        return None
    return _index().by_capital.get(key)


def country_by_code(code: str) -> Country | None:
    """Country for an ISO 3166-1 alpha-2/alpha-3 code or a CAMEO country code (TMP, ROM, KSV)."""
    if not code:
        return None
    return _index().by_code.get(code.strip().upper())
