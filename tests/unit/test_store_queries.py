"""Queries: the filters consumers use over a small hand-built store."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from test_store import seed_analysis

from dateline.errors import InputError
from dateline.records import (
    Actor,
    ActorMention,
    Analysis,
    Article,
    Event,
    EventArg,
    EventDate,
    Quote,
    Sentence,
    Span,
)
from dateline.store import Store, queries
from dateline.store.queries import EventFilter

SECOND = ("BAGHDAD – Iraqi forces launched an offensive against Islamic State fighters near "
          "Mosul, the army said on Thursday. Zarif condemned the attacks in August, "
          "\"Terrorism has no place in our region,\" he said.")


def second_analysis() -> Analysis:
    text = SECOND
    art = Article(id="irq-2", text=text, date=dt.date(2016, 10, 20), title="Iraqi offensive",
                  content_hash=hashlib.sha256(text.encode()).hexdigest())

    def s(sub: str) -> Span:
        i = text.index(sub)
        return Span(i, i + len(sub), sub)

    def actor(aid: str, name: str, kind: str, country: str, code: str) -> Actor:
        sp = s(name)
        return Actor(aid, name, kind, code=code, country=country,
                     mentions=(ActorMention(sp.start, sp.end, name),))

    forces = actor("A1", "Iraqi forces", "organization", "IRQ", "IRQMIL")
    isis = actor("A2", "Islamic State", "group", None, "IMGMOSSPS")  # type: ignore[arg-type]
    zarif = actor("A3", "Zarif", "person", None, None)  # type: ignore[arg-type]
    first_end = text.index(" Zarif")
    assault = Event(trigger=s("launched an offensive"), sentence=Span(0, first_end, text[:first_end]),
                    cameo="190", goldstein=-10.0, quad_class=4, plover_type="ASSAULT",
                    source=EventArg(forces.mentions[0].start, forces.mentions[0].end,
                                    "Iraqi forces", "A1", "IRQMIL"),
                    target=EventArg(isis.mentions[0].start, isis.mentions[0].end,
                                    "Islamic State", "A2", "IMGMOSSPS"))
    rest = Span(first_end + 1, len(text), text[first_end + 1:])
    condemn = Event(trigger=s("condemned"), sentence=rest, cameo="1122", goldstein=-2.0,
                    quad_class=3, plover_type="DISAPPROVE",
                    source=EventArg(zarif.mentions[0].start, zarif.mentions[0].end, "Zarif", "A3"),
                    date=EventDate("2016-08", "in August", *_at(text, "in August"), "month"))
    quote = Quote(content=s("Terrorism has no place in our region,"), speaker=s("he"),
                  speaker_actor="A3", cue=s("said"))
    return Analysis(article=art, sentences=(Sentence(0, 0, first_end), Sentence(1, rest.start, rest.end)),
                    actors=(forces, isis, zarif), events=(assault, condemn), quotes=(quote,))


def _at(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("q") / "q.db")
    s.write(seed_analysis(), "v")
    s.write(second_analysis(), "v")
    yield s
    s.close()


def codes(rows: list[dict]) -> list[str]:
    return [r["cameo"] for r in rows]


def test_events_filter_by_cameo_prefix_and_plover(store):
    assert codes(queries.list_events(store, EventFilter(code="04"))) == ["043"]
    assert codes(queries.list_events(store, EventFilter(code="1"))) == ["1122", "190"]
    assert codes(queries.list_events(store, EventFilter(plover="assault"))) == ["190"]


def test_events_filter_by_actor_name_reaches_the_merged_actor(store):
    # "Zarif" in the second article resolved to the full name of the first one.
    rows = queries.list_events(store, EventFilter(actor="Zarif"))
    assert codes(rows) == ["1122", "043"]
    assert {r["source"] for r in rows} == {"Mohammad Javad Zarif"}


def test_events_filter_by_event_date_with_month_precision(store):
    # The condemnation is dated August 2016; the assault has no date: its article date counts.
    assert codes(queries.list_events(store, EventFilter(since="2016-08-31", until="2016-09"))) == ["1122"]
    assert codes(queries.list_events(store, EventFilter(since="2016-10"))) == ["190", "043"]
    assert codes(queries.list_events(store, EventFilter(until="2016-07-31"))) == []


def test_events_filter_by_country_of_either_side(store):
    assert codes(queries.list_events(store, EventFilter(country="omn"))) == ["043"]
    assert codes(queries.list_events(store, EventFilter(country="IRQ"))) == ["190"]


def test_quotes_filter_by_resolved_speaker_and_text(store):
    rows = queries.list_quotes(store, speaker="Zarif")
    assert len(rows) == 2 and {r["speaker"] for r in rows} == {"Mohammad Javad Zarif"}
    rows = queries.list_quotes(store, search="terrorism")
    assert [r["article"] for r in rows] == ["irq-2"]


def test_articles_search_uses_the_sentence_index(store):
    assert [a["id"] for a in queries.list_articles(store, search="Mosul")] == ["irq-2"]
    # Quotes in user text are not FTS syntax: no error, the words are searched as a phrase.
    assert [a["id"] for a in queries.list_articles(store, search='Strait "of')] == ["irn-omn-1"]
    assert queries.list_articles(store, search="Hormuz Mosul") == []
    assert {a["id"] for a in queries.list_articles(store)} == {"irq-2", "irn-omn-1"}


def test_article_comes_back_with_every_layer(store):
    art = queries.get_article(store, "irn-omn-1")
    assert art is not None
    assert [a["name"] for a in art["actors"]] == ["Mohammad Javad Zarif", "Yusuf bin Alawi"]
    assert [m["text"] for m in art["actors"][0]["mentions"]] == ["Mohammad Javad Zarif", "Zarif"]
    event = art["events"][0]
    assert (event["plover_type"], event["source_code"], event["place"]) == ("CONSULT", "IRNGOV", "Tehran")
    assert art["text"][event["trigger_start"]:event["trigger_end"]] == "met"
    assert len(art["quotes"]) == len(art["times"]) == len(art["places"]) == 1
    assert queries.get_article(store, "missing") is None


def test_stats_count_events_by_root_and_plover(store):
    s = queries.stats(store)
    assert s["articles"] == 2
    assert s["events_by_cameo_root"] == {"04": 1, "11": 1, "19": 1}
    assert s["events_by_plover"]["ASSAULT"] == 1
    assert s["actors"]["global"] == 4  # Zarif merged: Zarif, bin Alawi, Iraqi forces, IS


def test_actor_list_filters_by_country(store):
    names = [a["name"] for a in queries.list_actors(store, country="irq")]
    assert names == ["Iraqi forces"]


@pytest.mark.parametrize("bad", ["2016-13-01", "yesterday", "16-11-14", "2016/11/14"])
def test_bad_dates_are_input_errors(bad):
    with pytest.raises(InputError, match="expected a date"):
        queries.check_date(bad, "--since")
