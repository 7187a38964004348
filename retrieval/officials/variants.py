"""Misspelt names: two Latin spellings of one official, merged when nothing says they are two.

Two spellings are one official when
- they have the same surname and their given names are one letter apart (a letter changed,
  added or dropped), the given names at least ``MIN_GIVEN_LETTERS`` long;
- they hold the same office (``equivalents``: "party chief" and "secretary of the CPC ...
  Committee" are one office) in titles that share another word, mostly the place ("Guangdong");
  titles of different offices, or of one office in different places, are two people;
- no document names both: a page that names two spellings names two people.

The spelling found in more documents (then more often, then first alphabetically) stays the
name; the other becomes an alias.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from retrieval.folding import fold
from retrieval.officials.equivalents import OfficeEquivalents, title_words
from retrieval.officials.vocabulary import TitleVocabulary

MIN_GIVEN_LETTERS = 4  # "Wei" and "Wen" are two common names, not one misspelt
_MIN_SHARED_WORD_LETTERS = 4  # "of", "the", "cpc" say nothing about where an office is


@dataclass(frozen=True)
class Spelling:
    """One person as the documents spell them, with what tells people apart."""

    key: str
    name: str  # "Huang Kunming"
    titles: tuple[str, ...]
    documents: frozenset[str]
    mentions: int


def variant_merges(
    spellings: Sequence[Spelling], offices: OfficeEquivalents, titles: TitleVocabulary
) -> dict[str, str]:
    """Which spelling is a variant of which: ``{variant key: key of the name kept}``."""
    ordered = sorted(spellings, key=lambda s: (-len(s.documents), -s.mentions, s.name, s.key))
    places = {s.key: _office_places(s, offices, titles) for s in ordered}
    merged: dict[str, str] = {}
    for index, kept in enumerate(ordered):
        if kept.key in merged:
            continue
        for other in ordered[index + 1 :]:
            if other.key in merged or not _one_letter_apart(kept.name, other.name):
                continue
            if kept.documents & other.documents:
                continue  # one page names both: two people
            if _share_an_office_and_place(places[kept.key], places[other.key]):
                merged[other.key] = kept.key
    return merged


def _one_letter_apart(first: str, second: str) -> bool:
    a, b = fold(first).split(), fold(second).split()
    if len(a) != 2 or len(b) != 2 or a[0] != b[0]:
        return False
    if min(len(a[1]), len(b[1])) < MIN_GIVEN_LETTERS:
        return False
    return Levenshtein.distance(a[1], b[1]) == 1


def _office_places(
    spelling: Spelling, offices: OfficeEquivalents, titles: TitleVocabulary
) -> dict[str, set[str]]:
    """For each office the person holds, the other telling words of the titles holding it."""
    found: dict[str, set[str]] = {}
    # Each title once: one person's title repeats in every document stating it.
    for title in dict.fromkeys(spelling.titles):
        words = title_words(title)
        for held in offices.held(title):
            telling = {
                word
                for position, word in enumerate(words)
                if position not in held.positions and _is_telling(word, titles)
            }
            found.setdefault(held.office.id, set()).update(telling)
    return found


def _is_telling(word: str, titles: TitleVocabulary) -> bool:
    """A word that tells where or what an office is: a place or a field, not "provincial"."""
    return (
        len(word) >= _MIN_SHARED_WORD_LETTERS
        and word not in titles.stop_words
        and word not in titles.modifiers
        and not titles.head_at([word], 0)
        and not titles.public.names_body(word)
    )


def _share_an_office_and_place(first: dict[str, set[str]], second: dict[str, set[str]]) -> bool:
    return any(first[office] & second[office] for office in first.keys() & second.keys())
