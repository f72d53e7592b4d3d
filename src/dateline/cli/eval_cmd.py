"""`dateline eval`: score the pipeline (or a saved extract output) on the gold sets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from dateline.errors import InputError
from dateline.settings import Settings

TASK_NAMES = ("events", "quotes", "times", "places", "entities", "event-location", "all")


@click.command("eval")
@click.argument("task", type=click.Choice(TASK_NAMES))
@click.argument("gold", required=False, type=click.Path(dir_okay=False))
@click.option("--shared", default="../shared", show_default=True,
              help="Folder holding eval/ (used when no GOLD file is given).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the JSON report (figures, run times, worst records) here.")
@click.option("--floors", type=click.Path(dir_okay=False),
              help="JSON floors (\"task/set/metric\": value); a figure below its floor fails the run.")
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="Score this `dateline extract` output instead of running the pipeline.")
@click.option("--save-predictions", type=click.Path(dir_okay=False),
              help="Also write the pipeline's outputs here (to re-score with --predictions).")
@click.option("--check", "check_report", type=click.Path(dir_okay=False),
              help="Check a saved report against --floors; runs nothing.")
@click.option("--sample", type=click.IntRange(min=1), help="Only the first N records of each set.")
@click.option("--split", help="Only records of this split (PolNeAR: train, dev, test).")
@click.option("--stages", help="Stages to run [default: the configured pipeline].")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes for the larger sets.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--write-floors", type=click.Path(dir_okay=False),
              help="Write floors at today's figures minus 0.02 to this file; existing higher floors are kept.")
@click.pass_obj
def eval_command(settings: Settings, task: str, gold: str | None, shared: str, output: str | None,
                 floors: str | None, predictions: str | None, save_predictions: str | None,
                 check_report: str | None, sample: int | None, split: str | None,
                 stages: str | None, workers: int, no_progress: bool,
                 write_floors: str | None) -> None:
    """Score TASK (events, quotes, times, places, entities, event-location, or all) on the GOLD
    file, or on every development set under --shared/eval. Prints a table, writes the report,
    and fails when a figure falls below its floor."""
    from dateline.eval import (
        FloorError,
        check_floors,
        discover_jobs,
        evaluate,
        job_for_file,
        load_floors,
    )
    from dateline.eval.floors import suggest_floors
    from dateline.eval.report import format_table, write_report
    from dateline.eval.runner import TASKS

    pinned = load_floors(floors) if floors else None
    if check_report:
        report = _read_report(check_report)
        complete = True
    else:
        if task == "all" and gold:
            raise InputError("give either `all` or a GOLD file with a task, not both")
        complete = task == "all" and not (sample or split)
        started = time.perf_counter()
        if gold:
            jobs = [job_for_file(task, gold, sample, split)]
        else:
            jobs = discover_jobs(shared, list(TASKS) if task == "all" else [task], sample, split)
        settings = settings.updated(stages=stages, workers=workers,
                                    progress=False if no_progress else None)
        report = evaluate(
            jobs, settings, predictions=Path(predictions) if predictions else None,
            save_predictions=Path(save_predictions) if save_predictions else None,
            human_reference=None if gold else Path(shared),
            log=lambda line: click.echo(line, err=True),
        )
        report["total_seconds"] = round(time.perf_counter() - started, 1)
        report["selection"] = {"task": task, "gold": gold, "sample": sample, "split": split}
    results = report["results"]
    click.echo(format_table(results))
    for note in report.get("stage_notes", []):
        click.echo(f"note: {note}")
    click.echo(f"stages: {','.join(report.get('stages', []))}; total {report.get('total_seconds', 0):.1f} s")

    broken: list[str] = []
    if pinned is not None and (sample or split) and not check_report:
        click.echo("floors: not checked on a --sample/--split run (figures are not comparable)")
        pinned = None
    if pinned is not None:
        broken = check_floors(results, pinned, complete=complete)
        report["floors"] = {"file": floors, "checked": len(pinned), "broken": broken}
    if output and not check_report:
        write_report(output, report)
        click.echo(f"report written to {output}")
    if write_floors:
        suggested = suggest_floors(results)
        if Path(write_floors).exists():  # floors are raised, never lowered
            for key, value in load_floors(write_floors).items():
                suggested[key] = max(value, suggested.get(key, value))
        Path(write_floors).write_text(json.dumps(dict(sorted(suggested.items())), indent=1) + "\n",
                                      encoding="utf-8")
        click.echo(f"suggested floors written to {write_floors}")
    if broken:
        for line in broken:
            click.echo(line, err=True)
        raise FloorError(f"{len(broken)} figure(s) below their floors in {floors}")
    if pinned is not None:
        click.echo(f"floors: all {len(pinned)} figures at or above their floors")


def _read_report(path: str) -> dict:
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"report not found: {path}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg})") from None
    if not isinstance(report, dict) or not isinstance(report.get("results"), dict):
        raise InputError(f"{path}: not a `dateline eval` report (no results)")
    return report


COMMANDS = [eval_command]
