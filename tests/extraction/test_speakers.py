"""Speakers: attribution patterns, names split from titles, back-references."""
from helpers import claims_of, one_claim


def test_name_with_title_and_possessive_country():
    claim = one_claim("Kazakhstan's President Kassym-Jomart Tokayev said the pullout would take ten days.")
    assert claim["speaker"] == "Kassym-Jomart Tokayev"
    assert claim["speaker_role"] == "President of Kazakhstan"


def test_title_before_name_and_told():
    claim = one_claim("Defense Minister Sergei Shoigu told President Vladimir Putin that it was over.")
    assert (claim["speaker"], claim["speaker_role"]) == ("Sergei Shoigu", "Defense Minister")


def test_said_after_quote_and_inverted_said():
    claims = claims_of('"The operation has been completed," said Andrei Serdyukov of Russia, who led the mission.',
                       '"We are ready," the Defense Ministry said in a short statement.')
    assert [c["speaker"] for c in claims] == ["Andrei Serdyukov", "the Defense Ministry"]


def test_appositive_role_between_commas():
    claims = claims_of("The figure covered civilians, Serik Shalabayev, head of criminal prosecution, said at a briefing.",
                       "He gave no breakdown and said the figures could be updated later.")
    assert [c["speaker"] for c in claims] == ["Serik Shalabayev", "Serik Shalabayev"]
    assert claims[0]["speaker_role"] == "head of criminal prosecution"


def test_according_to_and_quoting():
    claims = claims_of("According to the regional hospital, 29 patients had been discharged.",
                       "The contingent has left, Russian agencies said on Wednesday, quoting the head of the mission.")
    assert claims[0]["speaker"] == "the regional hospital"
    assert claims[1]["speaker"] == "the head of the mission"
    assert claims[1]["said_on"] == "2022-01-12"


def test_back_references_resolve_to_the_full_name():
    claims = claims_of("Kazakhstan's President Kassym-Jomart Tokayev said the mission was a success.",
                       "On Wednesday, Tokayev praised the CSTO for its role. The Kazakh president has framed the "
                       "unrest as a coup attempt.",
                       "“The mission can be considered very successful,” Tokayev said.")
    assert {c["speaker"] for c in claims} == {"Kassym-Jomart Tokayev"}
    assert claims[1]["said_on"] == "2022-01-12"


def test_quote_continuing_previous_speaker_and_carry_over():
    claims = claims_of("Russia's Defense Ministry said the forces had begun leaving.",
                       'The troops "have completed their tasks" and are loading equipment.',
                       "Helicopters dropped food to residents who refused to leave.")
    assert [c["speaker"] for c in claims] == ["Russia's Defense Ministry", "Russia's Defense Ministry", None]


def test_outlet_reporting_and_non_speaker_subjects_have_no_speaker():
    claims = claims_of("Violent protests erupted this month in the oil-producing Central Asian state.",
                       "Shalabayev's toll confirmed that no violence had been deadlier.")
    assert [c["speaker"] for c in claims] == [None, None]


def test_coordinated_verb_finds_the_subject():
    claim = one_claim("The protests escalated into violence that the authorities blamed on bandits and said had "
                      "left 225 people dead.")
    assert claim["speaker"] == "the authorities"


def test_document_reference_resolves_to_its_author():
    claims = claims_of("In a statement, the Russian defence ministry said four planes had taken off.",
                       '"These aircraft will return home the last units," the statement said.')
    assert [c["speaker"] for c in claims] == ["the Russian defence ministry"] * 2


def test_speaker_list_has_canonical_names_and_aliases():
    from claims.extract import extract_text
    from helpers import article

    out = extract_text(article("Defense Minister Sergei Shoigu said it was over.", "Shoigu added that all had left."))
    speakers = {s["name"]: s for s in out["speakers"]}
    assert set(speakers) == {"Sergei Shoigu"}
    assert speakers["Sergei Shoigu"]["kind"] == "person"
    assert "Shoigu" in speakers["Sergei Shoigu"]["aliases"]


def test_list_items_take_the_source_of_their_introduction():
    from claims.extract import extract_text

    raw = ("# Toll revised\n\n*March 3, 2024*\n\nThe National Emergency Management Office said the toll had fallen.\n\n"
           "Key figures released by the office:\n\n- 41 people confirmed dead\n- 230 injured\n")
    out = extract_text(raw, filename="story.md")
    items = [c for c in out["claims"] if c["text"] in ("41 people confirmed dead", "230 injured")]
    assert [c["speaker"] for c in items] == ["The National Emergency Management Office"] * 2
    assert [c["quantities"][0]["measure"] for c in items] == ["deaths", "injured"]


def test_titles_with_of_quoted_as_saying_and_statement_from():
    claims = claims_of("U.S. Secretary of State Antony Blinken said the troops should leave.",
                       "The troops would leave within two days, according to a statement from the presidential press service.",
                       "TASS quoted Kremlin spokesman Dmitry Peskov as saying that the mission was over.")
    assert [(c["speaker"], c["speaker_role"]) for c in claims] == [
        ("Antony Blinken", "U.S. Secretary of State"), ("the presidential press service", None),
        ("Dmitry Peskov", "Kremlin spokesman")]


def test_different_ministries_stay_apart():
    claims = claims_of("The interior ministry said 9,900 people had been detained.",
                       "The health ministry briefly reported on Jan. 9 that 164 people had died.")
    assert [c["speaker"] for c in claims] == ["The interior ministry", "The health ministry"]
    assert claims[1]["said_on"] == "2022-01-09"


def test_names_from_other_languages():
    claims = claims_of("Health Minister Maria de la Cruz said 40 people were hospitalised.",
                       "Pieter van der Berg, the mayor, told reporters the dam held.",
                       '"It is not true," Interior Ministry spokesman Ahmed al-Sayed told AFP.',
                       "Nguyễn Thị Lan, a researcher at the institute, said the talks could be extended.",
                       "Cruz added that 12 were in intensive care.")
    assert [c["speaker"] for c in claims] == ["Maria de la Cruz", "Pieter van der Berg", "Ahmed al-Sayed",
                                              "Nguyễn Thị Lan", "Maria de la Cruz"]
    assert claims[1]["speaker_role"] == "mayor"


def test_quotation_running_into_the_next_paragraph_keeps_its_speaker():
    claims = claims_of('"We have completed our mission," Putin said. "The troops will return home.',
                       '"They performed their duties with honour."',
                       'The ministry said 12 people were hurt in "clashes. Police said 40 were detained.')
    assert [c["speaker"] for c in claims] == ["Putin", "Putin", "Putin", "The ministry", "Police"]
