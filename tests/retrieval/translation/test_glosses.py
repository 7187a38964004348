"""Cleaning a dictionary's English glosses into translations."""

from __future__ import annotations

import pytest

from retrieval.translation.glosses import GlossRules, clean_glosses, read_gloss_rules


@pytest.fixture(scope="module")
def rules() -> GlossRules:
    return read_gloss_rules()


def test_the_infinitives_to_is_dropped(rules: GlossRules) -> None:
    """ "to plant" is the translation "plant"."""
    assert clean_glosses(["to plant"], rules, proper_noun=False) == ["plant"]


def test_an_acronym_in_parentheses_is_a_translation_too(rules: GlossRules) -> None:
    """ "harbour authority (HA)" gives the words and the acronym."""
    found = clean_glosses(["harbour authority (HA)"], rules, proper_noun=False)
    assert found == ["harbour authority", "HA"]


def test_notes_and_cross_references_are_not_translations(rules: GlossRules) -> None:
    """Variants, classifiers and "see" references give nothing."""
    glosses = ["variant of 港[gang3]", "CL:個|个[ge4]", "see 港口[gang3 kou3]", "surname Gang"]
    assert clean_glosses(glosses, rules, proper_noun=False) == []


def test_a_sense_of_old_usage_is_left_out(rules: GlossRules) -> None:
    """A gloss labelled literary or old is not what a report means."""
    glosses = ["(literary) a ferry crossing", "(old) river mouth", "harbour"]
    assert clean_glosses(glosses, rules, proper_noun=False) == ["harbour"]


def test_a_pattern_of_usage_is_left_out(rules: GlossRules) -> None:
    """ "to take sth seriously" holds a placeholder, not a translation."""
    assert clean_glosses(["to take sth seriously"], rules, proper_noun=False) == []


def test_a_long_description_is_left_out(rules: GlossRules) -> None:
    """A gloss longer than ``max_words`` describes rather than translates."""
    long = "a small boat used for carrying goods across a harbour"
    assert clean_glosses([long], rules, proper_noun=False) == []


def test_a_name_keeps_the_name_its_description_starts_with(rules: GlossRules) -> None:
    """ "Lingnan region south of the five ranges, ..." of a name gives "Lingnan"."""
    gloss = "Lingnan region south of the five ranges, covering 廣東|广东[Guang3 dong1]"
    assert clean_glosses([gloss], rules, proper_noun=True) == ["Lingnan"]


def test_chinese_cited_in_a_gloss_is_dropped(rules: GlossRules) -> None:
    """ "port 港 and harbour" reads "port and harbour"."""
    assert clean_glosses(["port 港 and harbour"], rules, proper_noun=False) == ["port and harbour"]


def test_each_translation_is_given_once(rules: GlossRules) -> None:
    """Two glosses cleaned alike give one translation."""
    assert clean_glosses(["harbour", "to harbour"], rules, proper_noun=False) == ["harbour"]
