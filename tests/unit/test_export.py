"""Every export format round-trips through the library its users load it with."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_merge import BAGHDAD, TEHRAN, meeting

from dateline.cli import cli
from dateline.export import export
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.store import Store, queries
from dateline.store.queries import EventFilter


def read_tsv(path, header=None) -> pd.DataFrame:
    # How GDELT files are read: tab-separated, no quoting, every column a string.
    return pd.read_csv(path, sep="\t", header=header, dtype=str, quoting=3, keep_default_na=False)


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.write(meeting("reuters-1", "BAGHDAD (Reuters) -", source="Reuters"), "v1")
        s.write(meeting("ap-1", "BAGHDAD (AP) —", source="AP", event_date="2019-03-12"), "v1")
        s.write(meeting("irna-9", "TEHRAN (IRNA) -", source="IRNA", place=TEHRAN, cameo="190",
                        event_date="2019-05", precision="month", date="2019-05-20"), "v1")
        yield s


def test_gdelt_events_have_the_61_documented_columns_and_known_fields(store, tmp_path):
    n = export(store, "gdelt-events", tmp_path / "e.tsv")
    df = read_tsv(tmp_path / "e.tsv")
    assert n == len(df) == 2 and df.shape[1] == 61
    df.columns = list(EVENT_COLUMNS)
    meet = df[df.EventRootCode == "04"].iloc[0]
    assert (meet.SQLDATE, meet.MonthYear, meet.Year) == ("20190311", "201903", "2019")
    assert (meet.Actor1Code, meet.Actor1Name, meet.Actor1CountryCode, meet.Actor1Type1Code) == \
        ("IRQGOV", "ADEL ABDUL MAHDI", "IRQ", "GOV")
    assert (meet.Actor2CountryCode, meet.EventCode, meet.EventBaseCode, meet.QuadClass) == \
        ("IRN", "043", "043", "1")
    assert (meet.NumMentions, meet.NumSources, meet.NumArticles) == ("2", "2", "2")
    assert meet.AvgTone == "" and meet.ActionGeo_CountryCode == ""  # never invented
    assert float(meet.ActionGeo_Lat) == BAGHDAD[2] and meet.ActionGeo_FullName == "Baghdad"
    assert meet.IsRootEvent == "1" and len(meet.DATEADDED) == 14
    fight = df[df.EventRootCode == "19"].iloc[0]
    # A month-precision date: the month and year are known, the day is not.
    assert (fight.SQLDATE, fight.MonthYear, fight.Year, fight.QuadClass) == ("", "201905", "2019", "4")


def test_gdelt_column_order_matches_the_reference(shared_dir):
    ref = shared_dir / "reference"
    events = read_tsv(ref / "gdelt2-events-columns.tsv", header=0)
    mentions = read_tsv(ref / "gdelt2-mentions-columns.tsv", header=0)
    assert list(EVENT_COLUMNS) == [c for c in events["name"]]
    assert list(MENTION_COLUMNS) == [c for c in mentions["name"]]


def test_gdelt_mentions_point_at_the_trigger_of_each_article(store, tmp_path):
    export(store, "gdelt-mentions", tmp_path / "m.tsv", header=True)
    df = read_tsv(tmp_path / "m.tsv", header=0)
    assert list(df.columns) == list(MENTION_COLUMNS)
    meet_id = store.conn.execute("SELECT id FROM event_clusters WHERE cameo_root = '04'").fetchone()[0]
    rows = df[df.GLOBALEVENTID == str(meet_id)]
    assert sorted(rows.MentionSourceName) == ["ap", "reuters"]
    for _, m in rows.iterrows():
        text = store.conn.execute("SELECT text FROM articles WHERE url IS NULL AND source = ?",
                                  ("AP" if m.MentionSourceName == "ap" else "Reuters",)).fetchone()[0]
        at = int(m.ActionCharOffset)
        assert text[at:at + 3] == "met" and m.SentenceID == "1" and m.Confidence == "80"
        assert text[int(m.Actor1CharOffset):].startswith("Adel Abdul Mahdi")


def test_plover_records_have_the_required_fields(store, tmp_path):
    export(store, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert len(records) == 2
    for rec in records:
        assert {"id", "date", "actor", "event"} <= set(rec)
    meet = next(r for r in records if r["cameo"] == "043")
    assert meet["event"] == ["CONSULT"] and meet["quad_code"] == 1 and meet["date"] == "2019-03-11"
    assert meet["actor"] == [{"code": "IRQ", "sector": "GOV", "entity_text": "Adel Abdul Mahdi"}]
    assert meet["recipient"][0]["code"] == "IRN"
    assert meet["event_loc"]["country_code"] == "IRQ" and meet["num_sources"] == 2


@pytest.mark.parametrize("table", ["events", "clusters", "mentions", "actors", "quotes"])
def test_jsonl_csv_and_parquet_tables_hold_the_same_rows(store, tmp_path, table):
    n = export(store, "jsonl", tmp_path / "t.jsonl", table=table)
    from_json = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    assert len(from_json) == n
    export(store, "csv", tmp_path / "t.csv", table=table)
    export(store, "parquet", tmp_path / "t.parquet", table=table)
    if n == 0:  # no quotes in these articles
        assert table == "quotes"
        return
    from_csv = pd.read_csv(tmp_path / "t.csv", keep_default_na=False, dtype=str)
    from_parquet = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert len(from_csv) == len(from_parquet) == n
    assert list(from_csv.columns) == list(from_json[0]) == list(from_parquet[0])
    assert from_parquet == from_json


def test_the_events_table_carries_merged_event_counts(store, tmp_path):
    export(store, "parquet", tmp_path / "e.parquet", table="events", flt=EventFilter(code="04", limit=None))
    df = pd.read_parquet(tmp_path / "e.parquet")
    assert len(df) == 2 and df["cluster"].nunique() == 1 and set(df["num_mentions"]) == {2}


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_actor_networks_load_in_networkx(store, tmp_path, fmt, reader):
    export(store, fmt, tmp_path / f"g.{fmt}")
    g = reader(tmp_path / f"g.{fmt}")
    labels = {g.nodes[n]["label"]: n for n in g.nodes}
    assert set(labels) == {"Adel Abdul Mahdi", "Hassan Rouhani"}
    edge = g.edges[labels["Adel Abdul Mahdi"], labels["Hassan Rouhani"]]
    # Two merged events from Mahdi to Rouhani: the meeting (2.8) and the fight (Goldstein 2.8
    # in these test records too): mean 2.8.
    assert int(edge["events"]) == 2 and int(edge["mentions"]) == 3
    assert float(edge["goldstein_mean"]) == pytest.approx(2.8)
    assert g.is_directed() and g.number_of_edges() == 1


def test_cli_export_applies_filters_and_reports_the_count(store, tmp_path):
    out = tmp_path / "f.tsv"
    result = CliRunner().invoke(cli, ["--db", store.path, "export", "--format", "gdelt-events",
                                      "--code", "19", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 rows" in result.output
    assert read_tsv(out).iloc[0, 26] == "190"


def test_exporting_to_a_missing_folder_is_a_one_line_error(store, tmp_path):
    result = CliRunner().invoke(cli, ["--db", store.path, "export", "--format", "csv",
                                      "-o", str(tmp_path / "nope" / "x.csv")])
    assert result.exit_code != 0
    assert "does not exist" in str(result.exception or result.output)


def test_csv_list_columns_are_space_joined(store, tmp_path):
    export(store, "csv", tmp_path / "c.csv", table="clusters")
    with (tmp_path / "c.csv").open() as f:
        row = next(csv.DictReader(f))
    assert row["source_sectors"] == "GOV"
    assert queries.list_clusters(store)[0]["source_sectors"] == ["GOV"]
