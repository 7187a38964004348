"""The dictionaries a translation table is built from, as one stream of word pairs.

Each source gives pairs of a phrase and one of its translations, usable both ways: CC-CEDICT
(Chinese <-> English), the hand-edited glossaries (German <-> English, and what CC-CEDICT lacks
of Chinese <-> English). Chinese <-> German has no dictionary of its own: the table goes
through English (``retrieval.translation.table``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from retrieval.scripts import HAN_RUN
from retrieval.translation.cedict import read_cedict
from retrieval.translation.glossary import GlossaryEntry, read_glossaries


@dataclass(frozen=True, slots=True)
class WordPair:
    """A phrase and one of its translations. ``rank``: the translation's place among the
    phrase's translations in its dictionary (0: the first, usually the main sense)."""

    language: str
    phrase: str
    other_language: str
    other: str
    rank: int = 0


def cedict_pairs(cedict: Mapping[str, Sequence[str]]) -> Iterator[WordPair]:
    """The pairs of CC-CEDICT's cleaned entries (``read_cedict``): Chinese, English. Headwords
    written with anything but Chinese characters ("B超", "3C") are left out: a question's
    Chinese words are matched as Chinese characters."""
    for headword, translations in cedict.items():
        if not HAN_RUN.fullmatch(headword):
            continue
        for rank, translation in enumerate(translations):
            yield WordPair("zh", headword, "en", translation, rank)


def glossary_pairs(entries: Iterable[GlossaryEntry]) -> Iterator[WordPair]:
    """The pairs of glossary lines: each phrase with each translation, in the line's order."""
    for entry in entries:
        for phrase in entry.phrases:
            for rank, translation in enumerate(entry.translations):
                yield WordPair(entry.language, phrase, entry.other_language, translation, rank)


def default_pairs() -> Iterator[WordPair]:
    """The glossaries' pairs, then CC-CEDICT's: every dictionary the project ships or installs."""
    yield from glossary_pairs(read_glossaries())
    yield from cedict_pairs(read_cedict())
