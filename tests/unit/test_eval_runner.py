"""The eval runner without spaCy: set selection, the stage fallback, and one pipeline pass
shared by the sets (records used by two tasks processed once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import InputError, PipelineError
from dateline.eval import runner
from dateline.pipeline.stage import Stage
from dateline.settings import Settings


def _write(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


RECORDS = [{"id": f"s:{i}", "set": "s", "text": f"Protesters marched in Lagos on day {i}.",
            "split": "dev" if i % 2 else "train"} for i in range(6)]


def test_select_takes_the_split_then_the_first_n_records():
    chosen, described = runner.select(RECORDS, split="dev", first=2)
    assert [r["id"] for r in chosen] == ["s:1", "s:3"]
    assert described == "split=dev, first 2"


def test_sample_overrides_the_default_subset_of_a_set(tmp_path):
    path = _write(tmp_path / "s.jsonl", RECORDS)
    job = runner.job_for_file("times", path, sample=3, defaults={"first": 5})
    assert len(job.records) == 3 and job.key == "times/s"
    assert runner.job_for_file("times", path, defaults={"first": 5}).subset.startswith("first 5")


def test_gold_file_without_ids_is_refused(tmp_path):
    path = _write(tmp_path / "bad.jsonl", [{"text": "no id here"}])
    with pytest.raises(InputError, match="id and a text"):
        runner.job_for_file("times", path)


def test_discover_skips_non_gold_sets(tmp_path):
    _write(tmp_path / "eval" / "event-location" / "event-location.jsonl", RECORDS[:2])
    _write(tmp_path / "eval" / "event-location" / "event-location-nongold.jsonl", RECORDS)
    jobs = runner.discover_jobs(tmp_path, ["event-location"])
    assert [j.path.name for j in jobs] == ["event-location.jsonl"]
    with pytest.raises(InputError):
        runner.discover_jobs(tmp_path / "missing", ["times"])


class _Passing(Stage):
    def process(self, analysis):
        return analysis


class _First(_Passing):
    name = "first"
    provides = ("doc",)


class _Needy(_Passing):
    name = "needy"
    requires = ("doc", "actors")
    provides = ("events",)


class _BadSetup(_Passing):
    name = "bad_setup"
    requires = ("doc",)
    provides = ("times",)

    def setup(self) -> None:
        raise OSError("gazetteer file missing")


def test_stages_that_cannot_load_or_set_up_drop_out_with_a_note(monkeypatch):
    classes = {"first": _First, "needy": _Needy, "bad_setup": _BadSetup}

    def load(name: str) -> type[Stage]:
        if name not in classes:
            raise PipelineError(f"stage {name!r} cannot be loaded: no module")
        return classes[name]

    monkeypatch.setattr("dateline.pipeline.registry.load_stage_class", load)
    pipeline, notes = runner.usable_stages(Settings(stages="first,actors,needy,bad_setup"))
    assert pipeline.names == ["first"]
    assert pipeline.settings.stages == "first"
    text = "\n".join(notes)
    assert "actors: not run" in text
    assert "needy: not run (needs actors" in text
    assert "bad_setup: not run (setup failed: OSError" in text


def test_records_shared_by_two_sets_are_processed_once(monkeypatch):
    seen: list[str] = []

    def fake_extract(records, settings, pipeline=None, total=None):
        for r in records:
            seen.append(r["id"])
            yield {"id": r["id"], "times": []}

    monkeypatch.setattr("dateline.api.extract_records", fake_extract)
    shared = {"id": "gum:1", "text": "On Friday the talks ended.", "set": "gum"}
    jobs = [runner.Job("times", "gum", Path("t.jsonl"), [shared], "all"),
            runner.Job("entities", "gum", Path("e.jsonl"), [dict(shared)], "all")]
    out = list(runner._run_group(jobs, Settings(workers=1), lambda _: None, pipeline=object()))
    assert seen == ["gum:1"]
    assert [job.key for job, _, _ in out] == ["times/gum", "entities/gum"]
    assert all("gum:1" in outputs for _, outputs, _ in out)
