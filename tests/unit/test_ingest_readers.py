"""Every input format, including broken ones: one Article or Failure per item, in order."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import count_inputs, read_paths
from dateline.records import Article, Failure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read(*paths: str | Path, date: dt.date | None = None) -> list[Article | Failure]:
    return list(read_paths([str(p) for p in paths], default_date=date))


def only_article(items: list[Article | Failure]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_failure(items: list[Article | Failure]) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


# --- plain text and Markdown -------------------------------------------------------------
def test_text_file_keeps_text_and_finds_wire_structure():
    path = FIXTURES / "wire_tehran.txt"
    art = only_article(read(path))
    assert art.text == path.read_text(encoding="utf-8")
    assert art.id == "wire_tehran"
    assert art.origin == str(path)
    assert art.dateline is not None and art.dateline.place == "Tehran"
    assert art.signoff is not None and art.text[art.signoff.start:art.signoff.end] == "SH/RM"
    assert art.license == "CC BY-SA 4.0"
    assert art.attribution is not None and art.attribution.startswith("All content by Example")
    assert art.language == "en"
    assert len(art.nlp_text) == len(art.text)
    assert "SH/RM" not in art.nlp_text and "Creative Commons" not in art.nlp_text
    assert "Zanganeh said refiners" in art.nlp_text


def test_default_date_applies_to_files_without_one():
    art = only_article(read(FIXTURES / "wire_tehran.txt", date=dt.date(2018, 10, 7)))
    assert art.date == dt.date(2018, 10, 7)


def test_markdown_title_and_credit_line():
    art = only_article(read(FIXTURES / "story.md"))
    assert art.title == "Kenya and Ethiopia agree to reopen border crossing"
    assert art.dateline is not None
    assert art.dateline.text == "NAIROBI, March 3 (Reuters) -"
    assert art.dateline.date_text == "March 3"
    credit = "(Reporting by Jane Wambui; Editing by Tom Hardy)"
    start = art.text.index(credit)
    assert (start, start + len(credit)) in art.hidden
    assert "Wambui" not in art.nlp_text


def test_latin1_file_is_decoded_as_windows_1252(tmp_path):
    path = tmp_path / "bogota.txt"
    text = "BOGOTÁ - Colombia's president Iván Duque met rebel negotiators in Havana on Monday."
    path.write_bytes(text.encode("latin-1"))
    art = only_article(read(path))
    assert art.text == text
    assert art.dateline is not None and art.dateline.place == "Bogotá"


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfMOSCOW - Russia expelled two diplomats on Friday.")
    art = only_article(read(path))
    assert art.text.startswith("MOSCOW")
    assert art.dateline is not None and art.dateline.place == "Moscow"


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"The talks ended\x81\x8d without agreement on Monday.")
    fail = only_failure(read(path))
    assert fail.reason == "not UTF-8 text (byte 0x81 at offset 15); re-save as UTF-8"
    assert fail.stage == "ingest"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"The report\x00\x00\x00 was published."],
)
def test_binary_file_is_a_failure(tmp_path, data):
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    assert only_failure(read(path)).reason == "binary file, not an article"


def test_empty_file_is_a_failure(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    fail = only_failure(read(path))
    assert fail.reason == "empty article"
    assert fail.article_id == "empty"


# --- HTML ----------------------------------------------------------------------------------
def test_html_main_text_and_metadata():
    art = only_article(read(FIXTURES / "page.html"))
    assert art.text.startswith("BAGHDAD, June 18 (Reuters) - Iraq's water resources minister")
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.title == "Iraq and Turkey discuss water sharing"
    assert art.url == "https://wire.example.org/world/iraq-turkey-water"
    assert art.source == "Example Wire"
    assert art.date == dt.date(2019, 6, 18)
    assert art.dateline is not None and art.dateline.place == "Baghdad"
    assert "Rasheed" not in art.nlp_text


def test_html_without_main_text_is_a_failure():
    fail = only_failure(read(FIXTURES / "empty_page.html"))
    assert fail.reason == "no main text found in the HTML page"
    assert fail.article_id == "empty_page"


# --- JSON Lines, JSON, CSV -----------------------------------------------------------------
def test_jsonl_bad_lines_are_reported_and_the_rest_is_read():
    path = FIXTURES / "records.jsonl"
    items = read(path)
    # 8 lines, one blank: 7 items in input order
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 3, 4, 6, 7, 8)]
    ok = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in ok] == ["wire-1", "wire-6"]
    assert ok[0].date == dt.date(2019, 3, 11)
    assert ok[0].title == "Bomb kills police in Nangarhar" and ok[0].source == "AP"
    assert ok[1].date == dt.date(2019, 11, 21)  # from a full ISO timestamp
    fails = {i.origin.rsplit(":", 1)[1]: i for i in items if isinstance(i, Failure)}
    assert fails["2"].reason.startswith("not valid JSON (")
    assert fails["3"].reason == "line is not a JSON object (got a list)"
    assert fails["4"].reason == "record has no 'text' field (fields: id, title, body)"
    assert fails["4"].article_id == "wire-4"
    assert fails["7"].reason.startswith("not English (detected: fr")
    assert fails["8"].reason.startswith("unusable date 'sometime in 2019'")


def test_json_file_with_a_list_of_records():
    path = FIXTURES / "list.json"
    items = read(path)
    assert isinstance(items[0], Article) and items[0].id == "json-1"
    assert items[0].dateline is not None and items[0].dateline.date_text == "Feb 2"
    assert isinstance(items[1], Failure) and items[1].reason == "empty article"
    assert items[1].origin == f"{path}[1]"
    assert isinstance(items[2], Failure) and "not a JSON object" in items[2].reason


def test_csv_rows_with_multiline_text_and_line_numbers():
    path = FIXTURES / "records.csv"
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    first, empty, third = items
    assert first.id == "csv-1" and first.url == "https://news.example.com/torkham"
    assert "\n\nOfficials said the crossing" in first.text
    assert first.dateline is not None and first.dateline.place == "Islamabad"
    assert empty.origin == f"{path}:5" and empty.reason == "empty article"
    assert third.origin == f"{path}:6" and third.date == dt.date(2019, 9, 16)


def test_csv_without_text_column_is_one_failure_naming_its_columns():
    fail = only_failure(read(FIXTURES / "no_text.csv"))
    assert fail.reason == "CSV has no 'text' column (columns: id, headline, body)"


# --- folders, paths, stdin -----------------------------------------------------------------
def test_folder_is_read_recursively_sorted_skipping_hidden_and_unknown_files():
    items = read(FIXTURES / "folder")
    assert [i.id for i in items] == ["2016/nov/meeting", "brief"]
    assert all(isinstance(i, Article) for i in items)


def test_unsupported_file_given_explicitly_is_a_failure():
    fail = only_failure(read(FIXTURES / "folder" / "scan.pdf"))
    assert fail.reason.startswith("unsupported file type '.pdf'")


def test_missing_path_raises_before_anything_is_read():
    with pytest.raises(InputError, match="no such file or folder: nowhere/news.jsonl"):
        read_paths([str(FIXTURES / "records.jsonl"), "nowhere/news.jsonl"])


def test_paths_are_read_in_the_order_given():
    items = read(FIXTURES / "story.md", FIXTURES / "wire_tehran.txt")
    assert [i.id for i in items] == ["story", "wire_tehran"]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_json_lines_are_sniffed(monkeypatch):
    _stdin(monkeypatch, b'{"id": "s1", "text": "BERLIN - Germany\'s chancellor called for a '
                        b'ceasefire on Monday."}\n{"id": "s2", "text": ""}\n')
    items = read("-")
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], Failure) and items[1].origin == "stdin:2"


def test_stdin_plain_text_is_one_article(monkeypatch):
    _stdin(monkeypatch, "CAIRO – Egypt's foreign minister flew to Khartoum on Sunday.".encode())
    art = only_article(read("-"))
    assert art.id == "stdin" and art.dateline is not None and art.dateline.place == "Cairo"


def test_count_inputs_counts_records_and_files():
    assert count_inputs([str(FIXTURES / "records.jsonl")]) == 7
    assert count_inputs([str(FIXTURES / "records.csv"), str(FIXTURES / "list.json")]) == 6
    assert count_inputs([str(FIXTURES / "folder")]) == 2
    assert count_inputs(["-"]) is None
