"""The seed article's actors table (examples/seed-article.md): every actor and mention."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(run_text, seed_record):
    rec = seed_record
    return run_text(rec["text"], stages="nlp,actors", source=rec.get("source"),
                    license=rec.get("license"))


def _actor(analysis, name):
    for a in analysis.actors:
        if a.name == name or name in a.aliases:
            return a
    raise AssertionError(f"no actor {name!r} in {[a.name for a in analysis.actors]}")


def _texts(actor):
    return [m.text for m in actor.mentions]


def test_every_mention_span_matches_the_text(seed):
    for actor in seed.actors:
        for m in actor.mentions:
            assert seed.article.text[m.start:m.end] == m.text


def test_zarif_is_iranian_government_foreign_minister(seed):
    zarif = _actor(seed, "Mohammad Javad Zarif")
    assert (zarif.kind, zarif.country, zarif.code, zarif.role) == (
        "person", "IRN", "IRNGOV", "Foreign Minister")
    assert "Iranian Foreign Minister Mohammad Javad Zarif" in _texts(zarif)
    assert "Zarif" in _texts(zarif)


def test_bakhtiar_is_a_puk_official_with_his_nominal_and_pronoun(seed):
    bakhtiar = _actor(seed, "Mala Bakhtiar")
    assert bakhtiar.kind == "person" and bakhtiar.country == "IRQ"
    assert bakhtiar.organization == "Patriotic Union of Kurdistan"
    assert "PTY" in bakhtiar.sectors and "chief" in bakhtiar.role
    texts = _texts(bakhtiar)
    assert texts.count("Bakhtiar") == 2
    assert "the PUK official" in texts
    last_he = seed.article.text.rindex("He further")
    assert any(m.start == last_he and m.kind == "pronoun" for m in bakhtiar.mentions)


def test_puk_and_snsc_keep_their_acronyms(seed):
    puk = _actor(seed, "Patriotic Union of Kurdistan")
    assert puk.kind == "organization" and puk.country == "IRQ" and "PTY" in puk.sectors
    assert _texts(puk).count("PUK") == 2
    snsc = _actor(seed, "Supreme National Security Council")
    assert snsc.country == "IRN" and snsc.code == "IRNGOV" and "SNSC" in _texts(snsc)


def test_shamkhani_from_the_ner_org_slip_is_one_person(seed):
    shamkhani = _actor(seed, "Ali Shamkhani")
    assert shamkhani.kind == "person" and shamkhani.country == "IRN" and "GOV" in shamkhani.sectors
    assert shamkhani.organization == "Supreme National Security Council"
    assert _texts(shamkhani) == ["Ali Shamkhani", "Shamkhani"]


def test_sinjari_is_kurdistan_region_interior_minister(seed):
    sinjari = _actor(seed, "Karim Sinjari")
    assert sinjari.country == "IRQ" and sinjari.code == "IRQKRDGOV"
    assert sinjari.role == "Interior Minister"


def test_rahmani_fazli_with_surname_nominal_and_pronoun(seed):
    fazli = _actor(seed, "Abdolreza Rahmani Fazli")
    assert (fazli.country, fazli.code, fazli.role) == ("IRN", "IRNGOV", "Interior Minister")
    texts = _texts(fazli)
    assert "Iran’s Interior Minister Abdolreza Rahmani Fazli" in texts
    assert texts.count("Rahmani Fazli") == 3
    assert "The minister" in texts
    he = seed.article.text.index("He noted")
    assert any(m.start == he and m.kind == "pronoun" for m in fazli.mentions)


def test_daesh_is_one_group_with_the_terrorist_group(seed):
    daesh = _actor(seed, "Daesh")
    assert daesh.kind == "group" and daesh.country is None and daesh.code == "IMGMOSISI"
    assert "the terrorist group" in _texts(daesh)


def test_iraqi_forces_and_peshmerga(seed):
    military = _actor(seed, "Iraqi military")
    assert military.country == "IRQ" and military.code == "IRQMIL"
    pmf = _actor(seed, "Popular Mobilization Forces")
    assert pmf.country == "IRQ" and "MIL" in pmf.sectors
    assert "popular mobilization forces" in _texts(pmf)
    peshmerga = _actor(seed, "Peshmerga")
    assert peshmerga.country == "IRQ" and peshmerga.code == "IRQKRDMIL"
    assert "Kurdish Peshmerga" in _texts(peshmerga)


def test_iran_includes_islamic_republic_demonym_and_the_country(seed):
    iran = _actor(seed, "Iran")
    texts = _texts(iran)
    assert iran.kind == "country" and iran.code == "IRN"
    assert {"Iran", "Iranian", "Islamic Republic", "the country"} <= set(texts)
    assert len([a for a in seed.actors if a.country == "IRN" and a.kind == "country"]) == 1


def test_iraq_and_the_kurdistan_region(seed):
    iraq = _actor(seed, "Iraq")
    assert {"Iraq", "Iraqi"} <= set(_texts(iraq))
    region = _actor(seed, "Kurdistan Region")
    assert region.kind == "region" and region.country == "IRQ" and region.code == "IRQKRD"
    assert any(t.lower() == "kurdistan region" for t in _texts(region))


def test_no_actor_from_signoff_licence_or_office_word(seed):
    text = seed.article.text
    signoff = text.index("MH/PA")
    licence = text.index("All Content by")
    for actor in seed.actors:
        assert actor.name not in ("MH/PA", "Interior", "Mehr News Agency")
        for m in actor.mentions:
            assert m.text != "Interior"
            assert m.end <= signoff or m.start >= signoff + 5
            assert m.start < licence


def test_extract_output_carries_entities_and_actors(seed_record):
    from dateline.api import extract_records
    from dateline.settings import Settings

    settings = Settings(stages="nlp,actors", progress=False)
    (out,) = list(extract_records([seed_record], settings))
    assert out["entities"] and all(
        seed_record["text"][e["start"]:e["end"]] == e["text"] for e in out["entities"])
    zarif = next(a for a in out["actors"] if a["name"] == "Mohammad Javad Zarif")
    assert {"id", "name", "kind", "code", "country", "sectors", "role", "mentions"} <= set(zarif)
    assert zarif["code"] == "IRNGOV" and zarif["sectors"] == ["GOV"]
    assert all({"start", "end", "text"} <= set(m) for m in zarif["mentions"])
