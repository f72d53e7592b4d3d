"""Files, folders and stdin to Articles: dispatch by file type, recursive folder walks."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import readers
from dateline.ingest.decode import is_binary
from dateline.ingest.readers import Item, failure

# File type by extension. Inside folders only these are read; other files are ignored.
KINDS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
}
STDIN = "-"


def read_paths(paths: list[str], default_date: dt.date | None = None) -> Iterator[Item]:
    """One Article or Failure per article/record of the given files, folders and `-` (stdin),
    in input order. A path that does not exist raises InputError before anything is read."""
    for path in paths:
        if path != STDIN and not os.path.exists(path):
            raise InputError(f"no such file or folder: {path}")
    return _read_all(list(paths), default_date)


def _read_all(paths: list[str], default_date: dt.date | None) -> Iterator[Item]:
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(default_date)
        elif os.path.isdir(path):
            for file, rel_id in _walk(Path(path)):
                yield from read_file(file, default_date, default_id=rel_id)
        else:
            yield from read_file(Path(path), default_date, explicit=True)


def _walk(top: Path) -> list[tuple[Path, str]]:
    """Supported files under ``top`` sorted by relative path, hidden files and folders skipped;
    each with its default article id (the relative path without extension)."""
    found: list[tuple[Path, str]] = []
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or _kind(Path(name)) is None:
                continue
            file = Path(root) / name
            found.append((file, file.relative_to(top).with_suffix("").as_posix()))
    return sorted(found, key=lambda item: item[0].relative_to(top).parts)


def _kind(path: Path) -> str | None:
    return KINDS.get(path.suffix.lower())


def read_file(path: Path, default_date: dt.date | None = None, default_id: str | None = None,
              explicit: bool = False) -> Iterator[Item]:
    """Every article of one file. ``explicit``: named by the user (unknown types are reported,
    files without an extension are sniffed)."""
    origin, default_id = str(path), default_id or path.stem
    kind = _kind(path)
    if kind is None and path.suffix and explicit:
        supported = " ".join(sorted(KINDS))
        yield failure(origin, f"unsupported file type '{path.suffix}' (supported: {supported})")
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(path, default_id, default_date)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield failure(origin, f"cannot read file ({exc.strerror or exc})", default_id)
        return
    yield from _read_data(data, kind or readers.sniff_kind(data), origin, default_id, default_date)


def _read_data(data: bytes, kind: str, origin: str, default_id: str,
               default_date: dt.date | None) -> Iterator[Item]:
    if kind in ("text", "markdown"):
        yield from readers.read_text(data, origin, default_id, default_date, kind == "markdown")
    elif kind == "html":
        yield from readers.read_html(data, origin, default_id, default_date)
    elif kind == "json":
        yield from readers.read_json(data, origin, default_id, default_date)
    elif kind in ("csv", "tsv"):
        delimiter = "\t" if kind == "tsv" else ","
        yield from readers.read_csv(data, origin, default_id, default_date, delimiter)
    elif kind == "jsonl":
        if _single_json_object(data):
            yield from readers.read_json(data, origin, default_id, default_date)
        else:
            lines = data.split(b"\n")
            yield from readers.read_jsonl(lines, origin, default_id, default_date)


def _read_jsonl_file(path: Path, default_id: str, default_date: dt.date | None) -> Iterator[Item]:
    """Streamed line by line, so large files are never held in memory."""
    origin = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield failure(origin, f"cannot read file ({exc.strerror or exc})", default_id)
        return
    with fh:
        if is_binary(fh.read(readers.SNIFF_BYTES)):
            yield failure(origin, "binary file, not an article", default_id)
            return
        fh.seek(0)
        yield from readers.read_jsonl(fh, origin, default_id, default_date)


def _single_json_object(data: bytes) -> bool:
    """A pretty-printed single JSON object (several lines), rather than JSON Lines."""
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        json.loads(first)
        return False
    except ValueError:
        pass
    try:
        return isinstance(json.loads(data), dict)
    except ValueError:
        return False


def _read_stdin(default_date: dt.date | None) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if is_binary(data[: readers.SNIFF_BYTES]):
        yield failure("stdin", "binary data, not an article", "stdin")
        return
    yield from _read_data(data, readers.sniff_kind(data), "stdin", "stdin", default_date)


def count_inputs(paths: list[str]) -> int | None:
    """How many items read_paths will yield (for progress bars); None for stdin or on error.

    Cheap: JSON Lines are counted by non-blank lines, CSV by rows, a JSON list by length."""
    if STDIN in paths:
        return None
    total = 0
    try:
        for path in paths:
            if os.path.isdir(path):
                total += sum(_count_file(file) for file, _ in _walk(Path(path)))
            else:
                total += _count_file(Path(path))
    except (OSError, ValueError):
        return None
    return total


def _count_file(path: Path) -> int:
    kind = _kind(path)
    if kind == "jsonl":
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    if kind == "json":
        value = json.loads(path.read_bytes())
        return len(value) if isinstance(value, list) else 1
    if kind in ("csv", "tsv"):
        return readers.count_csv_rows(path.read_bytes(), "\t" if kind == "tsv" else ",")
    return 1
