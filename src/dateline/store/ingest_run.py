"""Ingest runs: read inputs, skip what is already stored, run the pipeline, store results.

Articles already stored with the same content hash and pipeline version are skipped before
the pipeline sees them, so a rerun after an interruption only does the remaining work.
Results are committed per batch: an interruption loses at most the batch in flight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from dateline.errors import InputError
from dateline.pipeline import build_pipeline
from dateline.pipeline.builder import Pipeline
from dateline.pipeline.runner import run
from dateline.records import Analysis, Article, Failure
from dateline.settings import Settings
from dateline.store.store import Store


@dataclass
class IngestCounts:
    read: int = 0  # inputs read (articles and unreadable records)
    new: int = 0  # articles stored for the first time
    replaced: int = 0  # articles stored again because their text or the pipeline changed
    unchanged: int = 0  # skipped: already stored with the same text and pipeline version
    failed: int = 0  # recorded as failures
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.read} read, {self.new} new, {self.replaced} updated, "
                f"{self.unchanged} unchanged, {self.failed} failed")


def demo_paths() -> list[str]:
    """The bundled demo corpus: the JSON Lines files shipped in ``dateline/demo``."""
    from dateline.demo import demo_files

    files = [str(f) for f in demo_files()]
    if not files:
        raise InputError("the bundled demo corpus is missing (no .jsonl files in dateline/demo)")
    return files


def check_paths(paths: Iterable[str]) -> list[str]:
    paths = list(paths)
    if not paths:
        raise InputError("no input given: pass files or folders (or `-` for stdin)")
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise InputError(f"no such file or folder: {p}")
    return paths


def ingest_paths(
    paths: Iterable[str],
    settings: Settings,
    store: Store | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestCounts:
    """Ingest files/folders/stdin into the store at ``settings.db`` (or ``store``)."""
    from dateline.ingest import read_paths

    checked = check_paths(paths)
    default_date = dt.date.fromisoformat(settings.date) if settings.date else None
    return ingest_items(read_paths(checked, default_date), settings, store, on_failure, pipeline)


def ingest_items(
    items: Iterable[Article | Failure],
    settings: Settings,
    store: Store | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestCounts:
    """Run the pipeline over articles not yet stored and write each result, committing per
    batch of ``settings.batch_size``. ``pipeline`` defaults to one built from ``settings``."""
    pipeline = pipeline or build_pipeline(settings)
    version = pipeline.version
    own = store is None
    store = store or Store(settings.db)
    counts = IngestCounts()
    seen: set[str] = set()

    def todo() -> Iterator[Article | Failure]:
        for item in items:
            counts.read += 1
            if isinstance(item, Article):
                if item.content_hash in seen or store.has_article(item.content_hash, version):
                    counts.unchanged += 1
                    continue
                seen.add(item.content_hash)
            yield item

    try:
        results = run(todo(), settings, pipeline)
        while chunk := list(islice(results, max(1, settings.batch_size))):
            with store.batch():
                for result in chunk:
                    _store_one(store, result, version, counts, on_failure)
    finally:
        if own:
            store.close()
    return counts


def _store_one(store: Store, result: Analysis | Failure, version: str, counts: IngestCounts,
               on_failure: Callable[[Failure], None] | None) -> None:
    if isinstance(result, Failure):
        store.write_failure(result)
        counts.failed += 1
        counts.failures.append(result)
        if on_failure:
            on_failure(result)
        return
    outcome = store.write(result, version)
    if outcome == "new":
        counts.new += 1
    elif outcome == "replaced":
        counts.replaced += 1
    else:
        counts.unchanged += 1
