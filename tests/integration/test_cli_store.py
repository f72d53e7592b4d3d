"""The store commands end to end: ingest, stats, articles, show, actors, actor, events, quotes,
and the one-line errors a user sees."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli, main
from dateline.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    Event,
    EventArg,
    Quote,
    Sentence,
    Span,
)
from dateline.store import Store

WIRE = [
    {"id": "ank-1", "date": "2019-06-03", "title": "Turkey and Russia talk Syria",
     "text": "ANKARA – Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister "
             "Sergei Lavrov in Ankara on Monday to discuss the ceasefire in northern Syria."},
    {"id": "empty-2", "text": "   "},
    {"id": "mos-3", "date": "2019-06-05",
     "text": "MOSCOW – Lavrov told reporters on Wednesday that talks with Ankara had been useful."},
]

TEXT = ("AMMAN – Jordan's King Abdullah met Palestinian President Mahmoud Abbas in Amman on "
        "Sunday. \"We stand with our brothers,\" Abdullah said after the talks.")


def _span(sub: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(sub, i + 1)
    return Span(i, i + len(sub), sub)


def hand_built() -> Analysis:
    king, abbas = _span("King Abdullah"), _span("Mahmoud Abbas")
    actors = (
        Actor("A1", "Abdullah", "person", code="JORGOV", country="JOR", role="King",
              mentions=(ActorMention(king.start + 5, king.end, "Abdullah"),
                        ActorMention(*_pos(_span("Abdullah", 1)), "Abdullah", kind="surname"))),
        Actor("A2", "Mahmoud Abbas", "person", code="PSEGOV", country="PSE", role="President",
              mentions=(ActorMention(abbas.start, abbas.end, "Mahmoud Abbas"),)),
    )
    first = TEXT.index(" \"We") + 1
    event = Event(trigger=_span("met"), sentence=Span(0, first - 1, TEXT[: first - 1]),
                  cameo="043", goldstein=2.8, quad_class=1, plover_type="CONSULT",
                  source=EventArg(king.start + 5, king.end, "Abdullah", "A1", "JORGOV"),
                  target=EventArg(abbas.start, abbas.end, "Mahmoud Abbas", "A2", "PSEGOV"),
                  rule="test")
    quote = Quote(content=_span("We stand with our brothers,"), speaker=_span("Abdullah", 1),
                  speaker_actor="A1", cue=_span("said"))
    art = Article(id="amm-9", text=TEXT, date=dt.date(2019, 6, 9), title="Abdullah meets Abbas",
                  content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
    return Analysis(article=art, sentences=(Sentence(0, 0, first - 1), Sentence(1, first, len(TEXT))),
                    actors=actors, events=(event,), quotes=(quote,))


def _pos(s: Span) -> tuple[int, int]:
    return s.start, s.end


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store(path) as store:
        store.write(hand_built(), "test")
    return str(path)


def invoke(*args: str, color: bool = False):
    return CliRunner().invoke(cli, list(args), color=color, catch_exceptions=False)


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_ingest_twice_changes_nothing_and_reports_the_bad_record(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in WIRE), encoding="utf-8")
    db = str(tmp_path / "wire.db")
    first = invoke("--db", db, "ingest", str(corpus), "--stages", "nlp", "--no-progress")
    assert first.exit_code == 0
    assert "3 read, 2 new, 0 updated, 0 unchanged, 1 failed" in first.stdout
    assert f"skipped {corpus}:2: " in first.stderr
    stats_before = invoke("--db", db, "stats").stdout
    second = invoke("--db", db, "ingest", str(corpus), "--stages", "nlp", "--no-progress")
    assert "3 read, 0 new, 0 updated, 2 unchanged, 1 failed" in second.stdout
    assert invoke("--db", db, "stats").stdout == stats_before
    assert "articles   2" in stats_before and "failures 1" in stats_before
    listed = invoke("--db", db, "articles", "--search", "ceasefire", "--format", "jsonl").stdout
    assert [json.loads(line)["id"] for line in listed.splitlines()] == ["ank-1"]


def test_show_prints_text_and_every_section(db):
    out = invoke("--db", db, "show", "amm-9").stdout
    for section in ("Text", "Actors (2)", "Events (1)", "Quotes (1)", "Times (0)", "Places (0)"):
        assert section in out
    assert "043 CONSULT" in out and "Abdullah (JORGOV) → Mahmoud Abbas (PSEGOV)" in out
    assert "We stand with our brothers" in out


def test_show_highlights_actor_mentions_in_colour(db):
    out = invoke("--db", db, "show", "amm-9", color=True).stdout
    text_part = out.split("Actors (2)")[0]
    assert "\x1b[" in text_part
    assert "\x1b[36m\x1b[1mMahmoud\x1b[0m" in text_part  # each word of a person: cyan, bold


def test_events_as_csv_and_jsonl(db):
    rows = list(csv.DictReader(io.StringIO(invoke("--db", db, "events", "--format", "csv").stdout)))
    assert [(r["cameo"], r["source"], r["target"]) for r in rows] == [("043", "Abdullah", "Mahmoud Abbas")]
    lines = invoke("--db", db, "events", "--plover", "CONSULT", "--since", "2019-06",
                   "--format", "jsonl").stdout.splitlines()
    assert json.loads(lines[0])["date"] == "2019-06-09"
    assert invoke("--db", db, "events", "--since", "2019-07", "--format", "jsonl").stdout == ""


def test_actors_actor_and_quotes(db):
    listed = invoke("--db", db, "actors", "--country", "JOR").stdout
    assert "Abdullah" in listed and "Abbas" not in listed
    actor_id = json.loads(invoke("--db", db, "actors", "--search", "abbas", "--format", "jsonl")
                          .stdout.splitlines()[0])["id"]
    shown = invoke("--db", db, "actor", str(actor_id)).stdout
    assert "President" in shown and "2019-06-09" in shown and "043" in shown
    quoted = invoke("--db", db, "quotes", "--speaker", "Abdullah").stdout
    assert "We stand with our brothers" in quoted


@pytest.mark.parametrize(("args", "message"), [
    (["ingest", "/no/such/file.jsonl"], "no such file or folder: /no/such/file.jsonl"),
    (["ingest"], "nothing to ingest"),
    (["ingest", "--date", "14/11/2016", "x.jsonl"], "--date: expected YYYY-MM-DD"),
    (["show", "nope"], "no article with id 'nope'"),
    (["actor", "999"], "no actor with id 999"),
    (["actor", "Zarif"], "actor id must be a number"),
    (["events", "--since", "last week"], "--since: expected a date"),
    (["events", "--until", "2019-02-30"], "--until: expected a date"),
])
def test_user_errors_are_one_line_with_a_non_zero_exit(db, capsys, args, message):
    code, out, err = run_main(capsys, "--db", db, *args)
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("dateline: error: ") and message in err
    assert "Traceback" not in err + out


def test_unknown_article_id_exits_with_code_1(db, capsys):
    code, _, _ = run_main(capsys, "--db", db, "show", "nope")
    assert code == 1


def test_reading_a_missing_store_says_how_to_create_one(tmp_path, capsys):
    code, _, err = run_main(capsys, "--db", str(tmp_path / "none.db"), "stats")
    assert code != 0 and "dateline ingest" in err and err.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_a_killed_ingest_keeps_whole_articles_and_the_rerun_resumes(tmp_path):
    """SIGKILL mid-run (no cleanup at all): committed batches survive intact, nothing is
    half-written, and running the same command again stores only the rest."""
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    n = 400
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({
        "id": f"kbl-{i}", "date": "2021-08-15",
        "text": f"KABUL – Afghan officials met tribal elders from district {i} on Sunday. "
                f"The elders asked the governor for seed and fuel before winter.",
    }) + "\n" for i in range(n)), encoding="utf-8")
    db = tmp_path / "killed.db"
    args = ["--db", str(db), "ingest", str(corpus), "--stages", "nlp", "--batch-size", "8",
            "--no-progress"]
    proc = subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    try:
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None and stored < 16:
            time.sleep(0.05)
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # schema not created yet
                    stored = 0
        assert proc.poll() is None, "the run finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        without_sentences = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article = a.id)").fetchone()[0]
    assert 16 <= kept < n and kept % 8 == 0 and without_sentences == 0
    rerun = invoke(*args)
    assert f"{n} read, {n - kept} new, 0 updated, {kept} unchanged, 0 failed" in rerun.stdout
