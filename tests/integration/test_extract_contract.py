"""`dateline extract` end to end: the output contract of ../shared/OUTPUT.md on real text."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.cli import cli
from dateline.demo import demo_files

SPAN_KEYS = {"start", "end"}


def _spans(obj, path="$"):
    """Every (path, span dict) in an output record that carries offsets and text."""
    if isinstance(obj, dict):
        if SPAN_KEYS <= obj.keys() and isinstance(obj.get("start"), int) and "text" in obj:
            yield path, obj
        for key, value in obj.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _spans(value, f"{path}[{i}]")


def _extract(tmp_path, *args):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", *args, "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_demo_corpus_every_span_points_at_its_text(tmp_path):
    (demo,) = demo_files()
    inputs = {json.loads(line)["id"]: json.loads(line)["text"] for line in demo.open(encoding="utf-8")}
    records = _extract(tmp_path, str(demo))
    assert [r["id"] for r in records] == list(inputs)
    checked = 0
    for record in records:
        assert "error" not in record, record
        text = inputs[record["id"]]
        for path, span in _spans(record):
            if span["start"] < 0:  # an article-date fallback carries no span
                continue
            assert text[span["start"]:span["end"]] == span["text"], (record["id"], path)
            checked += 1
    assert checked > 500


def test_demo_corpus_yields_every_layer(tmp_path):
    (demo,) = demo_files()
    records = _extract(tmp_path, str(demo))
    for layer in ("entities", "actors", "events", "quotes", "times", "places"):
        assert sum(len(r[layer]) for r in records) > 0, f"no {layer} in the demo corpus"
    dated = [e for r in records for e in r["events"] if e["date"] and e["date"]["value"]]
    assert len(dated) > 0.5 * sum(len(r["events"]) for r in records)


def test_seed_article_metadata(tmp_path, shared_dir):
    (record,) = _extract(tmp_path, str(shared_dir / "corpus" / "seed.jsonl"), "--date", "2016-11-15")
    art = record["article"]
    assert art["dateline"]["place"] == "Tehran"
    assert art["license"] == "CC BY 4.0"
    assert "Mehr News Agency" in art["attribution"]
    assert not any(a["name"] in ("MH/PA", "MH", "PA") for a in record["actors"])
    assert not any("Creative Commons" in e["text"] for e in record["entities"])
