"""Merging end to end through the real pipeline: reprints are linked, not reprocessed, and
ingesting a corpus twice changes no count."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from conftest import pipeline_for
from dateline.ingest import read_paths
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.ingest_run import ingest_items

STAGES = Settings().stages
WIRE = (
    "CAIRO – Egyptian President Abdel Fattah al-Sisi met Sudanese Prime Minister Abdalla "
    "Hamdok in Cairo on Tuesday to discuss the Nile dam dispute, the presidency said. "
    "Sisi told reporters that Egypt would defend its share of the river's water. "
    "The two leaders agreed to keep talking with Ethiopia, officials said."
)
# The same wire story as another outlet ran it: a new opening credit and one word edited.
REPRINT = ("By our staff writer. " + WIRE).replace("defend its share", "protect its share")

TABLES = ("articles", "events", "event_clusters", "event_mentions", "article_copies", "actor_base",
          "quotes", "sentences", "article_bands")


def counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _ingest(store: Store, records: list[dict], tmp_path, name: str):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = Settings(db=store.path, progress=False, stages=STAGES)
    return ingest_items(read_paths([str(path)]), settings, store=store,
                        pipeline=pipeline_for(STAGES))  # type: ignore[arg-type]


def test_two_near_identical_copies_give_one_set_of_events_with_two_mentions(tmp_path):
    records = [
        {"id": "wire-1", "date": "2020-01-14", "source": "Wire", "text": WIRE},
        {"id": "daily-7", "date": "2020-01-14", "source": "Daily", "text": REPRINT},
    ]
    with Store(tmp_path / "copies.db") as store:
        result = _ingest(store, records, tmp_path, "copies.jsonl")
        assert (result.new, result.copies) == (1, 1)
        c = counts(store)
        assert c["articles"] == 2 and c["article_copies"] == 1
        # Only the original was analysed: the events are those of one article ...
        per_article = store.conn.execute(
            "SELECT a.article_id, COUNT(e.id) FROM articles a LEFT JOIN events e ON e.article = a.id "
            "GROUP BY a.id ORDER BY a.article_id").fetchall()
        assert [tuple(r) for r in per_article] == [("daily-7", 0), ("wire-1", c["events"])]
        assert c["events"] >= 1
        # ... and every merged event has two mentions, two articles, two sources.
        rows = store.conn.execute(
            "SELECT num_mentions, num_articles, num_sources FROM event_clusters").fetchall()
        assert rows and all(tuple(r) == (2, 2, 2) for r in rows)
        # The reprint's mentions point into its own text where the sentence is unchanged.
        for start, end, trigger in store.conn.execute(
                "SELECT m.trigger_start, m.trigger_end, e.trigger_text FROM event_mentions m "
                "JOIN events e ON e.id = m.event WHERE m.copy = 1 AND m.trigger_start IS NOT NULL"):
            assert REPRINT[start:end] == trigger


def test_a_different_story_with_the_same_opening_is_not_a_copy(tmp_path):
    other = WIRE.split(". ")[0] + ". " + (
        "Later the Sudanese delegation flew to Addis Ababa, where Ethiopian officials rejected "
        "new talks and accused Cairo of stalling, according to state media.")
    records = [{"id": "wire-1", "date": "2020-01-14", "text": WIRE},
               {"id": "wire-2", "date": "2020-01-15", "text": other}]
    with Store(tmp_path / "other.db") as store:
        result = _ingest(store, records, tmp_path, "other.jsonl")
        assert (result.new, result.copies) == (2, 0)


def test_ingesting_wikinews_twice_changes_no_count(shared_dir, tmp_path):
    lines = (shared_dir / "corpus" / "wikinews-2019-2020.jsonl").open(encoding="utf-8")
    records = [json.loads(line) for line in islice(lines, 10)]
    with Store(tmp_path / "wn.db") as store:
        first = _ingest(store, records, tmp_path, "wn.jsonl")
        assert first.new + first.copies + first.failed == 10
        before = counts(store)
        mentions = store.conn.execute("SELECT SUM(num_mentions) FROM event_clusters").fetchone()[0]
        second = _ingest(store, records, tmp_path, "wn.jsonl")
        assert (second.new, second.copies, second.replaced) == (0, 0, 0)
        assert counts(store) == before
        assert store.conn.execute("SELECT SUM(num_mentions) FROM event_clusters").fetchone()[0] \
            == mentions
        assert before["events"] > 0 and before["event_clusters"] <= before["events"]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_whichever_copy_comes_first_is_the_original(tmp_path, order):
    texts = [WIRE, REPRINT]
    records = [{"id": f"r{i}", "date": "2020-01-14", "text": texts[i]} for i in order]
    with Store(tmp_path / "o.db") as store:
        _ingest(store, records, tmp_path, "o.jsonl")
        original = store.conn.execute(
            "SELECT a.article_id FROM article_copies c JOIN articles a ON a.id = c.original"
        ).fetchone()[0]
        assert original == f"r{order[0]}"
