"""`dateline export`: the store (or the events matching filters) in an analyst's format."""

from __future__ import annotations

from typing import Any

import click

from dateline.cli.store_cmds import _open, event_filter_options, filter_from
from dateline.settings import Settings

_FORMATS = ["gdelt-events", "gdelt-mentions", "plover", "jsonl", "csv", "parquet", "graphml", "gexf"]
_TABLES = ["events", "clusters", "mentions", "actors", "quotes"]


@click.command()
@click.option("--format", "fmt", type=click.Choice(_FORMATS), required=True,
              help="gdelt-events / gdelt-mentions (GDELT 2.0 TSV), plover (JSON Lines), "
                   "jsonl, csv, parquet (tables), graphml, gexf (actor network).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write.")
@click.option("--table", type=click.Choice(_TABLES), default="events", show_default=True,
              help="For jsonl/csv/parquet: extracted events, merged events (clusters), "
                   "mentions, actors or quotes.")
@click.option("--header", is_flag=True, help="GDELT formats: write a header row (GDELT has none).")
@event_filter_options
@click.pass_obj
def export(settings: Settings, fmt: str, output: str, table: str, header: bool,
           **options: Any) -> None:
    """Export events, mentions, actors or quotes: GDELT 2.0 Events/Mentions TSV, PLOVER
    JSON, JSON Lines, CSV, Parquet, or a GraphML/GEXF actor network.

    GDELT and PLOVER files and the network hold merged events (one per real-world event);
    filters select the merged events with at least one matching mention."""
    from dateline.export import export as run_export

    with _open(settings) as store:
        n = run_export(store, fmt, output, filter_from(options), table=table, header=header)
    unit = "edges" if fmt in ("graphml", "gexf") else "rows"
    click.echo(f"{output}: {n} {unit} ({fmt})")


COMMANDS = [export]
