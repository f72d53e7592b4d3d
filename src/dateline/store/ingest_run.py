"""Ingest runs: read inputs, skip what is already stored, run the pipeline, store results.

Articles already stored with the same content hash and pipeline version are skipped before
the pipeline sees them, so a rerun after an interruption only does the remaining work.
Results are committed per batch: an interruption loses at most the batch in flight.

Near-duplicates are found here, before the pipeline, so a reprint costs a MinHash and a few
indexed lookups instead of a full analysis: an article whose body is a near-copy of one
already stored (or of one earlier in this run) is stored as a copy of it, counted as another
source and article of its events, and never processed into events of its own.
"""

from __future__ import annotations

import datetime as dt
import threading
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
from dateline.store import dedup
from dateline.store.store import Store


@dataclass
class IngestCounts:
    read: int = 0  # inputs read (articles and unreadable records)
    new: int = 0  # articles stored for the first time
    replaced: int = 0  # articles stored again because their text or the pipeline changed
    unchanged: int = 0  # skipped: already stored with the same text and pipeline version
    copies: int = 0  # near-duplicates of another article: linked as extra sources, not processed
    failed: int = 0  # recorded as failures
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.read} read, {self.new} new, {self.replaced} updated, "
                f"{self.unchanged} unchanged, {self.failed} failed"
                + (f", {self.copies} near-duplicates linked" if self.copies else ""))


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
    seen: set[tuple[str, str]] = set()
    pending = dedup.PendingIndex()
    copies = _Copies()

    def todo() -> Iterator[Article | Failure]:
        # Runs in the pool's feeder thread when workers > 1: store reads take its lock.
        for item in items:
            counts.read += 1
            if isinstance(item, Article):
                key = (item.id, item.content_hash)
                if key in seen or store.has_stored(item.id, item.content_hash, version):
                    counts.unchanged += 1
                    continue
                seen.add(key)
                sig = dedup.signature(item)
                match = _original(store, pending, sig, item.id)
                if match is not None:
                    copies.add(item, *match)
                    continue
                pending.add(item.id, sig)
            yield item

    def store_results(results: Iterator[Analysis | Failure]) -> None:
        while chunk := list(islice(results, max(1, settings.batch_size))):
            with store.batch():
                for result in chunk:
                    _store_one(store, result, version, counts, on_failure)
            for result in chunk:
                if isinstance(result, Analysis):
                    pending.drop(result.article.id)
            _store_copies(store, copies.take_ready(store), version, counts)

    try:
        store_results(run(todo(), settings, pipeline))
        _store_copies(store, copies.take_ready(store), version, counts)
        # Copies whose original failed in the pipeline are processed on their own.
        if orphans := copies.take_all():
            store_results(run(iter(orphans), settings, pipeline))
    finally:
        if own:
            store.close()
    return counts


def _original(store: Store, pending: dedup.PendingIndex, sig: dedup.Signature,
              article_id: str) -> tuple[str, float] | None:
    """The most similar earlier article (stored, or in this run), if similar enough."""
    stored = store.find_original(sig, article_id)
    fresh = pending.find(sig, article_id)
    if fresh is not None and (stored is None or fresh.similarity > stored[1]):
        return fresh.article_id, fresh.similarity
    return stored


class _Copies:
    """Near-duplicates waiting for their original to be committed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[tuple[Article, str, float]] = []

    def add(self, article: Article, original: str, similarity: float) -> None:
        with self._lock:
            self._items.append((article, original, similarity))

    def take_ready(self, store: Store) -> list[tuple[Article, str, float]]:
        with self._lock:
            ready = [c for c in self._items if store.has_article_id(c[1])]
            self._items = [c for c in self._items if c not in ready]
        return ready

    def take_all(self) -> list[Article]:
        with self._lock:
            items, self._items = self._items, []
        return [c[0] for c in items]


def _store_copies(store: Store, ready: list[tuple[Article, str, float]], version: str,
                  counts: IngestCounts) -> None:
    if not ready:
        return
    with store.batch():
        for article, original, similarity in ready:
            if store.write_copy(article, original, similarity, version) == "copy":
                counts.copies += 1
            else:
                counts.unchanged += 1


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
