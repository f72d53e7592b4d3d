"""Run a pipeline over articles: batches through the stages, failures isolated per article,
a progress bar on long runs, and optionally N worker processes that each load the models once."""

from __future__ import annotations

import multiprocessing as mp
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from dateline.pipeline.builder import Pipeline, build_pipeline
from dateline.records import Analysis, Article, Failure
from dateline.settings import Settings

Result = Analysis | Failure

PROGRESS_MIN_ARTICLES = 5


def _batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _failure(article: Article, stage: str, exc: Exception) -> Failure:
    reason = str(exc) or type(exc).__name__
    return Failure(origin=article.origin or article.id, reason=f"{type(exc).__name__}: {reason}",
                   stage=stage, article_id=article.id)


def run_batch(pipeline: Pipeline, batch: list[Article | Failure], keep_doc: bool = False) -> list[Result]:
    """Run every stage over one batch; an article that fails drops out with a Failure."""
    results: list[Result] = [
        item if isinstance(item, Failure) else Analysis(article=item) for item in batch
    ]
    if all(isinstance(r, Failure) for r in results):
        return results  # nothing to analyse: do not load the models for it
    pipeline.setup()
    for stage in pipeline.stages:
        live = [i for i, r in enumerate(results) if isinstance(r, Analysis)]
        if not live:
            break
        started = time.perf_counter()
        outputs = stage.process_batch([results[i] for i in live])  # type: ignore[misc]
        pipeline.seconds[stage.name] = (
            pipeline.seconds.get(stage.name, 0.0) + time.perf_counter() - started)
        for i, out in zip(live, outputs, strict=True):
            if isinstance(out, Exception):
                results[i] = _failure(results[i].article, stage.name, out)  # type: ignore[union-attr]
            else:
                results[i] = out
    if not keep_doc:
        results = [replace(r, doc=None) if isinstance(r, Analysis) else r for r in results]
    return results


# --- worker processes: each builds its pipeline once -----------------------------------
_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = build_pipeline(settings)
    _worker_pipeline.setup()


def _work(batch: list[Article | Failure]) -> list[Result]:
    assert _worker_pipeline is not None
    return run_batch(_worker_pipeline, batch)


def run(
    articles: Iterable[Article | Failure],
    settings: Settings,
    pipeline: Pipeline | None = None,
    total: int | None = None,
    keep_doc: bool = False,
) -> Iterator[Result]:
    """Yield one result per input, in input order."""
    size = max(1, settings.batch_size)
    if settings.workers > 1 and total:
        # spread a small input over every worker rather than one full batch to one of them
        size = max(1, min(size, -(-total // settings.workers)))
    batches = _batches(articles, size)
    bar = None
    if settings.progress and (total is None or total > PROGRESS_MIN_ARTICLES) and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="art", file=sys.stderr, dynamic_ncols=True)
    try:
        if settings.workers > 1:
            ctx = mp.get_context("spawn")
            with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
                for results in pool.imap(_work, batches):
                    if bar:
                        bar.update(len(results))
                    yield from results
        else:
            pipeline = pipeline or build_pipeline(settings)
            for batch in batches:
                results = run_batch(pipeline, batch, keep_doc=keep_doc)
                if bar:
                    bar.update(len(results))
                yield from results
    finally:
        if bar:
            bar.close()
