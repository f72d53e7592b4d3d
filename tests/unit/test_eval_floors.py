"""The quality gate: a figure below its pinned floor fails `dateline eval` (and so `make eval`
and `.ci/run`) with a line naming the figure. No spaCy needed: reports are hand-made or
scored from hand-written predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.eval.floors import check_floors, load_floors, suggest_floors
from dateline.eval.runner import TASKS

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "eval-floors.json"


def test_figure_below_its_floor_is_named():
    results = {"places/geowebnews": {"metrics": {"acc@161km": 0.71, "span_f1": 0.9}}}
    floors = {"places/geowebnews/acc@161km": 0.80, "places/geowebnews/span_f1": 0.5}
    assert check_floors(results, floors) == [
        "FLOOR BROKEN: places/geowebnews acc@161km 0.71 < floor 0.80"]


def test_figure_at_its_floor_passes_and_unrun_sets_only_fail_a_complete_run():
    results = {"times/gum-news": {"metrics": {"relaxed_f1": 0.5}}}
    floors = {"times/gum-news/relaxed_f1": 0.5, "times/meantime-en/relaxed_f1": 0.4}
    assert check_floors(results, floors, complete=False) == []
    assert check_floors(results, floors, complete=True) == [
        "FLOOR BROKEN: times/meantime-en relaxed_f1 was not measured (floor 0.40)"]


def test_missing_figure_breaks_its_floor():
    results = {"quotes/polnear": {"metrics": {"content_f1": None}}}
    assert check_floors(results, {"quotes/polnear/content_f1": 0.0}) == [
        "FLOOR BROKEN: quotes/polnear content_f1 missing from the report (floor 0.00)"]


def test_suggested_floors_round_down_and_skip_reference_rows():
    results = {"times/gum-news": {"headline": ["relaxed_f1"], "metrics": {"relaxed_f1": 0.7391}},
               "quotes/polnear-alt-annotations": {"reference": True, "headline": ["content_f1"],
                                                  "metrics": {"content_f1": 0.8}}}
    assert suggest_floors(results) == {"times/gum-news/relaxed_f1": 0.71}


def test_pinned_floors_file_names_known_tasks_and_numbers():
    floors = load_floors(FLOORS)
    assert floors, "eval-floors.json pins no figure"
    for key, value in floors.items():
        task = key.split("/")[0]
        assert task in TASKS, key
        assert 0.0 <= value <= 1.0, key


def _doctored_report(tmp_path: Path, lower: str) -> Path:
    """A report in which every pinned figure sits at its floor, except `lower`, 0.1 below."""
    results: dict[str, dict] = {}
    for key, floor in load_floors(FLOORS).items():
        task, set_name, metric = key.split("/", 2)
        entry = results.setdefault(f"{task}/{set_name}", {
            "task": task, "set": set_name, "counts": {"records": 1}, "metrics": {},
            "headline": [], "runtime_seconds": 0.0})
        entry["metrics"][metric] = floor - 0.1 if key == lower else floor
        entry["headline"].append(metric)
    path = tmp_path / "doctored-report.json"
    path.write_text(json.dumps({"results": results, "stages": ["nlp"]}), encoding="utf-8")
    return path


def test_doctored_report_below_a_pinned_floor_fails_dateline_eval(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # the highest pinned figure, so lowering it by 0.1 cannot leave it at a 0.0 floor
    key = max(load_floors(FLOORS).items(), key=lambda kv: kv[1])[0]
    task, set_name, metric = key.split("/", 2)
    report = _doctored_report(tmp_path, key)
    with pytest.raises(SystemExit) as exc:
        main(["eval", "all", "--check", str(report), "--floors", str(FLOORS)])
    assert exc.value.code != 0
    err = capsys.readouterr().err
    assert f"FLOOR BROKEN: {task}/{set_name} {metric} " in err
    assert err.count("FLOOR BROKEN") == 1


def test_undoctored_report_passes_the_pinned_floors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    report = _doctored_report(tmp_path, lower="")
    main(["eval", "all", "--check", str(report), "--floors", str(FLOORS)])
    assert "at or above their floors" in capsys.readouterr().out


TEXT = ("TEHRAN - Iran's foreign minister said on Monday that talks with the European Union "
        "would resume in Vienna next week.")


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_scores_saved_predictions_and_writes_the_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    vienna = TEXT.index("Vienna")
    gold = _write_jsonl(tmp_path / "gold.jsonl", [{
        "id": "mini:1", "set": "mini", "text": TEXT, "date": "2024-05-06",
        "toponyms": [{"start": 0, "end": 6, "text": "TEHRAN", "lat": 35.69, "lon": 51.42,
                      "country": "IR"},
                     {"start": vienna, "end": vienna + 6, "text": "Vienna", "lat": 48.21,
                      "lon": 16.37, "country": "AT"}]}])
    preds = _write_jsonl(tmp_path / "out.jsonl", [{
        "id": "mini:1", "places": [{"start": vienna, "end": vienna + 6, "text": "Vienna",
                                    "name": "Vienna", "lat": 48.2, "lon": 16.37, "country": "AT"}]}])
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"places/mini/span_f1": 0.9}), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["eval", "places", str(gold), "--predictions", str(preds), "--output", "r.json",
              "--floors", str(floors)])
    assert exc.value.code != 0
    assert "FLOOR BROKEN: places/mini span_f1 0.67 < floor 0.90" in capsys.readouterr().err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    entry = report["results"]["places/mini"]
    assert entry["metrics"]["acc@161km"] == 0.5
    assert entry["worst"][0]["misses"] == ["TEHRAN"]
    assert report["floors"]["broken"]


def test_writing_floors_never_lowers_an_existing_floor(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"results": {"times/gum-news": {
        "task": "times", "set": "gum-news", "counts": {"records": 1}, "runtime_seconds": 0.0,
        "headline": ["relaxed_f1", "strict_f1"],
        "metrics": {"relaxed_f1": 0.50, "strict_f1": 0.90}}}}), encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"times/gum-news/relaxed_f1": 0.70,
                                  "times/gum-news/strict_f1": 0.10}), encoding="utf-8")
    with pytest.raises(SystemExit):  # relaxed_f1 is below its floor: the run fails ...
        main(["eval", "all", "--check", str(report), "--floors", str(floors),
              "--write-floors", str(floors)])
    assert load_floors(floors) == {"times/gum-news/relaxed_f1": 0.70,  # ... and keeps it
                                   "times/gum-news/strict_f1": 0.88}


def test_suggested_floor_is_not_lowered_by_float_error():
    results = {"times/meantime-en": {"headline": ["value_f1"], "metrics": {"value_f1": 0.84}}}
    assert suggest_floors(results) == {"times/meantime-en/value_f1": 0.82}
