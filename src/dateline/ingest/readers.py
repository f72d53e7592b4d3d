"""One reader per input format. Each yields an Article or a Failure per article or record,
in input order; a bad record never stops the rest of its file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import ArticleError
from dateline.ingest.article import article_from_record, parse_date
from dateline.ingest.decode import DecodeError, decode_bytes, is_binary
from dateline.records import Article, Failure

Item = Article | Failure

CSV_FIELDS = ("id", "text", "title", "url", "date", "source")
_MD_TITLE = re.compile(r"\s*#\s+(?P<title>[^\n]+?)\s*#*\s*(?:\n|$)")
_TITLE_MAX = 150
SNIFF_BYTES = 4096  # bytes read to tell binary data from text


def failure(origin: str, reason: str, article_id: str | None = None) -> Failure:
    return Failure(origin=origin, reason=reason, stage="ingest", article_id=article_id)


def record_item(record: Any, origin: str, default_id: str,
                default_date: dt.date | None) -> Item:
    """Article for a record (its id defaulting to ``default_id``), or a Failure saying why not."""
    if isinstance(record, dict):
        rid = record.get("id")
        if rid is None or str(rid).strip() == "":
            record = {**record, "id": default_id}
        article_id = str(record["id"])
    else:
        article_id = default_id
    try:
        return article_from_record(record, origin, default_date)
    except ArticleError as exc:
        return failure(origin, str(exc), article_id)


# --- single-article files ---------------------------------------------------------------
def text_title(text: str, markdown: bool = False) -> str | None:
    """A Markdown '# Title', or a short first line set off by a blank line (plain text)."""
    if markdown:
        m = _MD_TITLE.match(text)
        return m.group("title") if m else None
    head, sep, rest = text.lstrip().partition("\n")
    head = head.strip()
    if (sep and rest.startswith(("\n", "\r\n")) and rest.strip() and 0 < len(head) <= _TITLE_MAX
            and head[-1] not in ".!?:;,\"”"):
        return head
    return None


def read_text(data: bytes, origin: str, default_id: str, default_date: dt.date | None,
              markdown: bool = False) -> Iterator[Item]:
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield failure(origin, str(exc), default_id)
        return
    record = {"id": default_id, "text": text, "title": text_title(text, markdown)}
    yield record_item(record, origin, default_id, default_date)


def read_html(data: bytes, origin: str, default_id: str,
              default_date: dt.date | None) -> Iterator[Item]:
    from dateline.ingest.html import html_record

    if is_binary(data):
        yield failure(origin, "binary file, not an article", default_id)
        return
    try:
        record = html_record(data)
    except ArticleError as exc:
        yield failure(origin, str(exc), default_id)
        return
    try:
        parse_date(record.get("date"))
    except ArticleError:
        record["date"] = None  # a page's odd date metadata is not worth losing the article
    yield record_item({**record, "id": default_id}, origin, default_id, default_date)


# --- record files -----------------------------------------------------------------------
def read_jsonl(lines: Iterable[bytes], name: str, id_prefix: str,
               default_date: dt.date | None) -> Iterator[Item]:
    """JSON Lines from raw byte lines: a bad line is one Failure naming its line number."""
    for n, raw in enumerate(lines, 1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        origin, default_id = f"{name}:{n}", f"{id_prefix}:{n}"
        try:
            record = json.loads(decode_bytes(raw.strip()))
        except DecodeError as exc:
            reason = "binary data, not JSON" if "binary" in str(exc) else str(exc)
            yield failure(origin, reason, default_id)
            continue
        except json.JSONDecodeError as exc:
            yield failure(origin, f"not valid JSON ({exc.msg} at column {exc.colno})", default_id)
            continue
        if not isinstance(record, dict):
            yield failure(origin, f"line is not a JSON object (got {_json_type(record)})",
                          default_id)
            continue
        yield record_item(record, origin, default_id, default_date)


def read_json(data: bytes, name: str, id_prefix: str,
              default_date: dt.date | None) -> Iterator[Item]:
    """A .json file: a list of records, or a single record."""
    try:
        value = json.loads(decode_bytes(data))
    except DecodeError as exc:
        yield failure(name, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield failure(name, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(value, dict):
        yield record_item(value, name, id_prefix, default_date)
        return
    if not isinstance(value, list):
        yield failure(name, f"JSON file holds {_json_type(value)}, not a list of records")
        return
    for n, record in enumerate(value, 1):
        origin, default_id = f"{name}[{n - 1}]", f"{id_prefix}:{n}"
        if not isinstance(record, dict):
            yield failure(origin, f"record is not a JSON object (got {_json_type(record)})",
                          default_id)
            continue
        yield record_item(record, origin, default_id, default_date)


def read_csv(data: bytes, name: str, id_prefix: str, default_date: dt.date | None,
             delimiter: str = ",") -> Iterator[Item]:
    """CSV/TSV with a header row; ``text`` is required, other known columns are used."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield failure(name, str(exc))
        return
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield failure(name, "empty article")
        return
    except csv.Error as exc:
        yield failure(name, f"not valid CSV ({exc})")
        return
    if "text" not in header:
        columns = ", ".join(h for h in header if h) or "none"
        yield failure(name, f"CSV has no 'text' column (columns: {columns})")
        return
    while True:
        line = reader.line_num + 1
        origin, default_id = f"{name}:{line}", f"{id_prefix}:{line}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield failure(origin, f"not valid CSV ({exc})", default_id)
            return
        if not any(cell.strip() for cell in row):
            continue
        record = {key: value for key, value in zip(header, row, strict=False) if key}
        yield record_item(record, origin, default_id, default_date)


def count_csv_rows(data: bytes, delimiter: str = ",") -> int:
    """Data rows of a CSV file (for progress bars); 1 when it cannot be parsed."""
    try:
        reader = csv.reader(io.StringIO(decode_bytes(data), newline=""), delimiter=delimiter)
        return max(1, sum(1 for row in reader if any(c.strip() for c in row)) - 1)
    except (DecodeError, csv.Error):
        return 1


def _json_type(value: Any) -> str:
    names = {list: "a list", dict: "an object", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def sniff_kind(data: bytes) -> str:
    """'jsonl', 'json', 'html' or 'text' for data without a telling file name (stdin)."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in head):
        return "html"
    return "text"
