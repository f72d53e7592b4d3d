"""Ontologies and lexicons as data files in ``knowledge/data``, with their loaders."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a packaged data file."""
    return Path(str(resources.files("dateline.knowledge") / "data" / name))
