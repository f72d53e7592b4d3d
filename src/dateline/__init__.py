"""Dateline: news articles in, political event data out."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from dateline.store.handle import EventStore


def open(path: str | Path, create: bool = False) -> EventStore:
    """Open a Dateline store for queries and exports (see the README's "Python API").

    Imported lazily: ``import dateline`` stays cheap."""
    from dateline.store.handle import EventStore

    return EventStore(path, create=create)
