"""Time references resolved against the article date."""
import datetime as dt

import pytest

from claims.extract.timerefs import find_timerefs, resolve_weekday

THU = dt.date(2022, 1, 13)
WED = dt.date(2022, 1, 19)


def refs(text, published=THU, **kwargs):
    return [(r.phrase, r.role, str(r.earliest) if r.earliest else None, str(r.latest) if r.latest else None)
            for r in find_timerefs(text, published, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("the pullout would take no more than 10 days", [("no more than 10 days", "deadline", "2022-01-13", "2022-01-23")]),
    ("it would be completed by Wednesday next week", [("by Wednesday next week", "deadline", None, "2022-01-19")]),
    ("ahead of the alliance's Jan. 22 deadline", [("Jan. 22", "deadline", "2022-01-22", "2022-01-22")]),
    ("deployed at the peak of the crisis last week", [("last week", "when", "2022-01-03", "2022-01-09")]),
    ("protests erupted this month", [("this month", "when", "2022-01-01", "2022-01-31")]),
    ("more talks later this month", [("later this month", "when", "2022-01-13", "2022-01-31")]),
    ("sparked by New Year's Day fuel price hikes", [("New Year's Day", "when", "2022-01-01", "2022-01-01")]),
    ("the state of emergency lasts until January 19 inclusive",
     [("until January 19 inclusive", "deadline", None, "2022-01-19")]),
    ("they started arriving on Jan. 6", [("on Jan. 6", "when", "2022-01-06", "2022-01-06")]),
    ("the talks began six days ago", [("six days ago", "when", "2022-01-07", "2022-01-07")]),
    ("troops must leave within five days", [("within five days", "deadline", "2022-01-13", "2022-01-18")]),
    ("the deal was signed on 3 February 2021", [("on 3 February 2021", "when", "2021-02-03", "2021-02-03")]),
    ("since 2007, when it began", [("since 2007", "since", "2007-01-01", None)]),
    ("by the end of the month", [("by the end of the month", "deadline", None, "2022-01-31")]),
])
def test_phrases(text, expected):
    assert refs(text) == expected


def test_bare_weekday_follows_tense():
    assert refs("The withdrawal got under way on Thursday.", WED) == [("on Thursday", "when", "2022-01-13", "2022-01-13")]
    assert refs("Talks resume on Monday.", WED) == [("on Monday", "when", "2022-01-24", "2022-01-24")]
    assert refs("The vote will be held on Wednesday.", WED) == [("on Wednesday", "when", "2022-01-19", "2022-01-19")]
    assert refs("They must leave by Friday.", WED) == [("by Friday", "deadline", None, "2022-01-21")]
    assert refs("29 patients had been discharged by Tuesday evening.", WED)[0][3] == "2022-01-18"


def test_weekday_on_the_same_weekday_is_that_day_not_a_week_later():
    # TRAPS.md: relativedelta(weekday=WE(+1)) from a Wednesday returns the same Wednesday.
    assert resolve_weekday(2, WED, "past") == WED
    assert resolve_weekday(2, WED, "upcoming") == WED
    assert resolve_weekday(2, WED, "after") == dt.date(2022, 1, 26)


def test_said_on_anchor_moves_relative_durations():
    tuesday = dt.date(2023, 6, 13)
    out = refs("field hospitals would be set up within five days", dt.date(2023, 6, 14), anchor=tuesday)
    assert out == [("within five days", "deadline", "2023-06-13", "2023-06-18")]


def test_no_article_date_means_no_invented_dates():
    out = refs("The withdrawal got under way on Thursday, last week, within 10 days.", None)
    assert out and all(e is None and l is None for _, _, e, l in out)
    assert refs("on 3 February 2021", None) == [("on 3 February 2021", "when", "2021-02-03", "2021-02-03")]


def test_fuzzy_traps_are_not_dates():
    assert refs("Prices fell to 4.1 percent in the survey, 153 Street was closed.") == []


def test_each_clause_keeps_its_own_tense():
    sunday = dt.date(2024, 3, 3)
    out = refs("A plane landed on Saturday, and a second flight is expected on Tuesday.", sunday)
    assert [(p, e) for p, _, e, _ in out] == [("on Saturday", "2024-03-02"), ("on Tuesday", "2024-03-05")]


def test_february_29_moved_to_a_year_without_it_is_not_a_crash():
    # no such day: no date (a reference with neither bound is dropped)
    assert all(r[3] is None for r in refs("The vote is due by February 29.", dt.date(2025, 3, 15)))
    assert refs("It happened on February 29.", dt.date(2024, 3, 1))[0][2] == "2024-02-29"


def test_date_ranges():
    after = dt.date(2022, 1, 20)
    assert refs("riots between Jan. 4 and Jan. 6 left", after) == [
        ("between Jan. 4 and Jan. 6", "when", "2022-01-04", "2022-01-06")]
    assert refs("from Jan. 13 to 19", after) == [("from Jan. 13 to 19", "when", "2022-01-13", "2022-01-19")]
    assert refs("the Jan. 5-6 clashes", after) == [("Jan. 5-6", "when", "2022-01-05", "2022-01-06")]


def test_a_day_next_to_a_count_leaves_the_count():
    from claims.extract.quantities import find_quantities

    text = "on Jan. 5 and 12 people died"
    spans = [(r.start, r.end) for r in find_timerefs(text, THU)]
    assert [(q.low, q.unit) for q in find_quantities(text, spans)] == [(12, "people")]
