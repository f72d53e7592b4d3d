"""Event merging across articles: rules, reasons, counts, determinism, replacement, copies."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from dateline.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    Event,
    EventArg,
    EventDate,
    EventPlace,
    Sentence,
    Span,
)
from dateline.store import Store

MAHDI, ROUHANI = "Adel Abdul Mahdi", "Hassan Rouhani"
BAGHDAD = ("Baghdad", 98182, 33.34, 44.40, "IQ")
TEHRAN = ("Tehran", 112931, 35.69, 51.42, "IR")


def meeting(article_id: str, lead: str, *, date: str = "2019-03-11", event_date: str | None = "2019-03-11",
            precision: str = "day", place: tuple | None = BAGHDAD, source: str | None = None,
            cameo: str = "043", negated: bool = False, reverse: bool = False) -> Analysis:
    """An article in which Mahdi meets Rouhani (or Rouhani meets Mahdi when ``reverse``)."""
    text = (f"{lead} Iraqi Prime Minister {MAHDI} met Iranian President {ROUHANI} on Monday, "
            "officials said. The two leaders discussed trade and border crossings.")
    art = Article(id=article_id, text=text, date=dt.date.fromisoformat(date), source=source,
                  content_hash=hashlib.sha256(text.encode()).hexdigest())
    cut = text.index(" The two") + 1
    a_start, r_start = text.index(MAHDI), text.index(ROUHANI)
    mahdi = Actor("A1", MAHDI, "person", code="IRQGOV", country="IRQ", sectors=("GOV",),
                  mentions=(ActorMention(a_start, a_start + len(MAHDI), MAHDI),))
    rouhani = Actor("A2", ROUHANI, "person", code="IRNGOV", country="IRN", sectors=("GOV",),
                    mentions=(ActorMention(r_start, r_start + len(ROUHANI), ROUHANI),))
    src = EventArg(a_start, a_start + len(MAHDI), MAHDI, "A1", "IRQGOV")
    tgt = EventArg(r_start, r_start + len(ROUHANI), ROUHANI, "A2", "IRNGOV")
    if reverse:
        src, tgt = tgt, src
    trig = text.index(" met ") + 1
    day = text.index("on Monday")
    event = Event(
        trigger=Span(trig, trig + 3, "met"), sentence=Span(0, cut - 1, text[: cut - 1]),
        cameo=cameo, goldstein=2.8, quad_class=1, source=src, target=tgt,
        plover_type="CONSULT", negated=negated,
        date=EventDate(event_date, "on Monday", day, day + 9, precision) if event_date else None,
        place=EventPlace(*place) if place else None, confidence=0.8, rule="test:meet")
    return Analysis(article=art, sentences=(Sentence(0, 0, cut - 1), Sentence(1, cut, len(text))),
                    actors=(mahdi, rouhani), events=(event,))


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "m.db") as s:
        yield s


def clusters(store: Store) -> list[tuple[int, int, int, int]]:
    return [tuple(r) for r in store.conn.execute(
        "SELECT id, num_mentions, num_articles, num_sources FROM event_clusters ORDER BY id")]


def reasons(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT merge_reason FROM event_mentions ORDER BY id")]


def test_two_outlets_reporting_one_meeting_make_one_event_with_two_mentions(store):
    store.write(meeting("reuters-1", "BAGHDAD (Reuters) -", source="Reuters"), "v1")
    store.write(meeting("ap-1", "BAGHDAD (AP) —", source="AP", event_date="2019-03-12"), "v1")
    assert clusters(store) == [(1, 2, 2, 2)]
    first, second = reasons(store)
    assert first == "first mention"
    assert "same actors" in second and "CAMEO root 04" in second
    assert "within 1 day" in second and "same country IQ" in second


def test_the_same_outlet_twice_counts_one_source_and_two_articles(store):
    store.write(meeting("irna-1", "TEHRAN (IRNA) -", source="IRNA"), "v1")
    store.write(meeting("irna-2", "TEHRAN, March 11 (IRNA) -", source="IRNA"), "v1")
    assert clusters(store) == [(1, 2, 2, 1)]


def test_dates_three_days_apart_stay_two_events(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "BAGHDAD —", event_date="2019-03-14", date="2019-03-14"), "v1")
    assert len(clusters(store)) == 2


def test_a_month_precision_date_joins_a_day_in_that_month(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "BAGHDAD —", event_date="2019-03", precision="month",
                        date="2019-04-02"), "v1")
    assert clusters(store) == [(1, 2, 2, 2)]
    assert "within 2019-03-01..2019-03-31" in reasons(store)[1] or "overlaps" in reasons(store)[1]


def test_a_year_precision_date_does_not_absorb_a_dated_meeting(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "BAGHDAD —", event_date="2019", precision="year"), "v1")
    assert len(clusters(store)) == 2


def test_places_in_different_countries_far_apart_stay_apart(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "TEHRAN -", place=TEHRAN), "v1")
    assert len(clusters(store)) == 2


def test_an_unknown_place_is_compatible(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "LONDON -", place=None), "v1")
    assert len(clusters(store)) == 1
    assert "place unknown" in reasons(store)[1]


def test_direction_cameo_family_and_negation_are_part_of_the_key(store):
    store.write(meeting("a", "BAGHDAD -"), "v1")
    store.write(meeting("b", "BAGHDAD —", reverse=True), "v1")
    store.write(meeting("c", "BAGHDAD ~", cameo="051"), "v1")
    store.write(meeting("d", "BAGHDAD =", negated=True), "v1")
    store.write(meeting("e", "BAGHDAD +", cameo="042"), "v1")  # 042 is root 04 too: joins "a"
    assert [c[1] for c in clusters(store)] == [2, 1, 1, 1]


def test_merging_is_deterministic_for_the_same_input_order(tmp_path):
    inputs = [("a", "2019-03-11"), ("b", "2019-03-12"), ("c", "2019-03-13"), ("d", "2019-03-10")]
    runs = []
    for n in range(2):
        with Store(tmp_path / f"d{n}.db") as s:
            for aid, day in inputs:
                s.write(meeting(aid, f"BAGHDAD {aid} -", event_date=day, date=day), "v1")
            runs.append(s.conn.execute(
                "SELECT a.article_id, m.cluster, m.merge_reason FROM event_mentions m "
                "JOIN articles a ON a.id = m.article ORDER BY a.article_id").fetchall())
    assert [tuple(r) for r in runs[0]] == [tuple(r) for r in runs[1]]
    # The anchor is fixed: 03-13 is two days from the anchor 03-11, so it starts its own event.
    by_article = {r[0]: r[1] for r in runs[0]}
    assert by_article["a"] == by_article["b"] == by_article["d"] != by_article["c"]


def test_replacing_an_article_updates_counts_and_drops_empty_events(store):
    store.write(meeting("a", "BAGHDAD -", source="X"), "v1")
    store.write(meeting("b", "BAGHDAD —", source="Y"), "v1")
    assert clusters(store) == [(1, 2, 2, 2)]
    store.write(meeting("b", "BAGHDAD —", source="Y", cameo="190"), "v2")  # recoded: a fight
    assert [c[1:] for c in clusters(store)] == [(1, 1, 1), (1, 1, 1)]
    store.write(meeting("a", "BAGHDAD -", source="X", cameo="190"), "v2")
    # "a" recoded too: its old meeting disappears, it joins the fight of "b".
    assert [c[1:] for c in clusters(store)] == [(2, 2, 2)]


def test_a_copy_is_a_mention_with_offsets_in_its_own_text(store):
    original = meeting("wire-1", "BAGHDAD (AFP) -", source="AFP")
    store.write(original, "v1")
    reprint_text = "Published by The Daily Star. " + original.article.text
    reprint = Article(id="star-1", text=reprint_text, source="Daily Star",
                      content_hash=hashlib.sha256(reprint_text.encode()).hexdigest())
    assert store.write_copy(reprint, "wire-1", 0.9, "v1") == "copy"
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1
    assert clusters(store) == [(1, 2, 2, 2)]
    row = store.conn.execute("SELECT trigger_start, trigger_end, merge_reason FROM event_mentions "
                             "WHERE copy = 1").fetchone()
    assert reprint_text[row[0]:row[1]] == "met"
    assert "near-duplicate of article wire-1" in row[2]
