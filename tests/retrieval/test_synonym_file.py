"""The synonym file as text: Solr synonym syntax, groups kept apart, one script per group.

Independent of the search code on purpose: it reads ``retrieval/data/synonyms.txt`` with its own
small parser, so the file stays loadable by Solr, Elasticsearch and OpenSearch whatever loader
lingnan uses.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import regex
import Stemmer

SYNONYMS = Path(__file__).resolve().parents[2] / "retrieval" / "data" / "synonyms.txt"

# "# ==== English (en) ====" opens the rules of one language.
SECTION = regex.compile(r"#\s*=+\s*[^()]*\((?P<code>[a-z]{2})\)\s*=+")
HAN = regex.compile(r"\p{Han}")
LATIN = regex.compile(r"\p{Latin}")

# Fewest groups a section should hold: a much smaller section means rules were lost.
MINIMUM_GROUPS = {"en": 120, "de": 60, "zh": 60}
SNOWBALL = {"en": "english", "de": "german"}

# Terms deliberately in more than one group or one-way left side (normalised term -> why).
# Empty: a second group for a term must be a decision written down here, not an accident.
INTENDED_SHARED: dict[str, str] = {}


class SynonymSyntaxError(ValueError):
    """A line that is not a Solr synonym rule as this file writes them."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: an equivalence group (``left`` empty) or a one-way mapping ``left => right``."""

    line: int
    language: str | None
    left: tuple[str, ...]
    right: tuple[str, ...]

    @property
    def own_terms(self) -> tuple[str, ...]:
        """The terms that select this rule: a group's members, a mapping's left side."""
        return self.left or self.right


def normalise(term: str) -> str:
    """The form two spellings of one term share: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", term).casefold().split())


def parse_terms(side: str) -> tuple[str, ...]:
    """Comma-separated terms, each trimmed; an empty term is an error."""
    terms = tuple(" ".join(term.split()) for term in side.split(","))
    if not all(terms):
        raise SynonymSyntaxError("empty term")
    return terms


def parse_line(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``(left, right)`` of a rule line, or None for a blank or comment line."""
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    if "\\" in stripped:
        raise SynonymSyntaxError("backslash escapes are not used in this file")
    if "#" in stripped:
        raise SynonymSyntaxError("a comment needs a line of its own")
    sides = stripped.split("=>")
    if len(sides) > 2:
        raise SynonymSyntaxError("more than one '=>'")
    if len(sides) == 2:
        return parse_terms(sides[0]), parse_terms(sides[1])
    terms = parse_terms(stripped)
    if len(terms) < 2:
        raise SynonymSyntaxError("a group needs at least two terms")
    return (), terms


def parse(text: str) -> tuple[list[Rule], list[str]]:
    """All rules of a synonym file with their section language, and one message per bad line."""
    rules: list[Rule] = []
    errors: list[str] = []
    language: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        section = SECTION.fullmatch(line.strip())
        if section:
            language = section["code"]
            continue
        try:
            parsed = parse_line(line)
        except SynonymSyntaxError as error:
            errors.append(f"line {number}: {error}: {line!r}")
            continue
        if parsed is not None:
            rules.append(Rule(number, language, *parsed))
    return rules, errors


def stem_key(term: str, stemmer: Stemmer.Stemmer) -> str:
    """A term as the stemmer sees it, word by word."""
    return " ".join(stemmer.stemWords(normalise(term).split()))


def shared_keys(owners: dict[str, list[int]]) -> dict[str, list[int]]:
    """The keys claimed by rules on more than one line, except the intended ones."""
    return {
        key: lines
        for key, lines in owners.items()
        if len(set(lines)) > 1 and key not in INTENDED_SHARED
    }


@pytest.fixture(scope="module")
def parsed_file() -> tuple[list[Rule], list[str]]:
    return parse(SYNONYMS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules(parsed_file: tuple[list[Rule], list[str]]) -> list[Rule]:
    return parsed_file[0]


def test_parser_reads_groups_mappings_and_comments() -> None:
    """Groups, one-way mappings, multi-word terms and comment lines parse as Solr reads them."""
    text = "# a comment\n\nfoo, foo bar,baz\nqux , quux => qux, corge\n"
    parsed, errors = parse(text)
    assert errors == []
    assert [(rule.left, rule.right) for rule in parsed] == [
        ((), ("foo", "foo bar", "baz")),
        (("qux", "quux"), ("qux", "corge")),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "foo,,bar",
        "foo, bar,",
        "foo =>",
        "=> foo",
        "a => b => c",
        "foo, bar # note",
        "lonely",
        r"a\, b, c",
    ],
)
def test_parser_rejects_malformed_lines(line: str) -> None:
    """Empty terms, a dangling or doubled '=>', inline comments, escapes and lone terms fail."""
    with pytest.raises(SynonymSyntaxError):
        parse_line(line)


def test_parser_reads_the_section_language() -> None:
    """A '# ==== Name (xx) ====' line sets the language of the rules after it."""
    parsed, _ = parse("# ==== Invented (xx) ====\nfoo, bar\n")
    assert parsed[0].language == "xx"


def test_every_line_parses(parsed_file: tuple[list[Rule], list[str]]) -> None:
    """Every non-comment line of the file is a well-formed Solr synonym rule."""
    rules_read, errors = parsed_file
    assert errors == []
    assert rules_read


def test_every_rule_is_in_a_language_section(rules: list[Rule]) -> None:
    """Each rule stands under an English, German or Chinese section header."""
    outside = [rule.line for rule in rules if rule.language not in MINIMUM_GROUPS]
    assert outside == []


def test_sections_hold_enough_groups(rules: list[Rule]) -> None:
    """Each language section keeps at least its minimum number of rules."""
    counts = Counter(rule.language for rule in rules)
    short = {code: counts[code] for code, least in MINIMUM_GROUPS.items() if counts[code] < least}
    assert short == {}


def test_no_term_repeats_within_a_rule(rules: list[Rule]) -> None:
    """No side of a rule lists the same term twice."""
    repeated = [
        rule.line
        for rule in rules
        for side in (rule.left, rule.right)
        if len({normalise(term) for term in side}) < len(side)
    ]
    assert repeated == []


def test_no_term_selects_two_rules(rules: list[Rule]) -> None:
    """A group member or one-way left term belongs to one rule only, across languages."""
    owners: dict[str, list[int]] = {}
    for rule in rules:
        for term in rule.own_terms:
            owners.setdefault(normalise(term), []).append(rule.line)
    assert shared_keys(owners) == {}


def test_one_way_mappings_keep_their_left_terms(rules: list[Rule]) -> None:
    """A one-way mapping lists its left terms on the right, so they still match themselves."""
    dropped = [
        (rule.line, term)
        for rule in rules
        for term in rule.left
        if normalise(term) not in {normalise(target) for target in rule.right}
    ]
    assert dropped == []


def test_no_group_mixes_han_and_latin(rules: list[Rule]) -> None:
    """No rule holds both Han and Latin letters: one script, one language per group."""
    mixed = [
        rule.line
        for rule in rules
        if any(HAN.search(term) for term in rule.left + rule.right)
        and any(LATIN.search(term) for term in rule.left + rule.right)
    ]
    assert mixed == []


def test_rules_are_written_in_their_section_script(rules: list[Rule]) -> None:
    """Chinese rules are Han in every term; English and German rules hold no Han."""
    misplaced = [
        rule.line
        for rule in rules
        for term in rule.left + rule.right
        if bool(HAN.search(term)) != (rule.language == "zh")
    ]
    assert misplaced == []


@pytest.mark.parametrize("language", sorted(SNOWBALL))
def test_no_two_rules_share_a_stem(rules: list[Rule], language: str) -> None:
    """After stemming, no two rules of a language claim the same term."""
    stemmer = Stemmer.Stemmer(SNOWBALL[language])
    owners: dict[str, list[int]] = {}
    for rule in rules:
        if rule.language == language:
            for term in rule.own_terms:
                owners.setdefault(stem_key(term, stemmer), []).append(rule.line)
    assert shared_keys(owners) == {}
