"""`dateline dict import`: bring PETRARCH actor, agent and verb dictionaries into Dateline."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.errors import InputError
from dateline.settings import Settings

FORMATS = ("petrarch-actors", "petrarch-agents", "petrarch-verbs")


@click.group("dict")
def dict_group() -> None:
    """Dictionaries: import existing actor, agent and verb dictionaries."""


@dict_group.command("import")
@click.argument("path", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Dictionary format [default: from the file name; required for odd names].")
@click.pass_obj
def import_cmd(settings: Settings, path: str, fmt: str | None) -> None:
    """Convert PATH (a file, or a folder of PETRARCH files) into the dictionary folder
    (setting dict_dir), where the actors and events stages read it."""
    from dateline.knowledge.petrarch_import import import_dictionaries, import_file, sniff_format

    target = Path(path)
    if target.is_dir():
        done = import_dictionaries(target, settings.dict_dir)
        if not done:
            raise InputError(f"no PETRARCH actor/agent/verb files found in {target}")
        for name, count in done.items():
            click.echo(f"{name}: {count} entries")
    else:
        fmt = fmt or sniff_format(target)
        if fmt is None:
            raise InputError(f"cannot tell the format of {target.name}; pass --format")
        count = import_file(target, fmt, settings.dict_dir)
        click.echo(f"{target.name}: {count} entries ({fmt})")
    click.echo(f"written to {settings.dict_dir}")


COMMANDS = [dict_group]
