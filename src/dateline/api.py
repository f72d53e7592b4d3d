"""The Python API. The CLI is a thin layer over these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import ArticleError, InputError
from dateline.ingest import article_from_record
from dateline.output import result_json
from dateline.pipeline import build_pipeline
from dateline.pipeline.builder import Pipeline
from dateline.pipeline.runner import run
from dateline.records import Analysis, Article, Failure
from dateline.settings import Settings


def default_date_of(settings: Settings) -> dt.date | None:
    """The `date` setting as a date; InputError when it is not YYYY-MM-DD."""
    if not settings.date:
        return None
    try:
        return dt.date.fromisoformat(settings.date)
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, got {settings.date!r}") from None


def articles_from_records(records: Iterable[dict[str, Any]], default_date: dt.date | None = None,
                          origin: str = "records") -> Iterator[Article | Failure]:
    for n, record in enumerate(records, 1):
        try:
            yield article_from_record(record, origin=f"{origin}:{n}", default_date=default_date)
        except ArticleError as exc:
            article_id = record.get("id") if isinstance(record, dict) else None
            yield Failure(origin=f"{origin}:{n}", reason=str(exc), article_id=article_id)


def extract_records(records: Iterable[dict[str, Any]], settings: Settings | None = None,
                    pipeline: Pipeline | None = None, total: int | None = None) -> Iterator[dict[str, Any]]:
    """Run the pipeline over records of the `extract` input shape; yield output-contract dicts."""
    settings = settings or Settings()
    default_date = default_date_of(settings)
    for result in run(articles_from_records(records, default_date), settings, pipeline, total=total):
        yield result_json(result)


def analyze(text: str, date: str | dt.date | None = None, settings: Settings | None = None,
            pipeline: Pipeline | None = None, **meta: Any) -> Analysis:
    """Analyse one text; raises ArticleError when it cannot be processed."""
    settings = settings or Settings(progress=False)
    record = {"id": meta.pop("id", "text"), "text": text, **meta}
    if date is not None:
        record["date"] = date.isoformat() if isinstance(date, dt.date) else date
    pipeline = pipeline or build_pipeline(settings)
    (result,) = list(run(articles_from_records([record]), settings, pipeline, keep_doc=True))
    if isinstance(result, Failure):
        raise ArticleError(f"{result.origin}: {result.reason}")
    return result


def extract_paths(paths: list[str], settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Read files/folders/stdin (`-`) and yield output-contract dicts, in input order."""
    from dateline.ingest import count_inputs, read_paths

    settings = settings or Settings()
    default_date = default_date_of(settings)
    total = count_inputs(paths) if settings.progress or settings.workers > 1 else None
    for result in run(read_paths(paths, default_date), settings, total=total):
        yield result_json(result)
