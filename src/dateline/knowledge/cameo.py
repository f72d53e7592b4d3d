"""CAMEO event codes with Goldstein values and QuadClass, and the CAMEO -> PLOVER mapping.

Both tables are packaged TSV files (``cameo_codes.tsv``, ``plover_map.tsv``) written from the
reference facts: Goldstein values are GDELT's (ICEWS's where GDELT has none, e.g. 1213) and
QuadClass follows GDELT's actual convention (01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4).
Codes 106, 155, 176, 1213, 1214, 1834, 1951 and 1952, which GDELT's own lookup lacks or
garbles, are all present; six of them have no Goldstein value in any source (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dateline.errors import DatelineError
from dateline.knowledge import data_path

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # "043", "0311", leading zeros kept
    name: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None = None  # None for CAMEO 01/02, which PLOVER dropped
    plover_mode: str | None = None
    plover_context: str | None = None  # several contexts joined with ", "

    @property
    def root(self) -> str:
        return self.code[:2]


def _rows(path: Path) -> list[list[str]]:
    """Data rows of a packaged TSV: comment lines (#) and the header row are skipped."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        header_seen = False
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            cols = line.split("\t")
            if not cols[0].isdigit():
                raise DatelineError(f"{path.name}:{n}: CAMEO code expected, got {cols[0]!r}")
            rows.append(cols + [""] * (4 - len(cols)))
    return rows


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO 1.1b3 code (318: 20 roots, 3- and 4-digit codes), by code."""
    plover = {r[0]: r for r in _rows(data_path("plover_map.tsv"))}
    codes: dict[str, CameoCode] = {}
    for code, name, goldstein, quad in _rows(data_path("cameo_codes.tsv")):
        p = plover.get(code, [code, "", "", ""])
        codes[code] = CameoCode(
            code=code,
            name=name,
            goldstein=float(goldstein) if goldstein else None,
            quad_class=int(quad),
            plover_type=p[1] or None,
            plover_mode=p[2] or None,
            plover_context=", ".join(c for c in p[3].split(";") if c) or None,
        )
    return codes


def lookup(code: str) -> CameoCode | None:
    """The CAMEO code record; an unknown sub-code falls back to its parent's values
    (so "0431" from a user dictionary still gets 043's Goldstein and PLOVER type)."""
    codes = cameo_codes()
    while code:
        if code in codes:
            return codes[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def goldstein(code: str) -> float | None:
    c = lookup(code)
    return c.goldstein if c else None


def quad_class(code: str) -> int | None:
    c = lookup(code)
    return c.quad_class if c else None


def is_cameo(code: str) -> bool:
    """A code of CAMEO's 01-20 roots (PETRARCH test dictionaries also use others, e.g. 212)."""
    return code in cameo_codes()
