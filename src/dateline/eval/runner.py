"""Run the pipeline over gold records (or read saved predictions) and score every (task, set).

The gold files are inputs of the ``extract`` shape, so the pipeline runs on them directly.
All sets that share settings go through one ``extract_records`` call (one worker pool, one
model load per worker); records used by several tasks (GUM texts) are processed once. A set's
run time is the time between the previous set's last output and its own last output.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import InputError, PipelineError
from dateline.eval.common import SetScore, read_jsonl
from dateline.eval.entities import score_entities
from dateline.eval.event_location import score_event_location
from dateline.eval.events import score_events
from dateline.eval.places import score_places
from dateline.eval.quotes import alt_annotations_as_predictions, score_quotes
from dateline.eval.report import result_entry
from dateline.eval.times import score_times
from dateline.pipeline.builder import Pipeline, build_pipeline
from dateline.pipeline.stage import Stage
from dateline.settings import Settings

Scorer = Callable[[list[dict[str, Any]], dict[str, dict[str, Any]]], SetScore]

# task -> (folder under eval/, scorer)
TASKS: dict[str, tuple[str, Scorer]] = {
    "events": ("events", score_events),
    "quotes": ("quotes", score_quotes),
    "times": ("times", score_times),
    "places": ("places", score_places),
    "entities": ("entities", score_entities),
    "event-location": ("event-location", score_event_location),
}

# Sets `all` does not run through the pipeline: non-gold labels, and the second annotations
# of PolNeAR, which are scored against the first as the human-agreement reference instead.
NOT_IN_ALL = {"event-location/event-location-nongold", "quotes/polnear-alt-annotations"}

# Deterministic subsets that keep `make eval` within its 15-minute budget on 2 cores.
ALL_SUBSETS: dict[str, dict[str, Any]] = {
    "quotes/polnear": {"split": "dev"},
    "entities/en-worldwide-newswire-ner": {"first": 200},
    "places/lgl": {"first": 300},
}

PETRARCH_SET = "petrarch2-unittests"
IN_PROCESS_MAX = 300  # below this many records, run in this process (no pool start-up)


@dataclass
class Job:
    """One (task, set) to score."""

    task: str
    set_name: str
    path: Path
    records: list[dict[str, Any]]
    subset: str

    @property
    def key(self) -> str:
        return f"{self.task}/{self.set_name}"


def select(records: list[dict[str, Any]], split: str | None = None, first: int | None = None
           ) -> tuple[list[dict[str, Any]], str]:
    """Filter by split, then keep the first N; returns the records and a description."""
    described = []
    if split:
        records = [r for r in records if r.get("split") == split]
        described.append(f"split={split}")
    if first is not None and first < len(records):
        records = records[:first]
        described.append(f"first {first}")
    return records, (", ".join(described) or "all")


def job_for_file(task: str, path: str | Path, sample: int | None = None, split: str | None = None,
                 defaults: dict[str, Any] | None = None) -> Job:
    if task not in TASKS:
        raise InputError(f"unknown task {task!r}; known: {', '.join(TASKS)}, all")
    path = Path(path)
    records = list(read_jsonl(path))
    if not records:
        raise InputError(f"{path}: no records")
    if any("id" not in r or "text" not in r for r in records):
        raise InputError(f"{path}: every gold record needs an id and a text")
    defaults = defaults or {}
    chosen, subset = select(records, split or defaults.get("split"),
                            sample if sample is not None else defaults.get("first"))
    set_name = str(records[0].get("set") or path.stem)
    return Job(task, set_name, path, chosen, f"{subset} ({len(chosen)} of {len(records)} records)")


def discover_jobs(shared: str | Path, tasks: list[str], sample: int | None = None,
                  split: str | None = None) -> list[Job]:
    """Every development set of the given tasks under shared/eval, with the `all` subsets."""
    root = Path(shared) / "eval"
    if not root.is_dir():
        raise InputError(f"{root} not found (give --shared, the folder that holds eval/)")
    jobs = []
    for task in tasks:
        folder, _ = TASKS[task]
        for path in sorted((root / folder).glob("*.jsonl")):
            if f"{task}/{path.stem}" in NOT_IN_ALL:
                continue
            jobs.append(job_for_file(task, path, sample, split, ALL_SUBSETS.get(f"{task}/{path.stem}")))
    if not jobs:
        raise InputError(f"no gold files found under {root}")
    return jobs


# --- which stages can run -----------------------------------------------------------------
def usable_stages(settings: Settings) -> tuple[Pipeline, list[str]]:
    """A set-up pipeline of the configured stages that can be loaded and set up, in order,
    and notes on the rest. A stage that cannot be loaded (not written yet, broken) drops out
    with the stages that need what it provides."""
    from dateline.pipeline.registry import load_stage_class

    notes: list[str] = []
    available = {"article"}
    stages: list[Stage] = []
    for name in settings.stage_names:
        try:
            cls = load_stage_class(name)
        except PipelineError as exc:
            notes.append(f"{name}: not run ({str(exc).splitlines()[0][:200]})")
            continue
        missing = [r for r in cls.requires if r not in available]
        if missing:
            notes.append(f"{name}: not run (needs {', '.join(missing)}, which no usable stage provides)")
            continue
        stage = cls(settings)
        try:
            stage.setup()
        except Exception as exc:  # noqa: BLE001 - any setup failure means: run without it, say why
            notes.append(f"{name}: not run (setup failed: {type(exc).__name__}: {str(exc)[:200]})")
            continue
        stages.append(stage)
        available.update(cls.provides)
    if not stages:
        raise PipelineError("no stage of the pipeline can be loaded; see `dateline stages`")
    final = settings.updated(stages=",".join(s.name for s in stages))
    return Pipeline(stages, final, ready=True), notes


def _petrarch_dicts(job: Job, stack: ExitStack) -> tuple[str | None, str]:
    """Import the unit-test dictionaries into a temporary dict_dir, when the importer exists."""
    try:
        from dateline.knowledge.petrarch_import import import_dictionaries  # type: ignore[import-not-found]
    except ImportError:
        return None, "PETRARCH dictionaries not imported (dateline.knowledge.petrarch_import missing)"
    folder = job.path.parent / f"{PETRARCH_SET}-dictionaries"
    tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="dateline-petrarch-"))
    try:
        import_dictionaries(folder, Path(tmp))
    except Exception as exc:  # noqa: BLE001 - the run goes on without them; the report says so
        return None, f"PETRARCH dictionaries not imported ({type(exc).__name__}: {exc})"
    return tmp, f"PETRARCH unit-test dictionaries imported from {folder}"


def _petrarch_pipeline(dict_dir: str | None, settings: Settings, fallback: Pipeline,
                       notes: list[str], log: Callable[[str], None]) -> tuple[Settings, Pipeline]:
    """The pipeline reading the imported unit-test dictionaries, or the main one if it fails."""
    if dict_dir is None:
        return settings, fallback
    petrarch_settings = settings.updated(dict_dir=dict_dir)
    try:
        pipeline = build_pipeline(petrarch_settings)
        pipeline.setup()
    except Exception as exc:  # noqa: BLE001 - the run goes on with the main pipeline; say so
        note = f"pipeline with the PETRARCH dictionaries failed ({type(exc).__name__}: {exc})"
        notes.append(note)
        log(f"note: {note}")
        return settings, fallback
    return petrarch_settings, pipeline


def _run_group(jobs: list[Job], settings: Settings, log: Callable[[str], None],
               pipeline: Pipeline | None = None
               ) -> Iterator[tuple[Job, dict[str, dict[str, Any]], float]]:
    """Run the pipeline once over the records of several jobs; per job, its outputs by id
    and its run time."""
    from dateline.api import extract_records

    unique: dict[tuple[str, str], dict[str, Any]] = {}
    last_of: list[int] = []
    for job in jobs:
        for r in job.records:
            unique.setdefault((str(r["id"]), r["text"]), r)
        last_of.append(len(unique))
    records = list(unique.values())
    workers = settings.workers if len(records) > IN_PROCESS_MAX else 1
    run_settings = settings.updated(workers=workers)
    if workers == 1 and pipeline is None:
        pipeline = build_pipeline(run_settings)
    log(f"running {', '.join(j.key for j in jobs)}: {len(records)} records, "
        f"{workers} worker{'s' if workers > 1 else ''}")
    outputs: dict[str, dict[str, Any]] = {}
    start = time.perf_counter()
    ji = 0
    for n, out in enumerate(extract_records(records, run_settings, pipeline=pipeline,
                                            total=len(records)), 1):
        outputs[str(records[n - 1]["id"])] = out
        while ji < len(jobs) and n == last_of[ji]:
            now = time.perf_counter()
            yield jobs[ji], outputs, now - start
            start = now
            ji += 1
    while ji < len(jobs):  # jobs whose records were all processed for an earlier job
        yield jobs[ji], outputs, 0.0
        ji += 1


def evaluate(jobs: list[Job], settings: Settings, predictions: Path | None = None,
             save_predictions: Path | None = None, human_reference: Path | None = None,
             log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Score every job; returns the report (without the floor check)."""
    t0 = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    saved: dict[str, dict[str, Any]] = {}

    def add(job: Job, outputs: dict[str, dict[str, Any]], seconds: float, stages: list[str]) -> None:
        _, scorer = TASKS[job.task]
        t = time.perf_counter()
        score = scorer(job.records, outputs)
        results[job.key] = result_entry(job.task, job.set_name, score, source=str(job.path),
                                        subset=job.subset, seconds=seconds + time.perf_counter() - t,
                                        stages=stages)
        log(f"done {job.key}: {len(job.records)} records, {results[job.key]['runtime_seconds']:.1f} s")

    stages: list[str] = []
    if predictions is not None:
        outputs = {str(r.get("id")): r for r in read_jsonl(predictions)}
        stages = [f"predictions from {predictions}"]
        for job in jobs:
            add(job, outputs, 0.0, stages)
    else:
        log("loading the pipeline")
        pipeline, notes = usable_stages(settings)
        stages = pipeline.names
        for note in notes:
            log(f"note: {note}")
        settings = pipeline.settings
        main = [j for j in jobs if j.set_name != PETRARCH_SET]
        petrarch = [j for j in jobs if j.set_name == PETRARCH_SET]
        with ExitStack() as stack:
            groups: list[tuple[list[Job], Settings, Pipeline | None]] = (
                [(main, settings, pipeline)] if main else [])
            if petrarch:
                dict_dir, note = _petrarch_dicts(petrarch[0], stack)
                notes.append(note)
                log(f"note: {note}")
                groups.append((petrarch, *_petrarch_pipeline(dict_dir, settings, pipeline, notes, log)))
            for group, group_settings, group_pipeline in groups:
                for job, outputs, seconds in _run_group(group, group_settings, log, group_pipeline):
                    add(job, outputs, seconds, stages)
                    if save_predictions is not None:
                        saved.update({str(r["id"]): outputs[str(r["id"])] for r in job.records})
    if save_predictions is not None:
        with save_predictions.open("w", encoding="utf-8") as fh:
            for out in saved.values():
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    if human_reference is not None and any(j.key == "quotes/polnear" for j in jobs):
        entry = human_reference_entry(human_reference)
        if entry is not None:
            results["quotes/polnear-alt-annotations"] = entry
    return {"stages": stages, "stage_notes": notes, "results": results,
            "total_seconds": round(time.perf_counter() - t0, 1)}


def human_reference_entry(shared: Path) -> dict[str, Any] | None:
    """PolNeAR's second annotations scored against the first: the human ceiling for quotes.
    No pipeline run, so it is cheap; it is a reference row, never gated by a floor."""
    alt_path = shared / "eval" / "quotes" / "polnear-alt-annotations.jsonl"
    gold_path = shared / "eval" / "quotes" / "polnear.jsonl"
    if not (alt_path.exists() and gold_path.exists()):
        return None
    t = time.perf_counter()
    alternatives = alt_annotations_as_predictions(list(read_jsonl(alt_path)))
    gold = [r for r in read_jsonl(gold_path) if r["id"] in alternatives]
    score = score_quotes(gold, alternatives)
    score.remarks.append("a second human annotator scored against polnear: the human ceiling")
    return result_entry("quotes", "polnear-alt-annotations", score, source=str(alt_path),
                        subset=f"the {len(gold)} articles with a second annotation",
                        seconds=time.perf_counter() - t, stages=["human annotator"],
                        reference=True)
