"""The evaluation report: one JSON object per (task, set), and the table printed for people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.eval.common import SetScore, worst


def result_entry(task: str, set_name: str, score: SetScore, *, source: str, subset: str,
                 seconds: float, stages: list[str], reference: bool = False) -> dict[str, Any]:
    """The report entry of one (task, set)."""
    entry: dict[str, Any] = {
        "task": task, "set": set_name, "gold": source, "subset": subset,
        "counts": {**score.counts, "failed_records": sum(1 for n in score.notes if n.error)},
        "metrics": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in score.metrics.items()},
        "headline": list(score.headline),
        "runtime_seconds": round(seconds, 2),
        "stages": stages,
        "remarks": score.remarks,
        "worst": worst(score.notes),
    }
    if reference:
        entry["reference"] = True
    return entry


def write_report(path: str | Path, report: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _cell(value: Any, column: str = "") -> str:
    if isinstance(value, float) and column.endswith("_km"):
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return "-" if value is None else str(value)


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """One block per task: a row per set with its headline figures, record count and seconds."""
    lines: list[str] = []
    by_task: dict[str, list[dict[str, Any]]] = {}
    for entry in results.values():
        by_task.setdefault(entry["task"], []).append(entry)
    for task, entries in by_task.items():
        columns: list[str] = []
        for e in entries:
            for m in e["headline"]:
                if m not in columns:
                    columns.append(m)
        if task == "places":
            columns.append("median_km")
        name_w = max(len(e["set"]) + (12 if e.get("reference") else 0) for e in entries) + 2
        widths = [max(len(c), 6) for c in columns]
        head = f"{task:<{name_w}}{'records':>8}  " + "  ".join(
            f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)) + f"  {'secs':>7}"
        lines += [head, "-" * len(head)]
        for e in entries:
            label = e["set"] + (" (reference)" if e.get("reference") else "")
            cells = "  ".join(f"{_cell(e['metrics'].get(c), c):>{w}}"
                              for c, w in zip(columns, widths, strict=True))
            lines.append(f"{label:<{name_w}}{e['counts'].get('records', 0):>8}  {cells}"
                         f"  {e['runtime_seconds']:>7.1f}")
        lines.append("")
    return "\n".join(lines)
