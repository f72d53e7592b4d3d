"""Queries over extracted and merged events: every filter, sorting, paging, counts, the
Python API (``dateline.open``) and the CLI commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_merge import TEHRAN, meeting

import dateline
from dateline.cli import cli
from dateline.errors import InputError
from dateline.store import Store, queries
from dateline.store.queries import EventFilter


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store(path) as s:
        s.write(meeting("reuters-1", "BAGHDAD (Reuters) -", source="Reuters"), "v1")
        s.write(meeting("ap-1", "BAGHDAD (AP) —", source="AP", event_date="2019-03-12"), "v1")
        s.write(meeting("irna-9", "TEHRAN (IRNA) -", source="IRNA", place=TEHRAN, cameo="190",
                        event_date="2019-05-20", date="2019-05-20"), "v1")
    return path


def ids(rows):
    return sorted(r["article"] for r in rows)


@pytest.mark.parametrize("flt,expected", [
    (EventFilter(actor="Rouhani"), ["ap-1", "irna-9", "reuters-1"]),
    (EventFilter(actor_code="IRQGOV"), ["ap-1", "irna-9", "reuters-1"]),
    (EventFilter(sector="GOV", code="19"), ["irna-9"]),
    (EventFilter(code="04"), ["ap-1", "reuters-1"]),
    (EventFilter(plover="consult"), ["ap-1", "irna-9", "reuters-1"]),
    (EventFilter(quad_class=1, goldstein_min=2.0, goldstein_max=3.0),
     ["ap-1", "irna-9", "reuters-1"]),
    (EventFilter(goldstein_min=5.0), []),
    (EventFilter(since="2019-04", until="2019-05"), ["irna-9"]),
    (EventFilter(place_country="ir"), ["irna-9"]),
    (EventFilter(near=(35.7, 51.4, 50.0)), ["irna-9"]),  # Tehran, not Baghdad (690 km away)
    (EventFilter(outlet="reuters"), ["reuters-1"]),
    (EventFilter(text="leaders discussed trade"), []),  # another sentence than the event's
    (EventFilter(text="Rouhani Monday"), ["ap-1", "irna-9", "reuters-1"]),
])
def test_each_event_filter_selects_what_it_says(db, flt, expected):
    with dateline.open(db) as store:
        assert ids(queries.list_events(store.store, flt)) == expected


def test_sorting_and_paging(db):
    with dateline.open(db) as store:
        by_date = store.events(sort="-date")
        assert by_date[0]["article"] == "irna-9"
        page = [store.events(limit=1, offset=i)[0]["article"] for i in range(3)]
        assert page == [r["article"] for r in store.events()]
        assert store.clusters(sort="-mentions")[0]["num_mentions"] == 2
        with pytest.raises(InputError):
            store.events(sort="loudness")


def test_merged_events_match_when_any_mention_matches(db):
    with dateline.open(db) as store:
        merged = store.clusters(outlet="AP")
        assert len(merged) == 1 and merged[0]["num_articles"] == 2
        detail = store.cluster(merged[0]["id"])
        assert [m["article"] for m in detail["mentions"]] == ["reuters-1", "ap-1"]
        assert "within 1 day" in detail["mentions"][1]["merge_reason"]


def test_counts_by_period_and_pair(db):
    with dateline.open(db) as store:
        assert store.counts(by="month") == [
            {"period": "2019-03", "events": 2, "goldstein_mean": 2.8},
            {"period": "2019-05", "events": 1, "goldstein_mean": 2.8}]
        assert [(r["period"], r["events"], r["mentions"]) for r in store.counts(by="month", merged=True)] \
            == [("2019-03", 1, 2), ("2019-05", 1, 1)]
        assert [r["period"] for r in store.counts(by="week")] == ["2019-W10", "2019-W20"]
        assert [r["period"] for r in store.counts(by="day")] == ["2019-03-11", "2019-03-12", "2019-05-20"]
        pairs = store.counts(by="pair", merged=True)
        assert [(p["source"], p["target"], p["events"]) for p in pairs] == \
            [("Adel Abdul Mahdi", "Hassan Rouhani", 2)]


def test_cli_filters_clusters_and_counts(db):
    run = CliRunner()
    out = run.invoke(cli, ["--db", str(db), "events", "--place-country", "IR", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["article"] for line in out.output.splitlines()] == ["irna-9"]
    out = run.invoke(cli, ["--db", str(db), "events", "--merged", "--code", "04", "--format", "jsonl"])
    assert [json.loads(line)["num_mentions"] for line in out.output.splitlines()] == [2]
    out = run.invoke(cli, ["--db", str(db), "clusters", "--format", "csv"])
    assert out.exit_code == 0 and out.output.count("\n") == 3
    out = run.invoke(cli, ["--db", str(db), "counts", "--by", "pair", "--merged", "--format", "jsonl"])
    assert json.loads(out.output.splitlines()[0])["mentions"] == 3
    out = run.invoke(cli, ["--db", str(db), "events", "--near", "35.7,51.4"])
    assert out.exit_code != 0 and "LAT,LON,KM" in str(out.exception)
