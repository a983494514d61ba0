"""Sentence splitting: abbreviations, initials and quotations do not end sentences."""
from claims.extract.sentences import quote_regions, split_sentences


def split(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_and_initials_do_not_split():
    text = ("Mr. Smith of the U.S. Army met Gen. Lee on Jan. 6 in St. Petersburg. "
            "The water had E. coli in it, Dr. Jonas Berg said. John F. Kennedy was mentioned.")
    assert split(text) == [
        "Mr. Smith of the U.S. Army met Gen. Lee on Jan. 6 in St. Petersburg.",
        "The water had E. coli in it, Dr. Jonas Berg said.",
        "John F. Kennedy was mentioned.",
    ]


def test_quote_over_two_sentences_stays_with_its_attribution():
    text = '"We must come home. We\'ve completed our mission," Putin told Shoigu. Then they left.'
    assert split(text) == ['"We must come home. We\'ve completed our mission," Putin told Shoigu.', "Then they left."]


def test_closing_curly_quote_after_period_ends_the_sentence():
    text = ("Tokayev praised the CSTO for “repelling the aggression of terrorists and bandits.” "
            "The Kazakh president has framed it as a coup.")
    assert split(text) == ["Tokayev praised the CSTO for “repelling the aggression of terrorists and bandits.”",
                           "The Kazakh president has framed it as a coup."]


def test_quote_after_attribution_is_its_own_sentence():
    text = '"Nobody will be left alone," he said. "We will rebuild every house."'
    assert split(text) == ['"Nobody will be left alone," he said.', '"We will rebuild every house."']


def test_single_quotes_and_apostrophes():
    text = ("'Our members did not want to strike, but Coastline left them no choice,' Ms Natarajan said. "
            "The drivers' union's offer stands.")
    assert len(split(text)) == 2
    regions = quote_regions(text)
    assert len(regions) == 1 and text[regions[0][0]] == "'"


def test_lowercase_after_period_and_numbers_do_not_split():
    assert split("The quake measured 7.1 on the scale. it went on.") == ["The quake measured 7.1 on the scale. it went on."]
    assert split("Prices rose 2.5 percent. Wages did not.") == ["Prices rose 2.5 percent.", "Wages did not."]


def test_question_inside_quote_followed_by_attribution():
    assert split('"Why now?" she asked. Nobody answered.') == ['"Why now?" she asked.', "Nobody answered."]


def test_a_councillor_and_a_state_abbreviation_do_not_end_a_sentence():
    from claims.extract.sentences import split_sentences
    text = "Waverley West Coun. Janice Lukes said the repairs were late. The family moved to Scranton, Pa. They stayed."
    assert [text[s:e] for s, e in split_sentences(text, [])] == [
        "Waverley West Coun. Janice Lukes said the repairs were late.", "The family moved to Scranton, Pa.",
        "They stayed."]
