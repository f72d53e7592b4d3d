"""Store commands: `ingest`, `stats`, `articles`, `show`, `actors`, `actor`, `events`,
`clusters`, `cluster`, `counts`, `quotes`.

A thin layer: options are parsed here, the work is done by ``dateline.store`` (ingest runs,
``queries``), and user errors are DatelineErrors that ``main()`` prints as one line.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import sys
from collections.abc import Callable
from typing import Any

import click

from dateline.errors import DatelineError, InputError
from dateline.settings import Settings

FORMATS = click.Choice(["table", "jsonl", "csv"])


def _open(settings: Settings):  # -> Store (imported lazily: `--help` stays fast)
    from dateline.store import Store

    return Store(settings.db, create=False)


def _emit(rows: list[dict[str, Any]], columns: list[str], fmt: str) -> None:
    """Write rows as an aligned table (clipped to the terminal), JSON Lines or CSV."""
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns,
                                extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    # Clip the widest column until the table fits the terminal.
    room = shutil.get_terminal_size((120, 24)).columns
    while sum(widths) + 2 * len(widths) > room and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1
    click.echo(click.style("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)),
                           bold=True))
    for row in cells:
        click.echo("  ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(str(value).split())


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"


def _format_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                        help="Output format.")(fn)


# --- ingest -------------------------------------------------------------------------------
@click.command()
@click.argument("paths", nargs=-1)
@click.option("--demo", is_flag=True, help="Ingest the bundled demo corpus.")
@click.option("--date", help="Publication date YYYY-MM-DD for articles without one.")
@click.option("--stages", help="Comma-separated stages to run (see `dateline stages`).")
@click.option("--workers", type=int, help="Worker processes.")
@click.option("--batch-size", type=int, help="Articles per batch (and per commit).")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...], demo: bool, date: str | None,
           stages: str | None, workers: int | None, batch_size: int | None,
           no_progress: bool) -> None:
    """Process articles (files, folders, JSONL, `-`) into the store given by --db.

    Articles already stored with the same text and pipeline version are skipped, so
    rerunning after an interruption resumes where it stopped."""
    from dateline.store.ingest_run import demo_paths, ingest_paths

    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--date: expected YYYY-MM-DD, got {date!r}") from None
    inputs = list(paths) + (demo_paths() if demo else [])
    if not inputs:
        raise InputError("nothing to ingest: give one or more PATHs, or --demo")
    settings = settings.updated(date=date, stages=stages, workers=workers,
                                batch_size=batch_size, progress=False if no_progress else None)

    def report(failure: Any) -> None:
        click.echo(f"skipped {failure.origin}: {failure.reason}", err=True)

    try:
        counts = ingest_paths(inputs, settings, on_failure=report)
    except KeyboardInterrupt:
        click.echo(f"interrupted: articles committed so far are kept in {settings.db}; "
                   "run the same command again to resume", err=True)
        sys.exit(130)
    click.echo(f"{settings.db}: {counts.summary()}")


# --- summaries and lists ------------------------------------------------------------------
@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.pass_obj
def stats(settings: Settings, fmt: str) -> None:
    """Summarise the store: articles, failures, actors, events by CAMEO root and PLOVER type."""
    from dateline.store import queries

    with _open(settings) as store:
        s = queries.stats(store)
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    first, last = s["date_range"]
    a = s["actors"]
    click.echo(f"store      {settings.db}")
    click.echo(f"articles   {s['articles']}" + (f"  ({first} … {last})" if first else "")
               + f"   failures {s['failures']}   near-duplicates linked {s['near_duplicates']}")
    click.echo(f"text       {s['sentences']} sentences, {s['entities']} entities")
    click.echo(f"actors     {a['global']} in the actor base, {a['in_articles']} in articles, "
               f"{a['mentions']} mentions")
    click.echo(f"events     {s['events']} mentions of {s['merged_events']} merged events")
    if s["events_by_cameo_root"]:
        click.echo("  by CAMEO root  " + "  ".join(
            f"{k}:{v}" for k, v in s["events_by_cameo_root"].items()))
        click.echo("  by PLOVER      " + "  ".join(
            f"{k}:{v}" for k, v in s["events_by_plover"].items()))
    click.echo(f"quotes     {s['quotes']}")
    click.echo(f"times      {s['times']}")
    click.echo(f"places     {s['places']}")


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--search", help="Text to find in titles and sentences.")
@_format_option
@click.pass_obj
def articles(settings: Settings, limit: int, search: str | None, fmt: str) -> None:
    """List stored articles, newest first."""
    from dateline.store import queries

    with _open(settings) as store:
        rows = queries.list_articles(store, limit=limit, search=search)
    _emit(rows, ["id", "date", "source", "actors", "events", "quotes", "title"], fmt)


@click.command()
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.pass_obj
def show(settings: Settings, article_id: str, fmt: str) -> None:
    """Show one article with its layers: highlighted text, actors, events, quotes, times,
    places."""
    from dateline.cli.store_show import render_article
    from dateline.store import queries

    with _open(settings) as store:
        art = queries.get_article(store, article_id)
    if art is None:
        raise DatelineError(f"no article with id {article_id!r} in {settings.db} "
                         "(see `dateline articles`)")
    if fmt == "json":
        click.echo(json.dumps(art, ensure_ascii=False))
    else:
        click.echo(render_article(art))


@click.command()
@click.option("--country", help="ISO 3166-1 alpha-3 country code, e.g. IRN.")
@click.option("--search", help="Part of a name or alias.")
@click.option("--kind", help="person, organization, country, group, ...")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@_format_option
@click.pass_obj
def actors(settings: Settings, country: str | None, search: str | None, kind: str | None,
           limit: int, fmt: str) -> None:
    """List actors of the actor base (merged across articles), most seen first."""
    from dateline.store import queries

    with _open(settings) as store:
        rows = queries.list_actors(store, country=country, search=search, kind=kind, limit=limit)
    _emit(rows, ["id", "name", "kind", "country", "code", "articles", "mentions", "role"], fmt)


@click.command()
@click.argument("actor_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.pass_obj
def actor(settings: Settings, actor_id: str, fmt: str) -> None:
    """Show one actor: aliases, roles over time, articles and events."""
    from dateline.cli.store_show import render_actor
    from dateline.store import queries

    if not actor_id.isdigit():
        raise InputError(f"actor id must be a number (see `dateline actors`), got {actor_id!r}")
    with _open(settings) as store:
        found = queries.get_actor(store, int(actor_id))
    if found is None:
        raise DatelineError(f"no actor with id {actor_id} in {settings.db} (see `dateline actors`)")
    click.echo(json.dumps(found, ensure_ascii=False) if fmt == "json" else render_actor(found))


def event_filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by `events`, `clusters`, `counts` and `export`."""
    options = [
        click.option("--actor", "actor_", help="Actor id or part of a name or alias (source or target)."),
        click.option("--actor-code", help="Source or target actor code prefix, e.g. IRNGOV, IRN."),
        click.option("--sector", help="Source or target agent code, e.g. GOV, MIL."),
        click.option("--country", help="Source or target country (alpha-3), e.g. IRN."),
        click.option("--code", help="CAMEO code or prefix: 04 matches 040-046."),
        click.option("--plover", help="PLOVER event type, e.g. CONSULT."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="QuadClass 1-4."),
        click.option("--goldstein-min", type=float, help="Lowest Goldstein value."),
        click.option("--goldstein-max", type=float, help="Highest Goldstein value."),
        click.option("--since", help="Events on or after this date (YYYY-MM-DD, YYYY-MM, YYYY)."),
        click.option("--until", help="Events on or before this date."),
        click.option("--place-country", help="Country of the event place (alpha-2), e.g. IR."),
        click.option("--near", help="LAT,LON,KM: event places within KM of a point."),
        click.option("--outlet", help="Article source or URL host (part of it)."),
        click.option("--text", help="Words that must all occur in the event's sentence (FTS)."),
        click.option("--article", help="Only events of this article id."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def filter_from(options: dict[str, Any], limit: int | None = None, offset: int = 0,
                sort: str = "date") -> Any:  # -> queries.EventFilter
    """An EventFilter from the options of ``event_filter_options``."""
    from dateline.store import queries

    near = None
    if options.get("near"):
        try:
            lat, lon, km = (float(x) for x in options["near"].split(","))
        except ValueError:
            raise InputError(f"--near: expected LAT,LON,KM, got {options['near']!r}") from None
        near = (lat, lon, km)
    return queries.EventFilter(
        actor=options.get("actor_"), actor_code=options.get("actor_code"),
        sector=options.get("sector"), country=options.get("country"), code=options.get("code"),
        plover=options.get("plover"), quad_class=options.get("quad_class"),
        goldstein_min=options.get("goldstein_min"), goldstein_max=options.get("goldstein_max"),
        since=queries.check_date(options.get("since"), "--since"),
        until=queries.check_date(options.get("until"), "--until"),
        place_country=options.get("place_country"), near=near, outlet=options.get("outlet"),
        text=options.get("text"), article=options.get("article"),
        limit=limit, offset=offset, sort=sort)


_SORT = click.Choice(["date", "-date", "goldstein", "-goldstein", "confidence", "-confidence",
                      "mentions", "-mentions"])


@click.command()
@event_filter_options
@click.option("--merged", is_flag=True, help="Merged events (one per real-world event) instead.")
@click.option("--sort", type=_SORT, default="date", show_default=True, help="Order ('-': descending).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows.")
@_format_option
@click.pass_obj
def events(settings: Settings, merged: bool, sort: str, limit: int, offset: int, fmt: str,
           **options: Any) -> None:
    """List events; dates are event dates (the article date when the text gives none).

    Each event shows the merged event it belongs to (CLUSTER) and that event's mention count;
    --merged lists merged events instead (as `dateline clusters`)."""
    from dateline.store import queries

    flt = filter_from(options, limit, offset, sort)
    with _open(settings) as store:
        if merged:
            rows = queries.list_clusters(store, flt)
            columns = _CLUSTER_COLUMNS
        else:
            rows = queries.list_events(store, flt)
            columns = ["date", "cameo", "plover_type", "source", "source_code", "target",
                       "target_code", "trigger", "article", "cluster", "num_mentions"]
    _emit(rows, columns, fmt)


_CLUSTER_COLUMNS = ["id", "date", "cameo", "plover_type", "source", "target", "place",
                    "num_mentions", "num_sources", "num_articles", "trigger"]


@click.command()
@event_filter_options
@click.option("--sort", type=_SORT, default="date", show_default=True, help="Order ('-': descending).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows.")
@_format_option
@click.pass_obj
def clusters(settings: Settings, sort: str, limit: int, offset: int, fmt: str,
             **options: Any) -> None:
    """List merged events: one row per real-world event with its mention, source and article
    counts (a merged event matches when one of its mentions does)."""
    from dateline.store import queries

    with _open(settings) as store:
        rows = queries.list_clusters(store, filter_from(options, limit, offset, sort))
    _emit(rows, _CLUSTER_COLUMNS, fmt)


@click.command()
@click.argument("cluster_id", type=int)
@click.pass_obj
def cluster(settings: Settings, cluster_id: int) -> None:
    """Show one merged event as JSON with every mention and why it was merged."""
    from dateline.store import queries

    with _open(settings) as store:
        found = queries.get_cluster(store, cluster_id)
    if found is None:
        raise DatelineError(f"no merged event {cluster_id} in {settings.db} (see `dateline clusters`)")
    click.echo(json.dumps(found, ensure_ascii=False, indent=2))


@click.command()
@event_filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year", "pair"]), default="month",
              show_default=True, help="Period, or (source, target) actor pair.")
@click.option("--merged", is_flag=True, help="Count merged events (and their mentions).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")
@_format_option
@click.pass_obj
def counts(settings: Settings, by: str, merged: bool, limit: int | None, fmt: str,
           **options: Any) -> None:
    """Count events per day, week, month, year or actor pair, with the mean Goldstein value."""
    from dateline.store import queries

    with _open(settings) as store:
        rows = queries.counts(store, by, filter_from(options, limit), merged=merged)
    key = ["source", "target"] if by == "pair" else ["period"]
    _emit(rows, [*key, "events", *(["mentions"] if merged else []), "goldstein_mean"], fmt)


@click.command()
@click.option("--speaker", help="Speaker actor id or part of a name.")
@click.option("--search", help="Text to find in the quotes.")
@click.option("--article", help="Only quotes of this article id.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@_format_option
@click.pass_obj
def quotes(settings: Settings, speaker: str | None, search: str | None, article: str | None,
           limit: int, fmt: str) -> None:
    """List quotations with their speakers."""
    from dateline.store import queries

    with _open(settings) as store:
        rows = queries.list_quotes(store, speaker=speaker, search=search, article=article,
                                   limit=limit)
    _emit(rows, ["date", "speaker", "direct", "content", "article"], fmt)


COMMANDS = [ingest, stats, articles, show, actors, actor, events, clusters, cluster, counts, quotes]
