"""Wire-copy structure: datelines, sign-offs, licence and credit footers, hidden regions."""

from __future__ import annotations

import pytest

from dateline.ingest.wirecopy import analyse, licence_code, merge_regions, title_case


@pytest.mark.parametrize(
    ("text", "dateline_text", "place", "date_text"),
    [
        ("TEHRAN – Iran's foreign minister arrived in Baghdad on Sunday.", "TEHRAN –", "Tehran", None),
        ("TEHRAN - The central bank raised its benchmark rate.", "TEHRAN -", "Tehran", None),
        ("TEHRAN- The Statistical Center said inflation eased.", "TEHRAN-", "Tehran", None),
        ("TEHRAN-The stake of French carmakers in the market grew.", "TEHRAN-", "Tehran", None),
        ("TEHRAN _ The French president started a two-day visit.", "TEHRAN _", "Tehran", None),
        ("TEHRAN_ Commenting on the missile attack, the spokesman said.", "TEHRAN_", "Tehran", None),
        ("BAGHDAD, Nov 14 (Reuters) - Iraqi forces pushed into eastern Mosul.",
         "BAGHDAD, Nov 14 (Reuters) -", "Baghdad", "Nov 14"),
        ("WASHINGTON (AP) — The Senate passed the bill late on Thursday.",
         "WASHINGTON (AP) —", "Washington", None),
        ("KABUL, Afghanistan (AP) — A roadside bomb killed two soldiers.",
         "KABUL, Afghanistan (AP) —", "Kabul", None),
        ("Paris, 3 March (IRNA) -- France called for calm in the Gulf.",
         "Paris, 3 March (IRNA) --", "Paris", "3 March"),
        ("UNITED NATIONS, Dec 1 (Reuters) - The Security Council met on Friday.",
         "UNITED NATIONS, Dec 1 (Reuters) -", "United Nations", "Dec 1"),
        ("TEHRAN, Mar. 26 (MNA) –A former intelligence officer spoke to reporters.",
         "TEHRAN, Mar. 26 (MNA) –", "Tehran", "Mar. 26"),
        ("SAVEH, Markazi Prov. – Some 500 tons of pomegranates were exported.",
         "SAVEH, Markazi Prov. –", "Saveh", None),
        ("Islamabad, Pakistan -\xa0Pakistan said it shot down two jets.",
         "Islamabad, Pakistan -", "Islamabad", None),
        ("Beirut- The group's leader gave a televised speech.", "Beirut-", "Beirut", None),
        ("ST. PETERSBURG, Russia (AP) - Two trains collided.",
         "ST. PETERSBURG, Russia (AP) -", "St. Petersburg", None),
        ("BOGOTÁ – Colombia's president signed the decree.", "BOGOTÁ –", "Bogotá", None),
        ("Iran raises fuel prices\n\nTEHRAN – Petrol prices rose by half overnight.",
         "TEHRAN –", "Tehran", None),
    ],
)
def test_dateline_variants_give_place_and_offsets(text, dateline_text, place, date_text):
    wire = analyse(text)
    assert wire.dateline is not None
    dl = wire.dateline
    assert text[dl.start:dl.end] == dl.text == dateline_text
    assert dl.place == place
    assert dl.date_text == date_text
    assert (dl.start, dl.end) in wire.hidden


@pytest.mark.parametrize(
    "text",
    [
        "The minister said - without giving details - that talks would resume.",
        "US-Iran talks resumed in Oman on Monday.",
        "IRAN-Iraq trade grew by a fifth last year.",
        "NATO-Russia council met for the first time in two years.",
        "Jean-Claude Juncker said the bloc would respond.",
        "BREAKING - Explosions heard in the capital.",
        "Friday, Nov 14 - the day the talks collapsed.",
        "The Secretary - General will travel to Geneva.",
        "UN - affiliated agencies warned of famine.",
        "FILE_NAME - a caption that is not a dateline.",
        "Iran's president said on Monday that talks - if any - would be indirect.",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    wire = analyse(text)
    assert wire.dateline is None
    assert not wire.hidden


def test_agency_only_credit_is_hidden_without_dateline():
    text = "(Reuters) - Russia and China argued against the proposal at the United Nations."
    wire = analyse(text)
    assert wire.dateline is None
    assert wire.hidden == ((0, 11),)
    assert text[0:11] == "(Reuters) -"


@pytest.mark.parametrize("initials", ["MH/PA", "EF/MA/MG", "ABU/MMS/YAW", "AK/NA/PA"])
def test_signoff_initials_at_the_end_become_a_span(initials):
    text = f"TEHRAN – The two sides signed a memorandum on customs cooperation.\xa0 \xa0{initials}"
    wire = analyse(text)
    assert wire.signoff is not None
    assert text[wire.signoff.start:wire.signoff.end] == wire.signoff.text == initials
    assert any(s <= wire.signoff.start and wire.signoff.end <= e for s, e in wire.hidden)


def test_slash_pair_inside_the_story_is_not_a_signoff():
    text = "The AFP/Getty photograph shows the MH/PA convoy leaving Kabul on Monday."
    wire = analyse(text)
    assert wire.signoff is None
    assert not wire.hidden


def test_signoff_then_licence_footer_are_both_hidden_with_metadata():
    footer = ("All content by Example News Agency is licensed under a Creative Commons "
              "Attribution 4.0 International License.")
    text = ("TEHRAN – Iran and Oman agreed to expand joint naval drills, the defence ministry said. "
            f"RM/SH\n  {footer}")
    wire = analyse(text)
    assert wire.license == "CC BY 4.0"
    assert wire.attribution == footer
    assert wire.signoff is not None and wire.signoff.text == "RM/SH"
    # sign-off and footer are one hidden region (only whitespace between them)
    assert wire.hidden[-1] == (wire.signoff.start, len(text))
    # the story sentence itself is untouched
    story = text.index("Iran and Oman")
    assert all(not (s <= story < e) for s, e in wire.hidden)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("All content is licensed under a Creative Commons Attribution 4.0 International License.",
         "CC BY 4.0"),
        ("This story is licensed under a Creative Commons Attribution-ShareAlike 3.0 License.",
         "CC BY-SA 3.0"),
        ("Licensed under Creative Commons Attribution-NonCommercial-NoDerivatives 4.0.",
         "CC BY-NC-ND 4.0"),
        ("Text available under CC BY 2.5.", "CC BY 2.5"),
        ("Released under CC BY-SA 4.0 by the authors.", "CC BY-SA 4.0"),
    ],
)
def test_licence_sentence_gives_short_licence_code(sentence, code):
    assert licence_code(sentence) == code


def test_copyright_footer_is_attribution_not_licence():
    text = ("GENEVA (Reuters) - Negotiators from both sides met for a third day on Wednesday.\n"
            "Copyright 2019 Example Wire. All rights reserved.")
    wire = analyse(text)
    assert wire.license is None
    assert wire.attribution == "Copyright 2019 Example Wire. All rights reserved."
    tail = text.index("Copyright")
    assert wire.hidden[-1] == (tail, len(text))


@pytest.mark.parametrize(
    "tail",
    [
        "(Reporting by Parisa Hafezi; Editing by Alex Richardson)",
        "Source: IRNA",
        "(IRNA)",
    ],
)
def test_credit_and_source_tails_are_hidden(tail):
    body = "The Iranian delegation left Moscow on Friday after three days of talks."
    text = f"{body} {tail}"
    wire = analyse(text)
    start = text.index(tail)
    assert wire.hidden == ((start, len(text)),)
    assert wire.license is None


def test_last_story_sentence_is_never_peeled():
    text = ("MOSCOW – Russia's foreign minister said the sides had made progress. He gave no "
            "date for the next round.")
    wire = analyse(text)
    assert wire.hidden == ((0, 8),)


def test_control_characters_left_by_archives_are_hidden():
    text = "The fair\x1a closes on Friday. \x00 \x1a"
    wire = analyse(text)
    assert wire.hidden == ((8, 9), (text.index("\x00"), len(text)))


def test_title_case_of_places():
    assert title_case("UNITED NATIONS") == "United Nations"
    assert title_case("SANA'A") == "Sana'a"
    assert title_case("Islamabad") == "Islamabad"


def test_merge_regions_sorts_and_joins_overlaps_and_whitespace_gaps():
    assert merge_regions([(10, 12), (0, 3), (2, 5), (7, 7)]) == ((0, 5), (10, 12))
    text = "Body text. MH/PA\n  Footer."
    assert merge_regions([(11, 16), (19, 26)], text) == ((11, 26),)
