"""Quantities: exact values, bounds, vague counts, units and what is not a quantity."""
import pytest

from claims.extract.quantities import find_quantities


def values(text):
    return [(q.low, q.high, q.approximate, q.bound, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("Authorities have detained more than 10,000 people.", [(10000, None, False, "more than", "people")]),
    ("The toll was put between dozens and 146.", [(24, 146, True, "between", None)]),
    ("about 40 or 45 homes were flooded", [(40, 45, True, "about", "homes")]),
    ("the bodies of 225 people", [(225, 225, False, None, "people")]),
    ("the pullout of around 2,000 CSTO troops", [(2000, 2000, True, "around", "troops")]),
    ("up to 600 soldiers", [(None, 600, False, "up to", "soldiers")]),
    ("no more than 300 police", [(None, 300, False, "no more than", "police")]),
    ("at least 12 people were missing", [(12, None, False, "at least", "people")]),
    ("nearly 55,000 people", [(55000, 55000, True, "nearly", "people")]),
    ("a dozen villages", [(12, 12, False, None, "villages")]),
    ("two dozen soldiers", [(24, 24, False, None, "soldiers")]),
    ("dozens of villages", [(24, None, True, None, "villages")]),
    ("hundreds of people", [(200, None, True, None, "people")]),
    ("1.6 thousand troops", [(1600, 1600, False, None, "troops")]),
    ("2.5 million people", [(2500000, 2500000, False, None, "people")]),
    ("attendance fell by 20 percent", [(20, 20, False, None, "percent")]),
    ("a 3.5% rise", [(3.5, 3.5, False, None, "percent")]),
    ("between 3,000 and 4,000 new arrivals", [(3000, 4000, False, "between", "arrivals")]),
    ("four military planes took off", [(4, 4, False, None, "planes")]),
    ("(about $13.5 million) in aid", [(13500000, 13500000, True, "about", "dollars")]),
])
def test_quantity_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The quake was the deadliest since 2007.",
    "It began at 4am and ended at 10:30.",
    "A 71-year-old man died.",
    "Under Article 5 of the treaty, allies must help.",
    "Call +44 20 7946 0958 for help.",
    "It was the first time in a 30-day truce.",  # a "six-member bloc" is a count, as "a 12-member team" is
    "The TETs-3 plant and Covid-19 wards.",
    "It was one of the worst nights.",
])
def test_not_quantities(text):
    assert values(text) == []


def test_measures_are_normalised():
    qs = find_quantities("At least 61 civilians have been killed and 140 wounded, while police detained 300 people.")
    assert [(q.low, q.measure) for q in qs] == [(61, "deaths"), (140, "injured"), (300, "detentions")]
    qs = find_quantities("Rescue teams evacuated more than 3,400 people and 500 peacekeepers arrived.")
    assert [q.measure for q in qs] == ["evacuated", "troops"]


def test_measures_table_shape():
    from claims.extract.measures import MEASURES

    for name, entry in MEASURES.items():
        assert set(entry) == {"synonyms", "cumulative"}
        assert isinstance(entry["cumulative"], bool) and entry["synonyms"]
    assert MEASURES["deaths"]["cumulative"] is True
    assert MEASURES["troops"]["cumulative"] is False


def test_strong_compounds_and_as_of():
    from helpers import one_claim

    claim = one_claim("A 2,500-strong contingent arrived and the toll stood at 225 as of Saturday, officials said.")
    assert [(q["low"], q["measure"]) for q in claim["quantities"]] == [(2500, "troops"), (225, "deaths")]
    assert claim["quantities"][1]["as_of"] == "2022-01-08"


@pytest.mark.parametrize("text, expected", [
    ("Divers recovered 23 more bodies overnight.", [(23, 23, "additional")]),
    ("Rescuers found another 40 people alive.", [(40, 40, "additional")]),
    ("an additional 12 cases were confirmed", [(12, 12, "additional")]),
    ("more than 10,000 people were detained", [(10000, None, "more than")]),
    ("the toll rose to 61, up from 38", [(61, 61, None), (38, 38, None)]),
])
def test_increments_are_marked_additional(text, expected):
    """'N more', 'another N': a count added to an earlier one, not a new total."""
    assert [(q.low, q.high, q.bound) for q in find_quantities(text)] == expected


def test_a_quake_s_magnitude_is_a_reading_on_its_scale():
    # labelled as a figure by two blind labellers (a magnitude is revised as tolls are)
    assert [(q.low, q.unit) for q in find_quantities("The magnitude 7.1 earthquake struck.")] == [(7.1, "magnitude")]
    assert [(q.low, q.unit) for q in find_quantities("A 7.1-magnitude quake struck the coast.")] == [(7.1, "magnitude")]
