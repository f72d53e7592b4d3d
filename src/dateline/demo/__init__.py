"""The bundled demo corpus: short wire-style articles written for the project (CC0)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_files() -> list[Path]:
    """The demo corpus files (JSON Lines)."""
    folder = resources.files("dateline.demo")
    return sorted(Path(str(folder / p.name)) for p in folder.iterdir() if p.name.endswith(".jsonl"))
