"""The actor base: article actors merged across articles by name, alias, surname and country."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from dateline.records import Actor, ActorMention, Analysis, Article
from dateline.store import Store, queries
from dateline.store.actor_base import normalise


def article_with(article_id: str, date: str, text: str, *actors: tuple) -> Analysis:
    """An analysis whose actors are (name, kind, country, role, aliases) found in ``text``."""
    built = []
    for n, (name, kind, country, role, aliases) in enumerate(actors, 1):
        start = text.index(name)
        built.append(Actor(f"A{n}", name, kind, country=country, role=role, aliases=aliases,
                           mentions=(ActorMention(start, start + len(name), name),)))
    art = Article(id=article_id, text=text, date=dt.date.fromisoformat(date),
                  content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Analysis(article=art, actors=tuple(built))


def base_of(store: Store, article_id: str, name: str) -> int:
    row = store.conn.execute(
        "SELECT x.actor FROM article_actors x JOIN articles a ON a.id = x.article "
        "WHERE a.article_id = ? AND x.name = ?", (article_id, name)).fetchone()
    return row[0]


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "actors.db")
    yield s
    s.close()


def test_normalise_ignores_case_accents_punctuation_and_possessives():
    assert normalise("Iran's") == "iran"
    assert normalise("  Abdolreza Rahmani-Fazli ") == "abdolreza rahmani fazli"
    assert normalise("Ḥasan Rouhānī") == "hasan rouhani"
    assert normalise("the Pentagon") == "pentagon"


def test_a_later_surname_only_mention_resolves_to_the_full_name(store):
    store.write(article_with("a1", "2016-11-14",
                             "Iranian Foreign Minister Mohammad Javad Zarif arrived in Baghdad.",
                             ("Mohammad Javad Zarif", "person", "IRN", "Foreign Minister", ())), "v")
    store.write(article_with("a2", "2016-12-02", "Zarif later flew on to Ankara for talks.",
                             ("Zarif", "person", None, None, ())), "v")
    assert base_of(store, "a1", "Mohammad Javad Zarif") == base_of(store, "a2", "Zarif")
    found = queries.list_actors(store, search="zarif")
    assert [(a["name"], a["articles"], a["role"]) for a in found] == \
        [("Mohammad Javad Zarif", 2, "Foreign Minister")]


def test_an_ambiguous_surname_stays_separate_and_is_never_guessed(store):
    store.write(article_with("b1", "2017-01-10", "Parliament speaker Ali Larijani opened the session.",
                             ("Ali Larijani", "person", "IRN", "Speaker", ())), "v")
    store.write(article_with("b2", "2017-01-11", "Judiciary chief Sadegh Larijani criticised the bill.",
                             ("Sadegh Larijani", "person", "IRN", "judiciary chief", ())), "v")
    store.write(article_with("b3", "2017-01-12", "Larijani said the vote would go ahead.",
                             ("Larijani", "person", "IRN", None, ())), "v")
    bases = {base_of(store, "b1", "Ali Larijani"), base_of(store, "b2", "Sadegh Larijani"),
             base_of(store, "b3", "Larijani")}
    assert len(bases) == 3
    # A second bare "Larijani" joins the unresolved entry, not one of the two people.
    store.write(article_with("b4", "2017-01-13", "Larijani did not comment on the dispute.",
                             ("Larijani", "person", "IRN", None, ())), "v")
    assert base_of(store, "b4", "Larijani") == base_of(store, "b3", "Larijani")


def test_a_contradicting_country_keeps_namesakes_apart(store):
    store.write(article_with("c1", "2018-05-01", "Egyptian envoy Ahmed Hassan met donors in Cairo.",
                             ("Ahmed Hassan", "person", "EGY", "envoy", ())), "v")
    store.write(article_with("c2", "2018-05-03", "Iraqi lawmaker Ahmed Hassan resigned on Thursday.",
                             ("Ahmed Hassan", "person", "IRQ", "lawmaker", ())), "v")
    store.write(article_with("c3", "2018-05-04", "Ahmed Hassan, the Egyptian envoy, left Cairo.",
                             ("Ahmed Hassan", "person", "EGY", None, ())), "v")
    assert base_of(store, "c1", "Ahmed Hassan") != base_of(store, "c2", "Ahmed Hassan")
    assert base_of(store, "c1", "Ahmed Hassan") == base_of(store, "c3", "Ahmed Hassan")


def test_an_organization_merges_through_its_acronym_but_never_with_a_person(store):
    store.write(article_with("d1", "2016-11-14",
                             "The Patriotic Union of Kurdistan (PUK) held a congress in Sulaimaniya.",
                             ("Patriotic Union of Kurdistan", "organization", "IRQ", None, ("PUK",))), "v")
    store.write(article_with("d2", "2016-11-20", "PUK officials denied the report.",
                             ("PUK", "organization", "IRQ", None, ())), "v")
    store.write(article_with("d3", "2016-11-21", "A man named PUK was not involved.",
                             ("PUK", "person", None, None, ())), "v")
    org = base_of(store, "d1", "Patriotic Union of Kurdistan")
    assert base_of(store, "d2", "PUK") == org
    assert base_of(store, "d3", "PUK") != org


def test_countries_merge_on_their_iso_code_whatever_the_name(store):
    store.write(article_with("e1", "2016-11-14", "Iran rejected the charge.",
                             ("Iran", "country", "IRN", None, ())), "v")
    store.write(article_with("e2", "2016-11-15", "The Islamic Republic of Iran said on Tuesday.",
                             ("Islamic Republic of Iran", "country", "IRN", None, ())), "v")
    assert base_of(store, "e1", "Iran") == base_of(store, "e2", "Islamic Republic of Iran")


def test_roles_are_recorded_with_the_dates_they_were_seen(store):
    text = "Foreign Minister Mohammad Javad Zarif spoke in Vienna."
    for n, (date, role) in enumerate((("2015-07-14", "Foreign Minister"),
                                      ("2016-11-14", "foreign minister"),
                                      ("2016-03-02", "Foreign Minister"))):
        store.write(article_with(f"r{n}", date, text + " " * n,
                                 ("Mohammad Javad Zarif", "person", "IRN", role, ())), "v")
    store.write(article_with("r9", "2021-09-01", "Former minister Mohammad Javad Zarif lectured.",
                             ("Mohammad Javad Zarif", "person", "IRN", "former foreign minister", ())), "v")
    actor = queries.get_actor(store, base_of(store, "r0", "Mohammad Javad Zarif"))
    assert actor is not None
    roles = [(r["role"], r["first_seen"], r["last_seen"], r["count"]) for r in actor["roles"]]
    assert roles == [("Foreign Minister", "2015-07-14", "2016-11-14", 3),
                     ("former foreign minister", "2021-09-01", "2021-09-01", 1)]
    assert len(actor["articles"]) == 4


def test_replacing_the_only_article_of_an_actor_removes_it_from_the_base(store):
    first = article_with("f1", "2019-04-04", "Sudanese general Awad Ibn Auf addressed the nation.",
                         ("Awad Ibn Auf", "person", "SDN", "general", ()))
    store.write(first, "v1")
    without = Analysis(article=first.article)  # the new pipeline found no actor
    store.write(without, "v2")
    assert queries.list_actors(store, search="Ibn Auf") == []
    assert store.conn.execute("SELECT COUNT(*) FROM actor_roles").fetchone()[0] == 0


def test_generic_agents_merge_only_within_one_country(store):
    store.write(article_with("g1", "2020-01-01", "The Foreign Ministry in Tehran summoned the envoy.",
                             ("Foreign Ministry", "agent", "IRN", None, ())), "v")
    store.write(article_with("g2", "2020-01-02", "The Foreign Ministry said it had no comment.",
                             ("Foreign Ministry", "agent", None, None, ())), "v")
    store.write(article_with("g3", "2020-01-03", "Iran's Foreign Ministry rejected the claim.",
                             ("Foreign Ministry", "agent", "IRN", None, ())), "v")
    assert base_of(store, "g1", "Foreign Ministry") != base_of(store, "g2", "Foreign Ministry")
    assert base_of(store, "g1", "Foreign Ministry") == base_of(store, "g3", "Foreign Ministry")


def test_a_surname_resolves_past_a_generational_suffix(store):
    store.write(article_with("j1", "2023-02-01", "President Ferdinand Marcos Jr. visited Tokyo.",
                             ("Ferdinand Marcos Jr.", "person", "PHL", "President", ())), "v")
    store.write(article_with("j2", "2023-02-03", "Marcos returned to Manila on Friday.",
                             ("Marcos", "person", "PHL", None, ())), "v")
    assert base_of(store, "j1", "Ferdinand Marcos Jr.") == base_of(store, "j2", "Marcos")


def test_an_acronym_used_in_the_text_becomes_an_alias_for_later_articles(store):
    text = "The Supreme National Security Council met on Sunday. The SNSC said talks would go on."
    snsc = Actor("A1", "Supreme National Security Council", "organization", country="IRN",
                 mentions=(ActorMention(4, 36, "Supreme National Security Council"),
                           ActorMention(text.index("SNSC"), text.index("SNSC") + 4, "SNSC",
                                        kind="acronym")))
    art = Article(id="s1", text=text, date=dt.date(2016, 8, 1),
                  content_hash=hashlib.sha256(text.encode()).hexdigest())
    store.write(Analysis(article=art, actors=(snsc,)), "v")
    store.write(article_with("s2", "2016-08-09", "The SNSC secretary flew to Baghdad.",
                             ("SNSC", "organization", "IRN", None, ())), "v")
    assert base_of(store, "s2", "SNSC") == base_of(store, "s1", "Supreme National Security Council")
