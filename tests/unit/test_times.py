"""The times stage on whole texts: spans, values, reference date, and event dates."""

from __future__ import annotations

from dateline.records import Event, Span
from dateline.stages.times import event_date

STAGES = "nlp,times"


def _times(analysis):
    return {t.text: t for t in analysis.times}


def _event(analysis, trigger: str, occurrence: int = 0) -> Event:
    text = analysis.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    sent = next(s for s in analysis.sentences if s.start <= start < s.end)
    return Event(trigger=Span(start, start + len(trigger), trigger),
                 sentence=Span(sent.start, sent.end, text[sent.start:sent.end]),
                 cameo="040", goldstein=1.0, quad_class=1)


def test_seed_article_times_resolve_against_its_date(run_text, seed_record):
    analysis = run_text(seed_record["text"], date="2016-11-15", stages=STAGES)
    times = _times(analysis)
    assert times["Monday"].value == "2016-11-14"
    assert times["Tuesday"].value == "2016-11-15"
    assert (times["August"].value, times["August"].precision) == ("2016-08", "month")
    assert (times["June 2014"].value, times["June 2014"].precision) == ("2014-06", "month")
    assert (times["16 October"].value, times["16 October"].precision) == ("2016-10-16", "day")
    assert (times["recent months"].type, times["recent months"].value) == ("DURATION", "PXM")
    for t in analysis.times:
        assert analysis.article.text[t.start:t.end] == t.text


def test_seed_mosul_operation_is_dated_16_october(run_text, seed_record):
    analysis = run_text(seed_record["text"], date="2016-11-15", stages=STAGES)
    date = event_date(analysis, _event(analysis, "launched"))
    assert date is not None
    assert (date.value, date.text, date.basis, date.precision) == (
        "2016-10-16", "16 October", "governing", "day")


def test_seed_without_a_date_keeps_text_but_leaves_values_unresolved(run_text, seed_record):
    analysis = run_text(seed_record["text"], stages=STAGES)
    times = _times(analysis)
    assert times["Monday"].value == "XXXX-WXX-1" and not times["Monday"].anchored
    assert times["16 October"].value == "XXXX-10-16"
    assert times["June 2014"].value == "2014-06" and times["June 2014"].anchored
    # no reference date, no guess: an event without its own time gets no date
    assert event_date(analysis, _event(analysis, "exchanged")) is None


def test_weekday_with_future_verb_points_to_next_week(run_text):
    text = ("Iraqi and Turkish defence ministers will meet on Monday in Ankara to discuss "
            "border security, officials said on Friday.")
    times = _times(run_text(text, date="2016-11-15", stages=STAGES))
    assert times["Monday"].value == "2016-11-21"
    assert times["Friday"].value == "2016-11-11"


def test_last_week_is_an_iso_week_and_durations_are_typed(run_text):
    text = ("The ceasefire collapsed last week after two years of talks, and rebels have "
            "shelled the city every week since the 1990s ended.")
    times = _times(run_text(text, date="2016-11-15", stages=STAGES))
    assert times["last week"].value == "2016-W45"
    assert (times["two years"].type, times["two years"].value) == ("DURATION", "P2Y")
    assert (times["every week"].type, times["every week"].value) == ("SET", "P1W")
    assert times["the 1990s"].value == "199"


def test_ages_and_counts_are_not_time_expressions(run_text):
    text = ("The 65-year-old cleric, who is 65 years old, told 1709 supporters in Najaf "
            "on Sunday that the vote would go ahead.")
    analysis = run_text(text, date="2016-11-15", stages=STAGES)
    assert [t.text for t in analysis.times] == ["Sunday"]


def test_year_ranges_are_split_into_their_ends(run_text):
    text = "The ministry said imports rose from 2009 to 2011 and fell between 2014 and 2016."
    times = [(t.text, t.value) for t in run_text(text, date="2016-11-15", stages=STAGES).times]
    assert times == [("2009", "2009"), ("2011", "2011"), ("2014", "2014"), ("2016", "2016")]


def test_prepositions_are_left_out_of_spans(run_text):
    text = "Back in August, the two sides met in Erbil. They signed a deal on 3 September."
    times = _times(run_text(text, date="2016-11-15", stages=STAGES))
    assert set(times) == {"August", "3 September"}
    assert times["3 September"].value == "2016-09-03"


def test_reference_date_from_a_date_line_at_the_top(run_text):
    text = ("Hospital strike ends after pay deal\nThursday, May 7, 2015\n"
            "Nurses returned to work on Tuesday after the union accepted a new offer.")
    times = _times(run_text(text, stages=STAGES))
    assert times["Tuesday"].value == "2015-05-05"


def test_event_date_prefers_the_governing_time_then_the_sentence_then_the_article(run_text):
    text = ("The foreign minister said on Monday that the two countries agreed to reopen the "
            "border crossing. The talks lasted three weeks. Troops withdrew from the town.")
    analysis = run_text(text, date="2016-11-15", stages=STAGES)
    said = event_date(analysis, _event(analysis, "said"))
    assert (said.value, said.basis) == ("2016-11-14", "governing")
    agreed = event_date(analysis, _event(analysis, "agreed"))
    assert (agreed.value, agreed.basis) == ("2016-11-14", "sentence")
    # a duration does not date the event; neither sentence names a date: the article date
    lasted = event_date(analysis, _event(analysis, "lasted"))
    assert (lasted.value, lasted.basis, lasted.start) == ("2016-11-15", "article", -1)
    withdrew = event_date(analysis, _event(analysis, "withdrew"))
    assert (withdrew.value, withdrew.basis, withdrew.precision) == ("2016-11-15", "article", "day")


def test_seed_meeting_after_said_on_monday_is_dated_monday(run_text, seed_record):
    # "Zarif said on Monday ... | Zarif made the remarks in a meeting with Mala Bakhtiar."
    analysis = run_text(seed_record["text"], date="2016-11-15", stages=STAGES)
    meeting = event_date(analysis, _event(analysis, "meeting"))
    assert (meeting.value, meeting.text, meeting.basis) == ("2016-11-14", "Monday", "previous")
    exchanged = event_date(analysis, _event(analysis, "exchanged"))
    assert (exchanged.value, exchanged.basis) == ("2016-11-14", "previous")
    # a sentence with a time of its own (here a vague duration) does not borrow one
    negotiating = event_date(analysis, _event(analysis, "negotiating"))
    assert negotiating.basis == "article"


def test_a_new_paragraph_does_not_carry_the_date_over(run_text):
    text = ("The envoy arrived in Kabul on Monday.\nHe met tribal elders to discuss the truce.")
    analysis = run_text(text, date="2016-11-16", stages=STAGES)
    assert event_date(analysis, _event(analysis, "met")).basis == "article"
    joined = run_text(text.replace("\n", " "), date="2016-11-16", stages=STAGES)
    assert event_date(joined, _event(joined, "met")).value == "2016-11-14"


def test_seed_august_meeting_is_dated_by_the_fronted_month(run_text, seed_record):
    # the parser splits "Back in August," off as a verbless fragment; it still dates the meeting
    analysis = run_text(seed_record["text"], date="2016-11-15", stages=STAGES)
    date = event_date(analysis, _event(analysis, "met to discuss"))
    assert (date.value, date.text, date.precision) == ("2016-08", "August", "month")


def test_anaphoric_expressions_follow_the_time_named_before_them(run_text):
    text = ("Toyota said its sales rose 12 % in February compared to the same period last year. "
            "Net profit was $ 1.2 billion in 2015, up from $ 900 million the year before. "
            "Polls closed at 22:30 on 4 September and the last ballot was cast at 2:30 the next day.")
    times = _times(run_text(text, date="2016-03-03", stages=STAGES))
    assert times["the same period last year"].value == "2015-02"
    assert times["the year before"].value == "2014"  # not the reference's year minus one
    assert times["2:30 the next day"].value == "2015-09-05T02:30"


def test_anaphoric_year_without_an_antecedent_falls_back_to_the_reference(run_text):
    text = "Exports for the entire year fell by a fifth, the trade ministry said."
    times = _times(run_text(text, date="2016-03-03", stages=STAGES))
    assert times["the entire year"].value == "2016"


def test_a_range_with_one_unit_gives_both_ends_the_unit(run_text):
    text = "The administrator said the restructuring would take between 60 and 90 days."
    times = _times(run_text(text, date="2009-06-04", stages=STAGES))
    assert (times["60"].type, times["60"].value) == ("DURATION", "P60D")
    assert times["90 days"].value == "P90D"


def test_clock_time_and_weekday_written_together_are_one_expression(run_text):
    text = "The carmaker filed for protection at 12:00 UTC Monday in a Manhattan court."
    times = [(t.text, t.value) for t in run_text(text, date="2009-06-02", stages=STAGES).times]
    assert times == [("12:00 UTC Monday", "2009-06-01T12:00Z")]


def test_spaced_full_dates_and_slashed_dates_are_found(run_text):
    text = ("Markets had their worst day since the September 11 , 2001 , attacks. "
            "The jet was unveiled on 7/8/07 in Everett.")
    times = _times(run_text(text, date="2008-01-21", stages=STAGES))
    assert times["September 11 , 2001"].value == "2001-09-11"
    assert times["7/8/07"].value == "2007-07-08"


def test_years_inside_names_and_fractions_are_not_times(run_text):
    text = ("The Russell 2000 Index of smaller companies fell 3 %, and Chrysler said it would "
            "close about a quarter of its 3,200 dealers by early June.")
    times = [t.text for t in run_text(text, date="2009-05-15", stages=STAGES).times]
    assert times == ["early June"]


def test_vague_adverbs_and_adjectives_are_marked(run_text):
    text = ("Carmakers were hit hard in the recent downturn; the index lost 300 points in "
            "minutes but later recovered.")
    times = {t.text: t.value for t in run_text(text, date="2009-05-15", stages=STAGES).times}
    assert times == {"recent": "PAST_REF", "minutes": "PTXM", "later": "FUTURE_REF"}


def test_until_with_a_present_perfect_points_forward(run_text):
    ahead = "Regulators have kept the exchanges closed until Friday, officials said."
    behind = "The exchanges stayed shut until Friday."
    assert _times(run_text(ahead, date="2008-09-18", stages=STAGES))["Friday"].value == "2008-09-19"
    assert _times(run_text(behind, date="2008-09-18", stages=STAGES))["Friday"].value == "2008-09-12"


def test_modal_verbs_and_vague_adverbs_stay_out_of_neighbouring_spans(run_text):
    text = "Repairs may last months, and the new terminal is currently two years late."
    times = {t.text: t.value for t in run_text(text, date="2009-03-13", stages=STAGES).times}
    assert times == {"months": "PXM", "currently": "PRESENT_REF", "two years": "P2Y"}


def test_a_season_or_unit_modifying_a_noun_is_not_a_time(run_text):
    text = "Ozone cut yields of soybeans and winter wheat, as new year celebrations began in winter."
    times = [t.text for t in run_text(text, date="2014-06-01", stages=STAGES).times]
    assert times == ["winter"]


def test_a_season_after_a_determiner_still_dates_the_noun_it_modifies(run_text):
    text = "Finance ministers gathered in Washington for their autumn meetings."
    times = {t.text: t.value for t in run_text(text, date="2008-10-13", stages=STAGES).times}
    assert times == {"autumn": "2008-FA"}


def test_most_recent_is_not_a_time_but_recent_is(run_text):
    text = "The recent recall hit its most recent phone model."
    times = [(t.text, t.value) for t in run_text(text, date="2010-07-16", stages=STAGES).times]
    assert times == [("recent", "PAST_REF")]


def test_late_in_the_day_is_one_expression_and_a_trailing_weekday_names_the_day(run_text):
    text = ("The index rebounded late in the day. By the end of the day Saturday the "
            "exchange website was down.")
    times = {t.text: t.value for t in run_text(text, date="2008-01-20", stages=STAGES).times}
    assert times["late in the day"] == "2008-01-20"
    assert times["the end of the day Saturday"] == "2008-01-19"


def test_named_days_are_found_but_not_places_named_after_them(run_text):
    text = ("Retailers said Christmas sales beat forecasts, while shares fell on the anniversary "
            "of Black Monday. Flights to Christmas Island resume at Easter.")
    times = {t.text: t.value for t in run_text(text, date="2007-01-18", stages=STAGES).times}
    assert times == {"Christmas": "2006-12-25", "Black Monday": "XXXX-XX-XX", "Easter": "2007-04-08"}


def test_a_surname_that_is_a_holiday_is_not_a_time(run_text):
    text = "The novel was drawn by illustrator Johnnie Christmas. Sales peaked at Christmas."
    times = [t.start for t in run_text(text, date="2016-09-09", stages=STAGES).times]
    assert times == [text.rindex("Christmas")]


def test_year_ranges_inside_one_token_do_not_break_the_stage(run_text):
    text = ("The survey covered 2005–2015 and the 1430/2019 calendar, the ministry said "
            "in a report published in May 2019.")
    an = run_text(text, date="2019-06-01", stages="nlp,times")
    assert any(t.value == "2019-05" for t in an.times)
    assert all(text[t.start:t.end] == t.text for t in an.times)
