"""The comparison rules on plain records: exact relations for the spec's examples."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import time

import pytest

from claims import relations as rel
from claims.errors import UserError

D = dt.date


def fig(claim, source, low, high=None, *, approximate=False, bound=None, as_of=D(2022, 1, 13), speaker=None,
        measure="deaths", story=1, exact=True):
    if exact and high is None and bound is None:
        high = low
    return rel.Figure(claim, source, measure, low, high, approximate, bound, as_of, speaker, story)


def relation(a, b, cumulative=True, margin=0.10):
    found = rel.compare_figures(a, b, cumulative=cumulative, margin=margin)
    return found.relation if found else None


def test_dozens_is_24_or_more_open_above():
    dozens = fig(1, 1, 24, None, approximate=False, exact=False)
    assert rel.interval(dozens) == (24, math.inf)
    approx = fig(1, 1, 24, None, approximate=True, exact=False)
    assert rel.interval(approx, 0.1)[0] == pytest.approx(21.6)


def test_bounds_open_a_side():
    assert rel.interval(fig(1, 1, 10000, None, bound="more than", exact=False)) == (10000, math.inf)
    assert rel.interval(fig(1, 1, None, 600, bound="up to", exact=False)) == (0, 600)
    lo, hi = rel.interval(fig(1, 1, 55000, 55000, bound="nearly"), 0.1)
    assert (lo, hi) == (pytest.approx(49500), 55000)
    # "just over 1,100": at the figure or a little above it, never below
    lo, hi = rel.interval(fig(1, 1, 1100, 1100, bound="just over"), 0.1)
    assert (lo, hi) == (1100, pytest.approx(1210))


def test_kazakhstan_toll_146_revised_to_225():
    seed = fig(1, 1, 24, 146, approximate=True, as_of=D(2022, 1, 13))
    later = fig(2, 2, 225, as_of=D(2022, 1, 15))
    assert relation(seed, later) == "revises"


def test_two_officials_230_and_238_same_day_contradict():
    a = fig(1, 1, 230, as_of=D(2022, 1, 16))
    b = fig(2, 2, 238, as_of=D(2022, 1, 16))
    assert relation(a, b) == "contradicts"
    assert relation(a, b, cumulative=False) == "contradicts"


def test_more_than_2000_soldiers_corroborates_around_2000_troops():
    a = fig(1, 1, 2000, None, bound="more than", measure="troops", exact=False)
    b = fig(2, 2, 2000, approximate=True, measure="troops", as_of=D(2022, 1, 14))
    assert relation(a, b, cumulative=False) == "corroborates"


def test_margin_is_configurable():
    a = fig(1, 1, 2000, approximate=True, measure="troops")
    b = fig(2, 2, 2300, measure="troops")
    assert relation(a, b, cumulative=False, margin=0.10) == "contradicts"
    assert relation(a, b, cumulative=False, margin=0.20) == "corroborates"


def test_margin_option_and_env(monkeypatch):
    assert rel.approx_margin(None) == 0.10
    monkeypatch.setenv(rel.ENV_MARGIN, "15%")
    assert rel.approx_margin(None) == pytest.approx(0.15)
    assert rel.approx_margin("0.2") == pytest.approx(0.2)
    with pytest.raises(UserError):
        rel.approx_margin("lots")


def test_later_lower_cumulative_figure_contradicts():
    a = fig(1, 1, 225, as_of=D(2022, 1, 15))
    b = fig(2, 2, 160, as_of=D(2022, 1, 19))
    assert relation(a, b) == "contradicts"


def test_level_may_change_over_time():
    a = fig(1, 1, 2000, measure="troops", as_of=D(2022, 1, 13))
    b = fig(2, 2, 500, measure="troops", as_of=D(2022, 1, 17))
    assert relation(a, b, cumulative=False) is None


def test_compatible_figures_of_one_source_are_not_reported():
    a = fig(1, 7, 225, as_of=D(2022, 1, 15))
    b = fig(2, 7, 225, as_of=D(2022, 1, 19))
    assert relation(a, b) is None


def test_different_figures_of_one_article_count_only_between_two_named_speakers():
    a = fig(1, 7, 312, as_of=D(2023, 6, 14), speaker=4)
    b = fig(2, 7, 519, as_of=D(2023, 6, 14), speaker=None)  # the article's own figure for another quake
    assert relation(a, b) is None
    c = fig(3, 7, 300, as_of=D(2023, 6, 14), speaker=5)
    assert relation(a, c) == "contradicts"


def test_detect_groups_by_story_and_measure():
    figures = [fig(1, 1, 24, 146, approximate=True, as_of=D(2022, 1, 13)),
               fig(2, 2, 225, as_of=D(2022, 1, 15)),
               fig(3, 3, 225, as_of=D(2022, 1, 19)),
               fig(4, 4, 225, as_of=D(2022, 1, 19), story=2),
               fig(5, 5, 19, as_of=D(2022, 1, 15), measure="injured")]
    found = {(f.a, f.b): f.relation for f in rel.detect_figures(figures, cumulative=lambda m: True)}
    assert found == {(1, 2): "revises", (2, 3): "corroborates"}  # a chain: each to the nearest that bears on it


def test_same_day_contradiction_is_reported_beside_a_corroboration():
    figures = [fig(1, 1, 230, as_of=D(2022, 1, 16)), fig(2, 2, 238, as_of=D(2022, 1, 16)),
               fig(3, 3, 238, as_of=D(2022, 1, 16))]
    found = {(f.a, f.b): f.relation for f in rel.detect_figures(figures, cumulative=lambda m: True)}
    assert found == {(1, 2): "contradicts", (2, 3): "corroborates", (1, 3): "contradicts"}


def test_detection_scales_linearly():
    figures = [fig(i, i % 500, 100 + i // 10, as_of=D(2020, 1, 1) + dt.timedelta(days=i // 50),
                   measure=f"m{i % 20}") for i in range(20_000)]
    start = time.perf_counter()
    found = list(rel.detect_figures(figures, cumulative=lambda m: True))
    elapsed = time.perf_counter() - start
    assert len(found) <= 3 * len(figures)
    print(f"20k figures: {elapsed:.2f}s, {len(found)} relations")


# --- events and deadlines -------------------------------------------------------------------

def st(claim, source, text, *, said=D(2022, 1, 13), when=None, deadlines=(), story=1):
    return rel.Statement(claim, source, text, said, when, tuple(deadlines), None, story)


def test_signature_phases_and_plans():
    s = rel.signature("The withdrawal got under way on Thursday.")
    assert s.kinds == {"withdrawal"} and s.phase == "begin" and not s.modal
    s = rel.signature("A Russia-led military contingent has completed its pullout from Kazakhstan")
    assert s.kinds == {"withdrawal"} and s.phase == "complete" and not s.modal
    s = rel.signature("Shoigu said the pullout would be completed by Wednesday next week")
    assert s.modal
    assert rel.signature("The ministry denied reports that the water had been contaminated").denial


def test_same_event_from_two_sources_corroborates():
    a = st(1, 1, "Russian-led forces have begun their gradual withdrawal from Kazakhstan, the military announced.")
    b = st(2, 2, "The withdrawal got under way on Thursday.", said=D(2022, 1, 19), when=(D(2022, 1, 13), D(2022, 1, 13)))
    c = st(3, 2, "A Russia-led contingent has completed its pullout from Kazakhstan.", said=D(2022, 1, 19))
    found = {(f.a, f.b): f.relation for f in rel.detect_events([a, b, c])}
    assert found == {(1, 2): "corroborates"}  # the start and the end of the pullout are different events


def test_denial_from_another_source_contradicts():
    a = st(1, 1, "Rebels shelled civilian areas of Sarnet overnight, the UN said.")
    b = st(2, 2, "Joseph Mbeki denied that the group had shelled civilian areas.", said=D(2022, 1, 14))
    assert [(f.a, f.b, f.relation) for f in rel.detect_events([a, b])] == [(1, 2, "contradicts")]


def test_deadline_met_missed_pending_overdue():
    deadline = D(2022, 1, 19)
    assert rel.deadline_state(deadline, [rel.Report(5, D(2022, 1, 19))], today=D(2022, 2, 1)).state == "met"
    missed = rel.deadline_state(deadline, [rel.Report(5, D(2022, 1, 21))], today=D(2022, 2, 1))
    assert (missed.state, missed.evidence) == ("missed", (5,))
    pending = rel.deadline_state(deadline, [], today=D(2022, 1, 18))
    assert (pending.state, pending.overdue) == ("pending", False)
    overdue = rel.deadline_state(deadline, [], today=D(2022, 1, 20))
    assert (overdue.state, overdue.overdue) == ("pending", True)
    not_done = rel.deadline_state(deadline, [rel.Report(6, D(2022, 1, 25), negated=True)], today=D(2022, 2, 1))
    assert not_done.state == "missed"
    early_not_done = rel.deadline_state(deadline, [rel.Report(6, D(2022, 1, 15), negated=True)], today=D(2022, 1, 16))
    assert early_not_done.state == "pending"


def test_reports_match_deadlines_by_kind_of_event_and_phase():
    promise = st(1, 1, "Shoigu told Putin that the pullout would be completed by Wednesday next week.",
                 deadlines=[D(2022, 1, 19), D(2022, 1, 22)])
    assert rel.deadline_of(promise) == D(2022, 1, 19)
    started = st(2, 2, "The withdrawal got under way on Thursday.", said=D(2022, 1, 19),
                 when=(D(2022, 1, 13), D(2022, 1, 13)))
    done = st(3, 2, "A Russia-led military contingent has completed its pullout from Kazakhstan.", said=D(2022, 1, 19))
    plan = st(4, 2, "Four planes will return home the last peacekeeping units.", said=D(2022, 1, 19))
    same_source = st(5, 1, "The troops have completed their withdrawal.")
    other_story = st(6, 3, "The army completed its withdrawal.", said=D(2022, 1, 19), story=2)
    reports = rel.match_reports([promise], [promise, started, done, plan, same_source, other_story])
    assert reports == {1: [rel.Report(3, D(2022, 1, 19))]}


def test_events_outside_the_vocabulary_match_on_distinctive_words():
    promise = st(1, 1, "Field hospitals would be set up in Tarata and Candarave within five days.",
                 deadlines=[D(2023, 6, 18)])
    report = st(2, 2, "Army engineers finished the field hospitals in Tarata on Friday.", said=D(2023, 6, 17))
    unrelated = st(3, 2, "Aftershocks shook Tacna on Friday.", said=D(2023, 6, 17))
    assert [r.claim for r in rel.match_reports([promise], [promise, report, unrelated])[1]] == [2]


def test_a_deadline_waits_for_its_own_action():
    expiry = st(1, 1, "The truce, which took effect on March 12, was due to expire at midnight on Thursday.",
                said=D(2025, 4, 10), deadlines=[D(2025, 4, 10)])
    extended = st(2, 1, "Qatar extended the deadline for a permanent ceasefire until Monday.",
                  said=D(2025, 4, 10), deadlines=[D(2025, 4, 14)])
    agreed = st(3, 2, "Arvania and Tesk agreed a permanent ceasefire on Monday.", said=D(2025, 4, 15),
                when=(D(2025, 4, 14), D(2025, 4, 14)))
    reports = rel.match_reports([expiry, extended], [expiry, extended, agreed])
    assert reports == {1: [], 2: [rel.Report(3, D(2025, 4, 14))]}


def test_the_end_of_one_strike_does_not_start_the_next():
    promise = st(1, 1, "A further week-long walkout would begin on 18 November unless the offer improves by Wednesday.",
                 said=D(2024, 11, 8), deadlines=[D(2024, 11, 13)])
    ended = st(2, 2, "The 48-hour bus strike ended at 4am on Sunday as planned.", said=D(2024, 11, 14),
               when=(D(2024, 11, 10), D(2024, 11, 10)))
    assert rel.match_reports([promise], [promise, ended]) == {1: []}


def test_future_and_cancelled_events_are_not_reports():
    promise = st(1, 1, "The union said a further walkout would begin on 18 November.", said=D(2024, 11, 8),
                 deadlines=[D(2024, 11, 18)])
    future = st(2, 2, "Drivers will strike next week.", said=D(2024, 11, 14), when=(D(2024, 11, 18), D(2024, 11, 24)))
    called_off = st(3, 2, "The union called off the walkout.", said=D(2024, 11, 14))
    assert rel.match_reports([promise], [promise, future, called_off]) == {1: [rel.Report(3, D(2024, 11, 14), True)]}
    assert not rel.signature("The strike began on Monday.").negated


def test_a_past_statement_with_a_by_date_reports_itself():
    done = st(1, 1, "29 of the 37 patients had been discharged by Wednesday evening.", said=D(2025, 8, 21),
              deadlines=[D(2025, 8, 20)])
    assert rel.own_report(done) == rel.Report(1, D(2025, 8, 20))
    order = st(2, 1, "The ceasefire required both sides to withdraw heavy weapons by 12 February.",
               said=D(2025, 2, 15), deadlines=[D(2025, 2, 12)])
    promise = st(3, 1, "The ministry would publish the results by the end of the month.", said=D(2025, 8, 21),
                 deadlines=[D(2025, 8, 31)])
    assert rel.own_report(order) is None and rel.own_report(promise) is None
    not_done = st(4, 1, "The bridge had not been repaired by Monday.", said=D(2025, 3, 5), deadlines=[D(2025, 3, 3)])
    assert rel.deadline_state(D(2025, 3, 3), [rel.own_report(not_done)], today=D(2025, 3, 6)).state == "missed"


def test_a_lower_bound_is_the_count_so_far():
    first = fig(1, 1, 61, None, bound="at least", as_of=D(2025, 2, 13), exact=False)
    later = fig(2, 2, 75, None, bound="at least", as_of=D(2025, 2, 20), exact=False)
    assert relation(first, later) == "revises"
    both = [(f.relation) for f in rel.detect_figures([first, later], cumulative=lambda m: True)]
    assert both == ["revises", "corroborates"]  # an update that also bears the earlier figure out
    assert relation(first, fig(3, 3, 75, as_of=D(2025, 2, 13))) == "corroborates"  # same day
    assert relation(first, later, cumulative=False) == "corroborates"
    weaker = fig(4, 4, 50, None, bound="at least", as_of=D(2025, 2, 21), exact=False)
    assert relation(later, weaker) == "corroborates"


def test_an_increment_is_not_compared_with_totals():
    """'23 more bodies' between a toll of 61 and a later toll of 74 neither contradicts the 61
    nor breaks the revision chain from 61 to 74."""
    figures = [fig(1, 1, 61, as_of=D(2023, 8, 10)),
               fig(2, 1, 23, bound="additional", as_of=D(2023, 8, 10), speaker="spokesman"),
               fig(3, 2, 74, as_of=D(2023, 8, 12))]
    found = {(f.a, f.b): f.relation for f in rel.detect_figures(figures, cumulative=lambda m: True)}
    assert found == {(1, 3): "revises"}


# --- voices: the authorities' count and an independent one -----------------------------------

def voice(claim, source, low, as_of, *, independent=False, speaker=None, bound=None, measure="deaths"):
    high = None if bound in ("at least", "more than") else low
    f = fig(claim, source, low, high, bound=bound, as_of=as_of, speaker=speaker, measure=measure, exact=False)
    return dataclasses.replace(f, independent=independent)


def relations_of(figures):
    out = {}
    for f in rel.detect_figures(figures, cumulative=lambda m: True):
        out.setdefault((f.a, f.b), set()).add(f.relation)
    return out


def test_the_authorities_revise_while_an_independent_count_disputes_them():
    """Official 38, 71, 74 against a rights group's 60-90, at least 104 and 118: the official
    chain revises link to link, the group's counts above it dispute it, and the group's own later
    figure only agrees with its earlier one."""
    figures = [voice(1, 1, 38, D(2025, 2, 27), speaker=1),
               dataclasses.replace(fig(2, 1, 60, 90, as_of=D(2025, 2, 27), speaker=2), independent=True),
               voice(3, 2, 71, D(2025, 3, 1), speaker=3),
               voice(4, 2, 104, D(2025, 3, 3), independent=True, speaker=4, bound="at least"),
               voice(5, 3, 74, D(2025, 3, 5), speaker=3),
               voice(6, 3, 118, D(2025, 3, 7), independent=True, speaker=4)]
    got = relations_of(figures)
    assert got[(1, 2)] == {"contradicts"}   # 60-90 by rights groups against the ministry's 38, same day
    assert got[(1, 3)] == {"revises"}       # 38 -> 71: the rights groups' 60-90 between them is not the chain
    assert got[(3, 4)] == {"contradicts"}   # at least 104 against 71
    assert got[(3, 5)] == {"revises"}       # 71 -> 74
    assert got[(4, 5)] == {"contradicts"}   # 74 two days after the group's at least 104
    assert got[(5, 6)] == {"contradicts"}   # 118 against 74
    assert got[(4, 6)] == {"corroborates"}  # the group's own update: no revision, no conflict
    assert got[(2, 3)] == {"corroborates"}  # 71 lies in 60-90


def test_a_lower_independent_figure_is_a_part_not_a_conflict():
    figures = [voice(1, 1, 74, D(2025, 3, 5)),
               dataclasses.replace(fig(2, 2, 40, 45, as_of=D(2025, 3, 7), speaker=9), independent=True)]
    assert relations_of(figures) == {}


def test_independent_counters_are_not_held_against_each_other():
    figures = [voice(1, 1, 200, D(2024, 3, 12), independent=True, speaker=1),
               voice(2, 2, 500, D(2024, 3, 12), independent=True, speaker=2)]
    assert relations_of(figures) == {}


def test_at_least_from_the_authorities_is_their_count():
    """Police: at least 17 killed; an MP in the same article: at least 26. As intervals the two
    overlap; as counts the MP disputes the police figure."""
    figures = [voice(1, 1, 17, D(2024, 10, 10), speaker=1, bound="at least"),
               voice(2, 1, 26, D(2024, 10, 10), independent=True, speaker=2, bound="at least")]
    assert relations_of(figures) == {(1, 2): {"contradicts"}}


def test_an_independent_count_disputes_only_within_a_week():
    figures = [voice(1, 1, 17, D(2024, 10, 1)),
               voice(2, 2, 26, D(2024, 10, 1) + dt.timedelta(days=rel.CROSS_DAYS + 1), independent=True, speaker=2)]
    assert relations_of(figures) == {}


def test_a_part_is_not_compared_with_totals():
    figures = [voice(1, 1, 71, D(2025, 3, 1)), voice(2, 1, 9, D(2025, 3, 3), bound="part"),
               voice(3, 2, 74, D(2025, 3, 5))]
    assert relations_of(figures) == {(1, 3): {"revises"}}
    assert rel.describe(figures[1]) == "9 (a part)"


def test_a_figure_stated_twice_is_revised_in_both_places():
    figures = [voice(1, 1, 16, D(2025, 9, 12)), voice(2, 1, 16, D(2025, 9, 13)), voice(3, 2, 19, D(2025, 9, 18))]
    assert relations_of(figures) == {(2, 3): {"revises"}, (1, 3): {"revises"}}


@pytest.mark.parametrize("words, independent", [
    ("Kyzyl Tuu | The Bishkek-based rights group Kyzyl Tuu", True),
    ("Independent Miners' Union", True),
    ("Kiprop Chemutai | Marakwet East MP", True),
    ("Residents of Tungar Kwana", True),
    ("Lekgwareng Crisis Committee", True),
    ("Kyrgyz Health Ministry", False),
    ("Prosecutor General's Office of Kyrgyzstan", False),
    ("Tebogo Ramakgoba | Limpopo police spokesperson", False),
    ("Hakan Özbay | Zonguldak Governor", False),
])
def test_who_counts_independently(words, independent):
    assert rel.is_independent(words) is independent


@pytest.mark.parametrize("unit, measure", [
    ("homes", "~home"), ("metres", "~metre"), ("meters", "~metre"), ("casualties", "~casualty"),
    ("people", None), ("percent", None), ("days", None), (None, None),
])
def test_a_unit_no_measure_names_stands_in_for_one(unit, measure):
    assert rel.unit_measure(unit) == measure


def test_counts_of_things_only_corroborate():
    homes = lambda claim, source, low, high, day, bound=None: fig(
        claim, source, low, high, bound=bound, as_of=day, measure="~home", exact=False)
    figures = [homes(1, 1, 112, 112, D(2025, 9, 10)), homes(2, 2, 112, 112, D(2025, 9, 13)),
               homes(3, 3, 150, 150, D(2025, 9, 13)), homes(4, 4, 10, None, D(2025, 9, 14), "more than")]
    got = relations_of(figures)
    assert got == {(1, 2): {"corroborates"}}  # 150 the same day: no conflict; "more than 10": too loose
    assert "112 home" in next(iter(rel.detect_figures(figures[:2], cumulative=lambda m: False))).reason


@pytest.mark.parametrize("text", ["The fire commander said he expected to have the blaze under control within 48 hours.",
                                  "The fire was declared extinguished on Thursday evening.",
                                  "Firefighters had put out the last of the flames by dawn."])
def test_bringing_a_fire_under_control_is_one_kind_of_event(text):
    assert "containment" in rel.signature(text).kinds


@pytest.mark.parametrize("text, phase", [
    ("The minister ordered the operator to hand over a complete list of everyone on board within 48 hours.", None),
    ("Talks over the ceasefire resumed on Monday.", None),
    ("The strike is over, the union said.", "complete"),
    ("The evacuation was completed on Monday.", "complete"),
])
def test_a_complete_list_handed_over_is_no_completion(text, phase):
    assert rel.signature(text).phase == phase


def test_a_list_submitted_late_misses_the_deadline_to_hand_it_over():
    order = st(1, 1, "The minister said he had ordered the operator to hand over a complete list of everyone on "
                     "board within 48 hours.", said=D(2026, 3, 23), deadlines=[D(2026, 3, 25)])
    late = st(2, 2, "The operator submitted a revised passenger list to the ministry on Thursday morning, a day "
                    "after the deadline.", said=D(2026, 3, 26), when=(D(2026, 3, 26), D(2026, 3, 26)))
    reports = rel.match_reports([order], [order, late])[1]
    assert [r.claim for r in reports] == [2]
    assert rel.deadline_state(D(2026, 3, 25), reports, today=D(2026, 4, 1)).state == "missed"
