"""Tables as JSON Lines, CSV or Parquet: extracted events, merged events (clusters), their
mentions, actors of the actor base, and quotes.

Parquet is written with pyarrow (the ``export`` extra) for pandas, Polars and DuckDB; list
columns (sectors) stay lists there and in JSON Lines, and are space-joined in CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.store import queries
from dateline.store.queries import EventFilter
from dateline.store.store import Store

TABLES = ("events", "clusters", "mentions", "actors", "quotes")


def rows(store: Store, table: str, flt: EventFilter) -> Iterator[dict[str, Any]]:
    if table == "events":
        yield from queries.list_events(store, EventFilter(**{**flt.__dict__, "limit": None}))
    elif table == "clusters":
        yield from queries.iter_clusters(store, flt)
    elif table == "mentions":
        yield from queries.mentions(store, flt=flt)
    elif table == "actors":
        yield from queries.list_actors(store, country=flt.country, search=flt.actor, limit=-1)
    elif table == "quotes":
        yield from queries.list_quotes(store, speaker=flt.actor, article=flt.article, limit=None)
    else:
        raise InputError(f"--table: expected one of {', '.join(TABLES)}, got {table!r}")


def write(store: Store, path: Path, fmt: str, table: str, flt: EventFilter) -> int:
    data = rows(store, table, flt)
    if fmt == "jsonl":
        n = 0
        with path.open("w", encoding="utf-8") as f:
            for r in data:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "csv":
        return _csv(path, list(data))
    if fmt == "parquet":
        return _parquet(path, list(data))
    raise InputError(f"unknown table format {fmt!r}")


def _csv(path: Path, items: list[dict[str, Any]]) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        if not items:
            return 0
        writer = csv.DictWriter(f, fieldnames=list(items[0]))
        writer.writeheader()
        for r in items:
            writer.writerow({k: " ".join(v) if isinstance(v, list) else v for k, v in r.items()})
    return len(items)


def _parquet(path: Path, items: list[dict[str, Any]]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet export needs pyarrow: pip install 'dateline[export]'") from None
    pq.write_table(pa.Table.from_pylist(items), path)
    return len(items)
