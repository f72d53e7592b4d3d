"""`dateline extract`: stateless, articles in, the JSON output contract out."""

from __future__ import annotations

import json
import sys

import click

from dateline.settings import Settings


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="-", help="Output JSON Lines file [default: stdout].")
@click.option("--date", help="Publication date YYYY-MM-DD for articles without one.")
@click.option("--stages", help="Comma-separated stages to run (see `dateline stages`).")
@click.option("--workers", type=int, help="Worker processes.")
@click.option("--batch-size", type=int, help="Articles per batch.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.pass_obj
def extract(settings: Settings, inputs: tuple[str, ...], output: str, date: str | None,
            stages: str | None, workers: int | None, batch_size: int | None,
            no_progress: bool) -> None:
    """Read articles (files, folders, JSONL, CSV, HTML, `-`) and write one JSON object per
    article, in input order, with actors, events, quotes, times and places."""
    from dateline.api import extract_paths

    settings = settings.updated(date=date, stages=stages, workers=workers,
                                batch_size=batch_size, progress=False if no_progress else None)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    n = errors = 0
    try:
        for record in extract_paths(list(inputs), settings):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
            if "error" in record:
                errors += 1
                where = "" if record.get("stage") == "ingest" else f" (in the {record['stage']} stage)"
                click.echo(f"dateline: skipped {record.get('origin')}{where}: {record['error']}",
                           err=True)
    finally:
        if out is not sys.stdout:
            out.close()
    click.echo(f"{n} articles written to {output}, {errors} with errors", err=True)


@click.command()
def stages() -> None:
    """List the available pipeline stages with what they require and provide."""
    from dateline.pipeline.registry import available_stages, load_stage_class

    for name in available_stages():
        try:
            cls = load_stage_class(name)
        except Exception as exc:  # noqa: BLE001 - listing must show broken plugins, not crash
            click.echo(f"{name:14} (cannot load: {exc})")
            continue
        click.echo(f"{name:14} requires {','.join(cls.requires) or '-':28} provides {','.join(cls.provides)}")


COMMANDS = [extract, stages]
