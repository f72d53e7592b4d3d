"""Exports in the formats analysts load: GDELT 2.0 Events/Mentions TSV, PLOVER JSON Lines,
JSON Lines / CSV / Parquet tables, GraphML / GEXF actor networks.

Every exporter reads the store through ``dateline.store.queries`` only and returns the
number of rows (records, or edges for graphs) written.
"""

from __future__ import annotations

from pathlib import Path

from dateline.errors import InputError
from dateline.store.queries import EventFilter
from dateline.store.store import Store

FORMATS = ("gdelt-events", "gdelt-mentions", "plover", "jsonl", "csv", "parquet", "graphml", "gexf")
TABLES = ("events", "clusters", "mentions", "actors", "quotes")


def export(store: Store, fmt: str, path: str | Path, flt: EventFilter | None = None,
           table: str = "events", header: bool = False) -> int:
    """Write the store (events matching ``flt``) to ``path`` in format ``fmt``."""
    flt = flt or EventFilter(limit=None)
    out = Path(path)
    if out.parent and not out.parent.exists():
        raise InputError(f"-o: folder {out.parent} does not exist")
    if fmt in ("gdelt-events", "gdelt-mentions"):
        from dateline.export import gdelt

        writer = gdelt.write_events if fmt == "gdelt-events" else gdelt.write_mentions
        return writer(store, out, flt, header=header)
    if fmt == "plover":
        from dateline.export import plover

        return plover.write(store, out, flt)
    if fmt in ("jsonl", "csv", "parquet"):
        from dateline.export import tables

        return tables.write(store, out, fmt, table, flt)
    if fmt in ("graphml", "gexf"):
        from dateline.export import graph

        return graph.write(store, out, fmt, flt)
    raise InputError(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")

__all__ = ["FORMATS", "TABLES", "export"]
