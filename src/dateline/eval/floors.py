"""The quality gate: headline figures pinned as floors in a JSON file ("task/set/metric" →
value). A figure below its floor, or missing from a run that should have measured it, is
named on one line each; the CLI then exits non-zero. Floors are raised as the code improves,
never lowered to pass."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError, InputError


class FloorError(DatelineError):
    """One or more figures fell below their pinned floors."""

    exit_code = 1


def load_floors(path: str | Path) -> dict[str, float]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"floors file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg})") from None
    floors = data.get("floors", data) if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
            isinstance(k, str) and k.count("/") >= 2 and isinstance(v, int | float)
            for k, v in floors.items()):
        raise InputError(f"{path}: expected an object mapping \"task/set/metric\" to a number")
    return {k: float(v) for k, v in floors.items()}


def _split_key(key: str) -> tuple[str, str]:
    """("task/set", "metric"); metric names may not contain '/', set names neither."""
    parts = key.split("/")
    return "/".join(parts[:2]), "/".join(parts[2:])


def _fmt(value: float, floor: float) -> tuple[str, str]:
    for digits in (2, 3, 4):
        a, b = f"{value:.{digits}f}", f"{floor:.{digits}f}"
        if a != b:
            return a, b
    return f"{value:.6f}", f"{floor:.6f}"


def check_floors(results: dict[str, dict[str, Any]], floors: dict[str, float],
                 complete: bool = True) -> list[str]:
    """One message per broken floor. ``results`` maps "task/set" to a result with "metrics".
    With ``complete``, a floor whose set was not measured at all is broken too; otherwise
    floors of sets that were not run are skipped (a run of one task or one file)."""
    broken = []
    for key, floor in sorted(floors.items()):
        where, metric = _split_key(key)
        result = results.get(where)
        if result is None:
            if complete:
                broken.append(f"FLOOR BROKEN: {where} {metric} was not measured (floor {floor:.2f})")
            continue
        value = result.get("metrics", {}).get(metric)
        if not isinstance(value, int | float) or math.isnan(value):
            broken.append(f"FLOOR BROKEN: {where} {metric} missing from the report (floor {floor:.2f})")
        elif value < floor:
            v, f = _fmt(value, floor)
            broken.append(f"FLOOR BROKEN: {where} {metric} {v} < floor {f}")
    return broken


def suggest_floors(results: dict[str, dict[str, Any]], margin: float = 0.02) -> dict[str, float]:
    """Floors at today's headline figures minus a margin, rounded down to 0.01 (never below 0).
    Human-agreement reference rows are not gated."""
    out = {}
    for where, result in sorted(results.items()):
        if result.get("reference"):
            continue
        for metric in result.get("headline", []):
            value = result["metrics"].get(metric)
            if isinstance(value, int | float):
                # round first: 0.84 - 0.02 is 0.8199999..., which must floor to 0.82
                out[f"{where}/{metric}"] = max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)
    return out
