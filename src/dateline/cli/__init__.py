"""The `dateline` command: a thin layer over the Python API.

Each command group lives in its own module and exposes ``COMMANDS``; this module wires
them into one click group and turns DatelineError into one line and an exit code.
"""

from __future__ import annotations

import sys

import click

from dateline import __version__
from dateline.errors import DatelineError
from dateline.settings import load_settings

COMMAND_MODULES = (
    "dateline.cli.extract",
    "dateline.cli.store_cmds",
    "dateline.cli.eval_cmd",
    "dateline.cli.dict_cmd",
    "dateline.cli.export_cmd",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("--db", envvar="DATELINE_DB", default=None,
              help="SQLite store path [default: ./dateline.db; env DATELINE_DB].")
@click.option("--config", type=click.Path(), default=None,
              help="Settings file [default: ./dateline.toml if present].")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config: str | None) -> None:
    """Dateline: news articles in, political event data out.

    Actors, CAMEO/PLOVER events, quotes, times and places, each with the character offsets
    it came from, into an SQLite store you can query and export.
    """
    ctx.obj = load_settings(config, db=db)


def _register() -> None:
    import importlib
    import importlib.util

    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        for command in importlib.import_module(name).COMMANDS:
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit code."""
    try:
        cli.main(args=argv, prog_name="dateline", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"dateline: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except DatelineError as exc:
        click.echo(f"dateline: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
