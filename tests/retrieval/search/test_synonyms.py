"""Synonyms: the Solr-format file, and groups scored as one term."""

from __future__ import annotations

from retrieval.search import Searcher
from retrieval.search.synonyms import SynonymRule, parse_solr_synonyms, read_synonyms
from tests.retrieval.handmade import handmade_searcher

RULES = parse_solr_synonyms(
    "# ==== English (en) ====\n"
    "rule, regulation\n"
    "take effect, come into force\n"
    "# ==== German (de) ====\n"
    "Plan, Vorhaben\n"
)
ROWS = [
    ("doc-a", 1, "en", "The drone regulations take effect on February 1."),
    ("doc-a", 2, "en", "Harbour traffic grew by a tenth in spring."),
    ("doc-b", 1, "en", "The drone rules were drafted by the city in March."),
    ("doc-b", 2, "en", "Port cranes were replaced across the northern quay."),
    ("doc-c", 1, "en", "A plant for batteries opened in the eastern district."),
]
TITLES = {"doc-a": ("Drones", "en"), "doc-b": ("Drafts", "en"), "doc-c": ("Plants", "en")}


def _searcher(rules: list[SynonymRule] = RULES) -> Searcher:
    return handmade_searcher(ROWS, TITLES, synonym_rules=rules)


def test_equivalent_terms_form_one_rule() -> None:
    """A line of comma-separated terms is one group whose members all stand for each other."""
    rule = parse_solr_synonyms("firm, company, enterprise\n")[0]
    assert rule.inputs == rule.outputs == ("firm", "company", "enterprise")


def test_explicit_mapping_searches_its_right_side() -> None:
    """``a, b => c`` triggers on a or b and searches for c."""
    rule = parse_solr_synonyms("economy, output => economy, GDP\n")[0]
    assert rule.inputs == ("economy", "output")
    assert rule.outputs == ("economy", "GDP")


def test_comments_and_blank_lines_are_skipped() -> None:
    """Comment and blank lines make no rule."""
    assert parse_solr_synonyms("# a, b\n\n   \n") == []


def test_section_headers_give_rules_their_language() -> None:
    """A rule takes the language of the section header above it."""
    assert [rule.language for rule in RULES] == ["en", "en", "de"]


def test_the_shipped_file_parses_into_rules_of_three_languages() -> None:
    """The editable synonym file gives rules in English, German and Chinese."""
    assert {rule.language for rule in read_synonyms()} >= {"en", "de", "zh"}


def test_a_word_the_corpus_lacks_is_found_through_its_synonym() -> None:
    """ "rules ... come into force" finds the passage on regulations taking effect."""
    response = _searcher().search("When do the drone rules come into force?")
    assert response.results[0].text.startswith("The drone regulations take effect")


def test_the_word_itself_outranks_its_synonym() -> None:
    """A passage with the question's own word ranks above one with only its synonym."""
    response = _searcher().search("drone rules")
    assert response.results[0].text.startswith("The drone rules")


def test_synonyms_used_are_reported() -> None:
    """The response lists each question word searched as its synonyms."""
    response = _searcher().search("When do the drone rules come into force?")
    added = {e.original: e.added for e in response.synonyms}
    assert added["come into force"] == ["take effect"]
    assert "regulation" in added["rules"]


def test_a_rule_applies_only_in_its_language() -> None:
    """A German rule ("Plan") never widens an English question ("plant")."""
    response = _searcher().search("Where did the battery plant open?")
    assert response.synonyms == []


def test_without_rules_the_synonym_is_not_found() -> None:
    """With no rules, "come into force" does not find "take effect"."""
    response = _searcher([]).search("When do the drone rules come into force?")
    assert not response.results or "take effect" not in response.results[0].text


def test_an_english_word_never_takes_a_german_rules_stem() -> None:
    """English "plant" does not trigger a German rule whose word stems to "plan"."""
    rules = parse_solr_synonyms("# ==== German (de) ====\nPlan, Vorhaben\n")
    response = _searcher(rules).search("Where did the battery plant open?")
    assert response.synonyms == []


GERMAN_ROWS = [
    ("doc-d", 1, "de", "Gouverneur Wang leitete die Konferenz in Guangzhou."),
    ("doc-d", 2, "de", "Der Direktor des Handelsamts sprach über Exporte."),
    ("doc-d", 3, "de", "Die Leiter der Zollämter berieten über Importe."),
]
GERMAN_TITLES = {"doc-d": ("Konferenz", "de")}
LEADER_RULE = parse_solr_synonyms("# ==== German (de) ====\nDirektor, Leiter\n")


def test_a_word_sharing_only_a_stem_with_a_rule_word_is_not_its_synonym() -> None:
    """ "leitete" (leiten) is not the rule's "Leiter", though both stem to "leit": no synonym
    "Direktor" is searched or reported."""
    searcher = handmade_searcher(GERMAN_ROWS, GERMAN_TITLES, synonym_rules=LEADER_RULE)
    response = searcher.search("Wer leitete die Konferenz?")
    assert response.synonyms == []
    assert response.results[0].text.startswith("Gouverneur Wang leitete")


def test_an_inflected_rule_word_is_still_its_synonym() -> None:
    """ "Direktoren" is the rule's "Direktor" in another form: "Leiter" is searched for it,
    and reported."""
    searcher = handmade_searcher(GERMAN_ROWS, GERMAN_TITLES, synonym_rules=LEADER_RULE)
    response = searcher.search("Welche Direktoren berieten über Importe?")
    assert response.results[0].text.startswith("Die Leiter der Zollämter")
    assert [e.original for e in response.synonyms] == ["Direktoren"]
