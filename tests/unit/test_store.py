"""Store: migrations, one-transaction writes, idempotence, replacement, failures, resumption."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import replace

import pytest

from dateline.errors import StoreError
from dateline.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    Event,
    EventArg,
    EventDate,
    EventPlace,
    Failure,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
    TimeRef,
)
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.ingest_run import ingest_items
from dateline.store.schema import MIGRATIONS

TEXT = (
    "TEHRAN – Iranian Foreign Minister Mohammad Javad Zarif met Omani Foreign Minister "
    "Yusuf bin Alawi in Tehran on Monday to discuss shipping in the Gulf. "
    "\"Security in the Strait of Hormuz is our shared responsibility,\" Zarif told reporters."
)
TABLES = ("articles", "sentences", "entities", "actor_base", "actor_aliases", "actor_roles",
          "article_actors", "actor_mentions", "events", "quotes", "times", "places", "failures")


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(s, start + 1)
    return start, start + len(s)


def span(text: str, s: str, nth: int = 0) -> Span:
    return Span(*at(text, s, nth), s)


def seed_analysis(text: str = TEXT, article_id: str = "irn-omn-1", date: str = "2016-11-14") -> Analysis:
    art = Article(id=article_id, text=text, date=dt.date.fromisoformat(date),
                  content_hash=hashlib.sha256(text.encode()).hexdigest(), origin="test:1")
    cut = text.index(" \"Security") + 1
    sentences = (Sentence(0, 0, cut - 1), Sentence(1, cut, len(text)))
    zarif = Actor("A1", "Mohammad Javad Zarif", "person", code="IRNGOV", country="IRN",
                  sectors=("GOV",), role="Foreign Minister",
                  mentions=(ActorMention(*at(text, "Mohammad Javad Zarif"), "Mohammad Javad Zarif"),
                            ActorMention(*at(text, "Zarif", 1), "Zarif", kind="surname")))
    alawi = Actor("A2", "Yusuf bin Alawi", "person", code="OMNGOV", country="OMN",
                  role="Foreign Minister",
                  mentions=(ActorMention(*at(text, "Yusuf bin Alawi"), "Yusuf bin Alawi"),))
    event = Event(trigger=span(text, "met"), sentence=Span(0, cut - 1, text[: cut - 1]),
                  cameo="043", goldstein=2.8, quad_class=1,
                  source=EventArg(*at(text, "Mohammad Javad Zarif"), "Mohammad Javad Zarif", "A1", "IRNGOV"),
                  target=EventArg(*at(text, "Yusuf bin Alawi"), "Yusuf bin Alawi", "A2", "OMNGOV"),
                  plover_type="CONSULT", plover_mode="visit", plover_context="diplomatic",
                  date=EventDate("2016-11-14", "on Monday", *at(text, "on Monday"), "day"),
                  place=EventPlace("Tehran", 112931, 35.69, 51.42, "IR", *at(text, "Tehran")),
                  confidence=0.8, rule="test:meet")
    quote = Quote(content=span(text, "Security in the Strait of Hormuz is our shared responsibility,"),
                  speaker=span(text, "Zarif", 1), speaker_actor="A1", cue=span(text, "told"))
    return Analysis(
        article=art, sentences=sentences,
        entities=(Mention(*at(text, "Mohammad Javad Zarif"), "Mohammad Javad Zarif", "PERSON", 0),),
        actors=(zarif, alawi), events=(event,), quotes=(quote,),
        times=(TimeRef(*at(text, "Monday"), "Monday", "DATE", "2016-11-14", "day"),),
        places=(Place(*at(text, "Tehran"), "Tehran", "Tehran", 112931, 35.69, 51.42, "IR"),),
        done=("test",),
    )


def counts(store: Store) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def test_new_store_is_wal_with_every_migration_recorded_once(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    s = Store(path)  # reopening applies nothing twice
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.migrations() == [m.name for m in MIGRATIONS]
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    s.close()


def test_store_from_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations (seq, name, applied_at) VALUES (99, '0099_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer Dateline"):
        Store(path)


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 50)
    with pytest.raises(StoreError):
        Store(path)


def test_write_stores_every_layer_with_offsets(store):
    analysis = seed_analysis()
    assert store.write(analysis, "v1") == "new"
    c = counts(store)
    assert (c["articles"], c["sentences"], c["article_actors"], c["actor_mentions"]) == (1, 2, 2, 3)
    assert (c["events"], c["quotes"], c["times"], c["places"]) == (1, 1, 1, 1)
    row = store.conn.execute("SELECT * FROM events").fetchone()
    assert TEXT[row["trigger_start"]:row["trigger_end"]] == "met"
    assert (row["cameo_root"], row["plover_type"], row["date_lo"]) == ("04", "CONSULT", "2016-11-14")
    names = store.conn.execute(
        "SELECT s.name, t.name FROM events e JOIN actor_base s ON s.id = e.source_base "
        "JOIN actor_base t ON t.id = e.target_base").fetchone()
    assert tuple(names) == ("Mohammad Javad Zarif", "Yusuf bin Alawi")
    hit = store.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'Hormuz'")
    assert len(hit.fetchall()) == 1


def test_writing_the_same_article_twice_changes_nothing(store):
    store.write(seed_analysis(), "v1")
    before = counts(store)
    assert store.write(seed_analysis(), "v1") == "unchanged"
    assert counts(store) == before


def test_a_new_pipeline_version_replaces_the_layers_without_duplicates(store):
    store.write(seed_analysis(), "v1")
    before = counts(store)
    assert store.write(seed_analysis(), "v2") == "replaced"
    assert counts(store) == before
    assert store.conn.execute("SELECT pipeline_version FROM articles").fetchone()[0] == "v2"
    role = store.conn.execute("SELECT count FROM actor_roles WHERE role = 'Foreign Minister' "
                              "AND country = 'IRN'").fetchone()
    assert role[0] == 1  # the replaced article's role sighting is not counted twice
    fts = store.conn.execute("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'Hormuz'")
    assert fts.fetchone()[0] == 1


def test_an_edited_article_replaces_its_old_version(store):
    store.write(seed_analysis(), "v1")
    edited = seed_analysis(TEXT.replace("shipping in the Gulf", "shipping in the Gulf of Oman"))
    assert store.write(edited, "v1") == "replaced"
    assert counts(store)["articles"] == 1
    assert "Gulf of Oman" in store.conn.execute("SELECT text FROM articles").fetchone()[0]


def test_a_failed_write_leaves_nothing_half_written(store):
    good = seed_analysis()
    bad_event = Event(trigger=Span(0, 3, "TEH"), sentence=Span(0, 5, "TEHRA"), cameo=None,  # type: ignore[arg-type]
                      goldstein=None, quad_class=None)
    broken = replace(seed_analysis(article_id="broken"), events=(bad_event,))
    store.write(good, "v1")
    before = counts(store)
    with pytest.raises(TypeError):  # cameo None cannot be sliced: fails mid-write
        store.write(broken, "v2")
    assert counts(store) == before


def test_failures_are_recorded_once_and_counted(store):
    f = Failure(origin="feed.jsonl:7", reason="empty article: no text", stage="ingest")
    store.write_failure(f)
    store.write_failure(f)
    row = store.conn.execute("SELECT origin, stage, reason, count FROM failures").fetchall()
    assert [tuple(r) for r in row] == [("feed.jsonl:7", "ingest", "empty article: no text", 2)]


class _CrashingStore(Store):
    """Dies (as on Ctrl-C) while writing one chosen article."""

    crash_on = ""

    def write(self, analysis, pipeline_version):  # type: ignore[no-untyped-def]
        if analysis.article.id == self.crash_on:
            raise KeyboardInterrupt
        return super().write(analysis, pipeline_version)


class _Pipeline:
    """Stands in for the spaCy pipeline: ingest_items only needs version and the stages."""

    version = "test-pipeline"
    stages: tuple = ()
    settings = Settings(progress=False)

    def setup(self) -> None:
        pass


def _articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = f"KABUL – Afghan officials met tribal elders in province number {i} on Tuesday."
        out.append(Article(id=f"af-{i}", text=text, date=dt.date(2020, 3, 3),
                           content_hash=hashlib.sha256(text.encode()).hexdigest()))
    return out


def test_an_interrupted_ingest_keeps_committed_batches_and_resumes(tmp_path):
    settings = Settings(db=str(tmp_path / "r.db"), batch_size=2, progress=False)
    crashing = _CrashingStore(settings.db)
    crashing.crash_on = "af-3"
    with pytest.raises(KeyboardInterrupt):
        ingest_items(_articles(6), settings, store=crashing, pipeline=_Pipeline())  # type: ignore[arg-type]
    crashing.close()
    # Batches of two: (af-0, af-1) was committed; (af-2, af-3) rolled back at the crash.
    store = Store(settings.db)
    assert [r[0] for r in store.conn.execute("SELECT article_id FROM articles ORDER BY id")] == \
        ["af-0", "af-1"]
    result = ingest_items(_articles(6), settings, store=store, pipeline=_Pipeline())  # type: ignore[arg-type]
    assert (result.read, result.unchanged, result.new, result.failed) == (6, 2, 4, 0)
    ids = [r[0] for r in store.conn.execute("SELECT article_id FROM articles ORDER BY article_id")]
    assert ids == [f"af-{i}" for i in range(6)]
    again = ingest_items(_articles(6), settings, store=store, pipeline=_Pipeline())  # type: ignore[arg-type]
    assert (again.unchanged, again.new) == (6, 0)
    store.close()


def test_duplicate_texts_within_one_run_are_stored_once(tmp_path):
    settings = Settings(db=str(tmp_path / "d.db"), progress=False)
    twice = _articles(2) + _articles(2)
    with Store(settings.db) as store:
        result = ingest_items(twice, settings, store=store, pipeline=_Pipeline())  # type: ignore[arg-type]
        assert (result.new, result.unchanged) == (2, 2)
        assert counts(store)["articles"] == 2


def test_ingest_records_failures_and_goes_on(tmp_path):
    settings = Settings(db=str(tmp_path / "f.db"), progress=False)
    items = [_articles(1)[0], Failure(origin="in.jsonl:2", reason="not valid JSON")]
    seen: list[Failure] = []
    with Store(settings.db) as store:
        result = ingest_items(items, settings, store=store, on_failure=seen.append,
                              pipeline=_Pipeline())  # type: ignore[arg-type]
        assert (result.read, result.new, result.failed) == (2, 1, 1)
        assert [f.origin for f in seen] == ["in.jsonl:2"]
        assert counts(store)["failures"] == 1


def test_nlp_pipeline_output_round_trips_through_the_store(run_text, tmp_path):
    analysis = run_text("CAIRO – Egypt's President Abdel Fattah al-Sisi received the Jordanian "
                        "king in Cairo on Sunday. The two leaders discussed regional security.",
                        date="2019-02-10", stages="nlp", id="eg-1")
    with Store(tmp_path / "e.db") as store:
        assert store.write(analysis, "nlp-only") == "new"
        c = counts(store)
        assert c["sentences"] == len(analysis.sentences) >= 2
        assert c["entities"] == len(analysis.entities) > 0
        stored = store.conn.execute("SELECT start_char, end_char, text FROM entities").fetchall()
        assert all(analysis.article.text[s:e] == t for s, e, t in stored)
