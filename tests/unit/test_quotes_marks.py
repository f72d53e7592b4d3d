"""Quotation-mark pairing and the cue lexicon of the quotes stage (no spaCy needed)."""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.stages.quote_cues import default_cues, load_cues
from dateline.stages.quote_marks import find_quotes


def _texts(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "He said: “They called it ‘a historic day’ in Baghdad.” Then he left."
    assert _texts(text) == ["“They called it ‘a historic day’ in Baghdad.”"]


def test_doubled_apostrophes_act_as_quotation_marks():
    text = "''We were not consulted,'' said the mayor's office."
    assert _texts(text) == ["''We were not consulted,''"]


def test_apostrophes_and_plural_possessives_are_not_marks():
    text = "Iran’s and the allies’ positions don’t differ, the envoy's aide said."
    assert _texts(text) == []


def test_straight_quotes_pair_by_their_neighbours():
    text = 'The slogan "no more war" and the reply "not yet" were shouted.'
    assert _texts(text) == ['"no more war"', '"not yet"']


def test_paragraphs_reopened_by_a_quote_mark_form_one_quote():
    text = "“First paragraph of the speech.\n\n“Second paragraph.\n\n“Last one,” he said."
    (q,) = find_quotes(text)
    assert [text[s:e] for s, e in q.fragments] == [
        "“First paragraph of the speech.", "“Second paragraph.", "“Last one,”"]
    assert q.closed


def test_a_quote_left_open_ends_with_its_paragraph():
    text = "“The border will stay closed.\n\nOfficials gave no further details."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "“The border will stay closed."
    assert not q.closed


def test_cue_lexicon_knows_lemmas_phrasal_cues_and_belief_verbs():
    cues = default_cues()
    assert "quote" in cues.lookup("say").frames
    assert "dobj" in cues.lookup("underline").frames
    assert cues.lookup("point", {"out"}).particle == "out"
    assert cues.lookup("point") is None
    assert cues.lookup("believe").kind == "belief"


def test_malformed_cue_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tkind\tframes\nsay\treport\tquote\nsay\tshout\tquote\n", encoding="utf-8")
    with pytest.raises(DatelineError, match=":3:"):
        load_cues(path)


def test_phrasal_cue_with_a_preposition_is_tried_before_the_plain_verb():
    cues = default_cues()
    found = cues.candidates("call", {"for"})
    assert [(c.particle, "pobj" in c.frames) for c in found[:2]] == [("for", True), (None, False)]
    assert "noun_that" in cues.lookup("statement").frames
