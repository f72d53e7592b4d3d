"""Records to Articles: ids, dates, language, content hash, and the seed article's wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.errors import ArticleError
from dateline.ingest import article_from_record, content_hash

STORY = ("ANKARA, Oct 9 (Reuters) - Turkey launched a military operation in northeast Syria on "
         "Wednesday, President Tayyip Erdogan said, days after U.S. troops began pulling back "
         "from the border. (Reporting by Tuvan Gumrukcu; Editing by Jon Boyle)")


def test_record_fields_become_article_fields():
    art = article_from_record({"id": 17, "text": STORY, "title": " Turkey launches operation ",
                               "url": "https://wire.example.org/t", "source": "Reuters",
                               "date": "2019-10-09"}, origin="feed.jsonl:3")
    assert art.id == "17"
    assert art.title == "Turkey launches operation"
    assert art.date == dt.date(2019, 10, 9)
    assert art.origin == "feed.jsonl:3"
    assert art.text == STORY
    assert art.dateline is not None and art.dateline.place == "Ankara"


def test_record_date_wins_and_default_date_fills_in():
    default = dt.date(2019, 1, 1)
    assert article_from_record({"text": STORY, "date": "2019-10-09T07:45:00+03:00"},
                               default_date=default).date == dt.date(2019, 10, 9)
    assert article_from_record({"text": STORY, "date": None}, default_date=default).date == default
    assert article_from_record({"text": STORY}).date is None


@pytest.mark.parametrize("bad", ["09/10/2019", "2019-13-01", "yesterday", 20191009])
def test_unusable_date_names_the_value(bad):
    with pytest.raises(ArticleError, match="unusable date"):
        article_from_record({"text": STORY, "date": bad})


def test_id_falls_back_to_content_hash_prefix():
    art = article_from_record({"text": STORY})
    assert art.id == content_hash(STORY)[:12]


def test_content_hash_ignores_whitespace_layout_only():
    assert content_hash("Talks resumed\n\n in Geneva.") == content_hash("Talks resumed in Geneva.")
    assert content_hash("Talks resumed in Geneva.") != content_hash("Talks resumed in Vienna.")


@pytest.mark.parametrize("text", ["", "   \n\t", None])
def test_empty_article_is_refused(text):
    with pytest.raises(ArticleError, match="^empty article$"):
        article_from_record({"id": "e", "text": text})


def test_article_of_only_boilerplate_is_refused():
    with pytest.raises(ArticleError, match="only a dateline, sign-off or footer"):
        article_from_record({"text": "TEHRAN – MH/PA"})


def test_non_english_text_is_refused_with_detected_language():
    text = ("Der iranische Außenminister sagte am Montag, alle irakischen Volksgruppen müssten "
            "sich vereinen, um den Terrorismus in ihrem Land zu besiegen.")
    with pytest.raises(ArticleError, match=r"^not English \(detected: de"):
        article_from_record({"text": text})


def test_language_field_wins_over_detection():
    with pytest.raises(ArticleError, match=r"not English \(language field: ar\)"):
        article_from_record({"text": STORY, "language": "ar"})
    assert article_from_record({"text": STORY, "lang": "en-GB"}).language == "en"


def test_short_name_heavy_text_is_not_rejected():
    assert article_from_record({"text": "Zarif met Bakhtiar in Tehran."}).language == "en"


def test_record_licence_is_kept_over_footer():
    text = STORY + "\nThis article is licensed under a Creative Commons Attribution 4.0 License."
    art = article_from_record({"text": text, "license": "CC BY-NC 4.0"})
    assert art.license == "CC BY-NC 4.0"
    assert art.attribution == "This article is licensed under a Creative Commons Attribution 4.0 License."


def test_seed_article_wire_copy(seed_record):
    art = article_from_record(seed_record)
    text = art.text
    assert text == seed_record["text"]
    assert art.dateline is not None
    assert art.dateline.place == "Tehran"
    assert text[art.dateline.start:art.dateline.end] == art.dateline.text == "TEHRAN –"
    assert art.signoff is not None and text[art.signoff.start:art.signoff.end] == "MH/PA"
    assert art.license == "CC BY 4.0"
    footer = ("All Content by Mehr News Agency is licensed under a Creative Commons Attribution "
              "4.0 International License.")
    assert art.attribution == footer
    nlp = art.nlp_text
    assert len(nlp) == len(text)
    assert "MH/PA" not in nlp and "Creative Commons" not in nlp and "TEHRAN" not in nlp
    start = text.index(footer)
    assert nlp[start:start + len(footer)].strip() == ""
    assert nlp.count("\n") == text.count("\n")
    # the story is untouched, up to the last sentence before the sign-off
    body_end = art.signoff.start
    assert nlp[art.dateline.end:body_end] == text[art.dateline.end:body_end]


def test_nlp_stage_never_sees_hidden_regions(seed_record, run_text):
    analysis = run_text(seed_record["text"], stages="nlp")
    hidden = analysis.article.hidden
    assert hidden
    for mention in analysis.entities:
        assert all(mention.end <= s or mention.start >= e for s, e in hidden), mention
    assert not any(m.text in ("MH/PA", "Mehr News Agency") for m in analysis.entities)
