"""Readers for every input format, and wire-copy cleanup. (Minimal version: to be replaced.)"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from dateline.errors import ArticleError
from dateline.records import Article


def article_from_record(record: dict[str, Any], origin: str = "",
                        default_date: dt.date | None = None) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError("empty article: no text")
    date = default_date
    if record.get("date"):
        date = dt.date.fromisoformat(str(record["date"])[:10])
    return Article(
        id=str(record.get("id") or hashlib.sha1(text.encode()).hexdigest()[:12]),
        text=text, title=record.get("title"), url=record.get("url"), source=record.get("source"),
        date=date, content_hash=hashlib.sha256(text.encode()).hexdigest(), origin=origin,
    )


def read_paths(paths: list[str], default_date: dt.date | None = None):  # noqa: ANN201
    """Yield an Article or a Failure per input record (minimal: JSONL only)."""
    import json

    from dateline.records import Failure

    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                origin = f"{path}:{n}"
                try:
                    yield article_from_record(json.loads(line), origin, default_date)
                except (ArticleError, ValueError) as exc:
                    yield Failure(origin=origin, reason=str(exc))
