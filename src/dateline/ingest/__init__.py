"""Ingest: files, folders, stdin and records to Articles, with wire-copy cleanup.

Formats: plain text (.txt, .md), HTML (main text via trafilatura), JSON Lines (.jsonl,
.ndjson), JSON lists (.json), CSV/TSV with a header (columns id, text, title, url, date,
source), folders (recursive, sorted) and `-` for stdin (JSON Lines, JSON, HTML or text,
sniffed). Every article or record becomes an Article or a Failure (origin "file:line", a reason)
and the rest goes on.

Encodings: UTF-8 (with or without BOM) and UTF-16 with a BOM. Other bytes fall back to
Windows-1252 only when that decodes cleanly and looks like text (legacy Western archives);
otherwise the failure names the first bad byte and its offset. Files with NUL bytes or a
binary signature are refused as "binary file, not an article".

Wire copy (see ``wirecopy``): the dateline, sign-off, licence/copyright/credit footers and
control characters are listed in ``Article.hidden`` and blanked in ``Article.nlp_text``; the
text itself is never changed, so offsets always refer to it.
"""

from dateline.ingest.article import article_from_record, content_hash, parse_date
from dateline.ingest.paths import count_inputs, read_file, read_paths

__all__ = ["article_from_record", "content_hash", "count_inputs", "parse_date", "read_file",
           "read_paths"]
