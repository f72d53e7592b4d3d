"""The quotes stage on sentences written for these tests (wire style), and on the seed article."""

from __future__ import annotations

import pytest

STAGES = "nlp,actors,quotes"


def _quotes(run_text, text):
    an = run_text(text, stages=STAGES)
    for q in an.quotes:  # every span points at its own text
        assert text[q.content.start:q.content.end] == q.content.text
        for s in (q.speaker, q.cue, *q.content_spans):
            if s is not None:
                assert text[s.start:s.end] == s.text
    return an


def _one(quotes, fragment):
    found = [q for q in quotes if fragment in q.content.text]
    assert len(found) == 1, [q.content.text for q in quotes]
    return found[0]


def test_curly_quote_with_attribution_after_keeps_marks_in_content(run_text):
    text = ("“The talks were constructive and we will meet again next month,” "
            "Foreign Minister Ali Hassan said on Sunday.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "constructive")
    assert q.direct
    assert q.content.text.startswith("“The talks") and q.content.text.endswith("month,”")
    assert q.speaker.text.endswith("Ali Hassan")
    assert q.cue.text == "said"


def test_straight_quotes_and_colon_introduction(run_text):
    text = 'The spokesman told reporters: "No decision has been taken on the border crossing."'
    an = _quotes(run_text, text)
    q = _one(an.quotes, "No decision")
    assert q.direct and q.content.text.startswith('"No') and q.content.text.endswith('."')
    assert q.speaker.text == "The spokesman"
    assert q.cue.text == "told"


def test_interrupted_quote_is_one_quote_with_two_fragments(run_text):
    text = ("“We will not accept any delay in the reconstruction,” the governor said, "
            "“and the federal government must pay its share.”")
    an = _quotes(run_text, text)
    direct = [q for q in an.quotes if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert [s.text for s in q.content_spans] == [
        "“We will not accept any delay in the reconstruction,”",
        "“and the federal government must pay its share.”",
    ]
    assert q.content.start == q.content_spans[0].start and q.content.end == q.content_spans[1].end
    assert q.speaker.text == "the governor"


def test_multi_paragraph_quote_reopened_at_each_paragraph(run_text):
    text = ("The minister described the plan at length.\n\n"
            "“First, we will rebuild the water network in the eastern districts.\n\n"
            "“Second, the schools will reopen before winter,” he said.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "water network")
    assert q.direct
    assert "schools will reopen" in q.content.text
    assert len(q.content_spans) == 2
    assert q.speaker.text == "he"


def test_inverted_attribution_links_the_nominal_to_its_actor(run_text):
    text = ("Kurdish leader Omar Salih met the delegation in Erbil on Monday. "
            "“Our region wants stable ties with all its neighbours,” said the Kurdish leader.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "stable ties")
    assert q.speaker.text == "the Kurdish leader"
    if q.speaker_actor is not None:  # the actors stage links nominals when it can
        assert "Salih" in an.actor(q.speaker_actor).name


def test_partial_quote_inside_reported_speech_is_part_of_the_statement(run_text):
    text = "The minister stressed the need to “strengthen and deepen” ties between the two states."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "strengthen and deepen")
    assert not q.direct
    assert q.content.text == "the need to “strengthen and deepen” ties between the two states"
    assert q.speaker.text == "The minister" and q.cue.text == "stressed"


def test_scare_quotes_without_a_cue_are_not_quotes(run_text):
    text = "The so-called “peace caravan” reached the capital late on Friday."
    an = _quotes(run_text, text)
    assert an.quotes == ()


def test_said_that_gives_an_indirect_statement_with_the_complementiser(run_text):
    text = "Prime Minister Leila Nasser said on Tuesday that the government would cut fuel subsidies."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "fuel subsidies")
    assert not q.direct
    assert q.content.text == "that the government would cut fuel subsidies"
    assert q.speaker.text == "Prime Minister Leila Nasser"
    assert q.cue.text == "said"


def test_according_to_attributes_the_main_clause_to_the_source(run_text):
    text = "According to local officials, at least twelve people were injured in the blast."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "twelve people")
    assert not q.direct
    assert q.content.text == "at least twelve people were injured in the blast"
    assert q.speaker.text == "local officials"
    assert q.cue.text == "According to"


def test_apostrophes_do_not_open_quotes(run_text):
    text = ("Iran’s envoy said the countries’ talks would resume, adding: "
            "“We don’t expect a quick deal.”")
    an = _quotes(run_text, text)
    direct = [q for q in an.quotes if q.direct]
    assert [q.content.text for q in direct] == ["“We don’t expect a quick deal.”"]


def test_seed_article_quotes_and_reported_statements(run_text, seed_record):
    an = run_text(seed_record["text"], stages=STAGES)
    text = seed_record["text"]

    def speaker_of(fragment: str, direct: bool | None = None) -> tuple[str, str | None]:
        q = _one([x for x in an.quotes if direct is None or x.direct == direct], fragment)
        assert text[q.content.start:q.content.end] == q.content.text
        actor = an.actor(q.speaker_actor)
        return q.speaker.text, actor.name if actor else None

    assert speaker_of("Sustainable security", True) == ("Shamkhani", "Ali Shamkhani")
    assert speaker_of("We consider solidarity", True)[1] == "Abdolreza Rahmani Fazli"
    assert speaker_of("Security, stability and economic prosperity", True) == (
        "the PUK official", "Mala Bakhtiar")
    assert speaker_of("“strengthen and deepen”") == ("He", "Mala Bakhtiar")
    # reported statements
    assert speaker_of("all Iraqi tribes and ethnic groups must be united", False)[1] == \
        "Mohammad Javad Zarif"
    assert speaker_of("the importance of unity", False)[1] == "Abdolreza Rahmani Fazli"
    assert speaker_of("Iran-Iraq ties are expanding", False) == ("He", "Abdolreza Rahmani Fazli")
    assert sum(q.direct for q in an.quotes) == 3


@pytest.mark.parametrize("stages", ["nlp,quotes"])
def test_quotes_run_without_the_actors_stage(run_text, stages):
    text = "“We are ready,” the commander said."
    an = run_text(text, stages=stages)
    (q,) = an.quotes
    assert q.speaker.text == "the commander" and q.speaker_actor is None


def test_name_after_a_dash_attributes_the_quote(run_text):
    text = ("Readers sent us their views on the debate.\n"
            "“He has no plan for the economy.” ― Maria Lopez\n"
            "“We need jobs, not slogans.” ― Tom Reyes")
    an = _quotes(run_text, text)
    assert [(q.speaker.text, q.cue.text) for q in an.quotes if q.direct] == [
        ("Maria Lopez", "―"), ("Tom Reyes", "―")]


def test_unattributed_quote_after_an_attributed_one_keeps_its_speaker(run_text):
    text = ("“I will vote in November,” the student said. He then left the hall. "
            "“Nobody listens to us.”")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "Nobody listens")
    assert q.direct and q.speaker.text == "the student"


def test_content_stops_before_a_second_attribution_of_the_same_speaker(run_text):
    text = ("The governor said the new levee had saved the town and said that "
            "repairs to the bridge would begin in May.")
    an = _quotes(run_text, text)
    first = _one([q for q in an.quotes if not q.direct], "new levee")
    assert first.content.text == "the new levee had saved the town"
    second = _one([q for q in an.quotes if not q.direct], "repairs to the bridge")
    assert second.content.text == "that repairs to the bridge would begin in May"


def test_trailing_participle_and_relative_clause_are_the_writers(run_text):
    text = ("The minister said the border would reopen on Friday, ending a week of "
            "closures that had stranded hundreds of lorries.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "border would reopen")
    assert q.content.text == "the border would reopen on Friday"
    text = "The senator endorsed Maria Ortiz, who leads the race in three counties."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "Maria Ortiz")
    assert q.content.text == "Maria Ortiz" and q.cue.text == "endorsed"


def test_parenthetical_attribution_splits_its_clause_into_fragments(run_text):
    text = "The ceasefire, the envoy says, is holding in most of the province."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "ceasefire")
    assert [s.text for s in q.content_spans] == ["The ceasefire", "is holding in most of the province"]
    assert q.speaker.text == "the envoy" and q.cue.text == "says"


def test_phrasal_and_stance_cues_take_their_objects(run_text):
    text = ("The opposition leader called for an independent inquiry into the shooting. "
            "She also criticized the police chief for withholding the video.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "independent inquiry")
    assert q.content.text == "an independent inquiry into the shooting"
    assert q.speaker.text == "The opposition leader" and q.cue.text == "called"
    q = _one(an.quotes, "police chief")
    assert q.content.text == "the police chief for withholding the video"
    assert q.speaker.text == "She"


def test_noun_cues_with_a_that_clause_or_a_preposition(run_text):
    text = ("The mayor repeated his claim that the budget was balanced. "
            "Her criticism of the tax plan drew applause.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "budget was balanced")
    assert q.content.text == "that the budget was balanced"
    assert q.cue.text == "claim" and q.speaker.text == "his"
    q = _one(an.quotes, "tax plan")
    assert q.content.text == "the tax plan" and q.speaker.text == "Her"


def test_naming_takes_the_object_with_its_label(run_text):
    text = "The union leader called the pay offer an insult to nurses."
    an = _quotes(run_text, text)
    q = _one(an.quotes, "pay offer")
    assert q.content.text == "the pay offer an insult to nurses"


def test_a_cue_inside_quotation_marks_is_part_of_the_quote(run_text):
    text = "Lopez said the vote was “a turning point, and I think we will win.”"
    an = _quotes(run_text, text)
    assert not any(q.cue is not None and q.cue.text == "think" for q in an.quotes)


def test_speaker_under_a_live_blog_time_heading_is_the_name_not_the_time(run_text):
    text = ("The Latest on the election (all times local):\n\n3:40 p.m.\n\n"
            "Governor Ana Ruiz says the polls will stay open an extra hour.")
    an = _quotes(run_text, text)
    q = _one(an.quotes, "polls will stay open")
    assert "Ruiz" in q.speaker.text and "p.m." not in q.speaker.text
