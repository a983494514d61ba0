"""The measure vocabulary: synonyms, whole-phrase matching, cumulative counts, the override file."""
from __future__ import annotations

import json

import pytest

from claims import measures
from claims.errors import UserError


@pytest.fixture(autouse=True)
def no_user_file(tmp_path, monkeypatch):
    monkeypatch.setenv(measures.ENV_FILE, str(tmp_path / "absent.json"))


def test_synonyms_name_measures():
    assert measures.measure_for("killed") == "deaths"
    assert measures.measure_for("Death toll") == "deaths"
    assert measures.measure_for("deaths") == "deaths"
    assert measures.measure_for("people detained") == "detentions"
    assert measures.measure_for("soldiers") == "troops"
    assert measures.measure_for("people evacuated") == "evacuated"


def test_only_whole_phrases_match():
    assert measures.measure_for("security force deaths") is None
    assert measures.measure_for("planes") is None
    assert measures.measure_for("") is None and measures.measure_for(None) is None


def test_measures_named_in_a_sentence():
    assert measures.measures_in("The number of people killed by the quake has risen to 312") == {"deaths"}
    assert measures.measures_in("Officials gave no figure.") == set()


def test_cumulative_counts_and_levels():
    assert measures.is_cumulative("deaths") and measures.is_cumulative("detentions")
    assert not measures.is_cumulative("troops")
    assert not measures.is_cumulative("no such measure") and not measures.is_cumulative(None)


def test_default_file_is_in_the_user_config_dir(monkeypatch):
    monkeypatch.delenv(measures.ENV_FILE)
    path = measures.measures_file()
    assert path.name == "measures.json" and path.parent.name == "claimtrack"


def test_override_file_adds_moves_and_changes(tmp_path, monkeypatch):
    override = tmp_path / "m.json"
    override.write_text(json.dumps({"deaths": {"synonyms": ["lives lost"]},
                                    "casualties": {"synonyms": ["killed"], "cumulative": True},
                                    "troops": {"cumulative": True}}))
    monkeypatch.setenv(measures.ENV_FILE, str(override))
    assert measures.measure_for("lives lost") == "deaths"
    assert measures.measure_for("killed") == "casualties"  # moved to the user's measure
    assert "killed" not in measures.vocabulary()["deaths"]["synonyms"]
    assert measures.is_cumulative("troops") and measures.is_cumulative("casualties")
    override.write_text(json.dumps({"deaths": {"synonyms": "killed"}}))
    with pytest.raises(UserError, match="list of strings"):
        measures.measure_for("killed")
    override.write_text("[1, 2]")
    with pytest.raises(UserError, match="JSON object"):
        measures.vocabulary()


@pytest.mark.parametrize("unit", ["workers", "others", "victims", "miners", "passengers", "employees"])
def test_who_is_involved_in_the_event_is_no_sub_group(unit):
    """'Two workers were killed' at a refinery and 'the death toll has risen to four' count the
    same dead; 'civilians' and 'soldiers' stay sub-groups."""
    assert measures.qualifier(unit, "deaths") == ""
    assert measures.qualifier("civilians", "deaths") == "civilians"
