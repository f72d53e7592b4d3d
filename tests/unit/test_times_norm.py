"""TIMEX3 normalisation rules, without spaCy: values, precision, tense direction, no anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.stages.timex_calendar import FUTURE, PAST, pick_year, weekday_date
from dateline.stages.timex_norm import normalize

TUESDAY = dt.date(2016, 11, 15)


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("Monday", "2016-11-14", "day"),
    ("Tuesday", "2016-11-15", "day"),  # the reference day itself, in a past report
    ("Saturday", "2016-11-12", "day"),
    ("yesterday", "2016-11-14", "day"),
    ("August", "2016-08", "month"),
    ("June 2014", "2014-06", "month"),
    ("16 October", "2016-10-16", "day"),
    ("November 3rd, 2015", "2015-11-03", "day"),
    ("2009", "2009", "year"),
    ("last week", "2016-W45", "week"),
    ("this week", "2016-W46", "week"),
    ("next month", "2016-12", "month"),
    ("last year", "2015", "year"),
    ("earlier this month", "2016-11", "month"),
    ("two years ago", "2014", "year"),
    ("three days ago", "2016-11-12", "day"),
    ("the third quarter of 2009", "2009-Q3", "quarter"),
    ("Q3 2019", "2019-Q3", "quarter"),
    ("the 1990s", "199", "decade"),
    ("last summer", "2016-SU", "season"),
])
def test_dates_resolve_against_the_publication_date(text, value, precision):
    norm = normalize(text, TUESDAY, PAST)
    assert (norm.type, norm.value, norm.precision, norm.anchored) == ("DATE", value, precision, True)


def test_weekday_points_forward_when_the_verb_is_future():
    assert normalize("Monday", TUESDAY, FUTURE).value == "2016-11-21"
    assert normalize("Friday", TUESDAY, FUTURE).value == "2016-11-18"
    # said on a Tuesday, "will meet on Tuesday" is next week's
    assert weekday_date(2, TUESDAY, FUTURE) == dt.date(2016, 11, 22)


def test_month_keeps_month_precision_and_follows_tense():
    assert normalize("December", TUESDAY, PAST).value == "2015-12"
    assert normalize("December", TUESDAY, FUTURE).value == "2016-12"
    assert normalize("March", TUESDAY, None).precision == "month"


def test_day_without_year_is_this_year_or_last_never_in_the_future_for_past_tense():
    assert normalize("20 November", TUESDAY, PAST).value == "2015-11-20"
    assert normalize("20 November", TUESDAY, None).value == "2016-11-20"
    assert pick_year(12, 30, dt.date(2017, 1, 3), None) == 2016


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("two years", "DURATION", "P2Y"),
    ("recent months", "DURATION", "PXM"),
    ("18 months", "DURATION", "P18M"),
    ("thirty minutes", "DURATION", "PT30M"),
    ("almost two and a half years", "DURATION", "P2.5Y"),
    ("fifty-year", "DURATION", "P50Y"),
    ("several weeks", "DURATION", "PXW"),
    ("every week", "SET", "P1W"),
    ("annual", "SET", "P1Y"),
    ("now", "DATE", "PRESENT_REF"),
    ("currently", "DATE", "PRESENT_REF"),
    ("recently", "DATE", "PAST_REF"),
])
def test_durations_sets_and_vague_references(text, type_, value):
    norm = normalize(text, TUESDAY, None)
    assert (norm.type, norm.value) == (type_, value)


def test_clock_times_keep_the_zone_marker():
    norm = normalize("18:00 UTC", TUESDAY, None)
    assert (norm.type, norm.value, norm.precision) == ("TIME", "2016-11-15T18:00Z", "minute")
    assert normalize("Friday morning", TUESDAY, PAST).value == "2016-11-11TMO"


@pytest.mark.parametrize(("text", "value"), [
    ("Monday", "XXXX-WXX-1"),
    ("16 October", "XXXX-10-16"),
    ("August", "XXXX-08"),
    ("last week", "XXXX-WXX"),
    ("yesterday", "XXXX-XX-XX"),
    ("two years ago", "XXXX"),
])
def test_without_a_reference_date_relative_values_stay_unresolved(text, value):
    norm = normalize(text, None, PAST)
    assert norm.value == value
    assert norm.anchored is False


def test_absolute_dates_need_no_reference_date():
    norm = normalize("June 2014", None, None)
    assert (norm.value, norm.anchored) == ("2014-06", True)
    assert normalize("14.11.2016", None, None).value == "2016-11-14"  # dateparser fallback


@pytest.mark.parametrize("text", [
    "decade-long", "years-long", "the 54th minute", "1.1.1", "Portrait", "8,579.19",
    "the fourth or fifth day", "2:30 the next day", "mid-", "the", "", "'", "Q9 2019",
    "31 February", "99/99/99", "the 13th century", "half a year", "every other week",
])
def test_odd_expressions_never_raise(text):
    norm = normalize(text, TUESDAY, None)
    assert norm.type in ("DATE", "TIME", "DURATION", "SET")
    assert normalize(text, None, None).type in ("DATE", "TIME", "DURATION", "SET")


def test_long_compounds_are_durations():
    assert normalize("decade-long", TUESDAY, None).value == "P10Y"
    assert normalize("years-long", TUESDAY, None).value == "PXY"


def test_a_zone_offset_is_not_utc():
    assert normalize("6:40 p.m. (GMT +8)", TUESDAY, None).value == "2016-11-15T18:40"
    assert normalize("6:40 p.m. GMT", TUESDAY, None).value == "2016-11-15T18:40Z"


@pytest.mark.parametrize(("text", "value", "anaphor"), [
    ("the year before", "2015", ("Y", -1)),
    ("the following year", "2017", ("Y", 1)),
    ("the next day", "2016-11-16", ("D", 1)),
    ("the same period last year", "2015-11", ("same", -1)),
    ("the same quarter a year earlier", "2015-Q4", ("same", -1)),
])
def test_anaphoric_expressions_carry_a_fallback_and_what_to_look_back_for(text, value, anaphor):
    norm = normalize(text, TUESDAY, None)
    assert (norm.value, norm.anaphor) == (value, anaphor)


@pytest.mark.parametrize(("text", "value"), [
    ("a second consecutive day", "2016-11-15"),
    ("the seventh straight day", "2016-11-15"),
    ("fourth week in a row", "2016-W46"),
    ("their best week", "2016-W46"),
    ("earlier in the week", "2016-W46"),
    ("the month of July", "2016-07"),
    ("years ago", "PAST_REF"),
    ("the years ahead", "FUTURE_REF"),
])
def test_phrases_built_on_the_reference_unit(text, value):
    assert normalize(text, TUESDAY, None).value == value


def test_counted_units_in_a_row_are_durations():
    norm = normalize("four weeks in a row", TUESDAY, None)
    assert (norm.type, norm.value) == ("DURATION", "P4W")


def test_easter_and_nth_weekday_holidays_are_computed():
    from dateline.stages.timex_holidays import easter, holiday_date
    assert [easter(y) for y in (2000, 2016, 2019, 2024)] == [
        dt.date(2000, 4, 23), dt.date(2016, 3, 27), dt.date(2019, 4, 21), dt.date(2024, 3, 31)]
    assert holiday_date("11/4/thu+0", 2016) == dt.date(2016, 11, 24)  # Thanksgiving
    assert holiday_date("05/-1/mon+0", 2016) == dt.date(2016, 5, 30)  # last Monday of May


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("Christmas", PAST, "2015-12-25"),
    ("Christmas", FUTURE, "2016-12-25"),
    ("Good Friday", None, "2017-04-14"),
    ("Black Friday 2015", None, "2015-11-27"),
    ("Black Monday", PAST, "XXXX-XX-XX"),  # several crashes bear the name: not a weekday
])
def test_named_days_resolve_to_the_nearest_one_the_tense_allows(text, direction, value):
    assert normalize(text, TUESDAY, direction).value == value
