"""One input record (a dict of the `extract` input shape) to an Article, or a clear refusal."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from dateline.errors import ArticleError
from dateline.ingest.language import article_language
from dateline.ingest.wirecopy import analyse
from dateline.records import Article

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_NON_SPACE_LETTER = re.compile(r"[^\W\d_]")


def content_hash(text: str) -> str:
    """sha256 of the text with runs of whitespace collapsed: re-wrapped copies hash alike."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def parse_date(value: Any) -> dt.date | None:
    """A record's date: a date, or a string 'YYYY-MM-DD' or a full ISO timestamp."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    raise ArticleError(f"unusable date {value!r} (expected YYYY-MM-DD or an ISO timestamp)")


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def article_from_record(record: dict[str, Any], origin: str = "",
                        default_date: dt.date | None = None) -> Article:
    """Build the Article for one record; raise ArticleError with one clear reason otherwise.

    Fields: ``text`` (required), ``id``, ``title``, ``url``, ``source``, ``date``,
    ``language``/``lang``, ``license``, ``attribution``. The record's date wins over
    ``default_date``; the text is kept exactly as given.
    """
    if not isinstance(record, dict):
        raise ArticleError(f"record is not an object (got {type(record).__name__})")
    if "text" not in record:
        fields = ", ".join(map(str, record)) or "none"
        raise ArticleError(f"record has no 'text' field (fields: {fields})")
    text = record["text"]
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ArticleError(f"'text' is not a string (got {type(text).__name__})")
    if not text.strip():
        raise ArticleError("empty article")
    date = parse_date(record.get("date")) or default_date
    declared = _text_field(record, "language") or _text_field(record, "lang")
    language = article_language(text, declared)
    wire = analyse(text)
    article = Article(
        id=_text_field(record, "id") or content_hash(text)[:12],
        text=text,
        title=_text_field(record, "title"),
        url=_text_field(record, "url"),
        source=_text_field(record, "source"),
        date=date,
        language=language,
        content_hash=content_hash(text),
        dateline=wire.dateline,
        license=_text_field(record, "license") or wire.license,
        attribution=_text_field(record, "attribution") or wire.attribution,
        signoff=wire.signoff,
        hidden=wire.hidden,
        origin=origin,
    )
    if wire.hidden and not _NON_SPACE_LETTER.search(article.nlp_text):
        raise ArticleError("empty article (only a dateline, sign-off or footer)")
    return article
