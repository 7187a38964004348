"""The dictionaries a translation table is built from, as one stream of word pairs.

Each source gives pairs of a phrase and one of its translations, usable both ways: CC-CEDICT
(Chinese <-> English), the hand-edited glossaries (German <-> English, and what CC-CEDICT lacks
of Chinese <-> English). Chinese <-> German has no dictionary of its own: the table goes
through English (``retrieval.translation.resolved``).

``Lexicon`` is that stream as a table reads it: the glossaries' few pairs as pairs, then
CC-CEDICT's, kept as the file writes them and cleaned only for the headwords a table asks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from retrieval.scripts import HAN_RUN
from retrieval.translation.cedict import CedictGlosses, cedict_glosses
from retrieval.translation.glossary import GlossaryEntry, read_glossaries
from retrieval.translation.glosses import GlossRules, read_gloss_rules


@dataclass(frozen=True, slots=True)
class WordPair:
    """A phrase and one of its translations. ``rank``: the translation's place among the
    phrase's translations in its dictionary (0: the first, usually the main sense)."""

    language: str
    phrase: str
    other_language: str
    other: str
    rank: int = 0
    one_way: bool = False  # ``phrase`` -> ``other`` only, never back


@dataclass(frozen=True)
class Lexicon:
    """A stream of word pairs: ``pairs``, then CC-CEDICT's (Chinese, English), headword by
    headword, each headword's translations ranked in the dictionary's order (as
    ``cedict_pairs(read_cedict())`` gives them)."""

    pairs: Sequence[WordPair]
    cedict: CedictGlosses | None = None
    rules: GlossRules | None = None  # how CC-CEDICT's glosses are cleaned

    def cedict_headwords(self) -> Iterable[str]:
        """CC-CEDICT's headwords, any script, translated or not (see ``cedict_translated``)."""
        return self.cedict.headwords() if self.cedict is not None else ()

    def cedict_translations(self, headword: str) -> tuple[str, ...]:
        """The English translations CC-CEDICT gives ``headword``, the first the main sense;
        none for a headword written with anything but Chinese characters (as ``cedict_pairs``)."""
        if self.cedict is None or self.rules is None or not HAN_RUN.fullmatch(headword):
            return ()
        return self.cedict.translations(headword, self.rules)

    def cedict_translated(self, headwords: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
        """Those of ``headwords`` CC-CEDICT translates, with their translations, in the
        stream's order (``CedictGlosses.translated``)."""
        if self.cedict is None or self.rules is None:
            return []
        chinese = (headword for headword in headwords if HAN_RUN.fullmatch(headword))
        return self.cedict.translated(chinese, self.rules)

    def cedict_name(self, headword: str) -> bool:
        """Whether CC-CEDICT has ``headword`` as a name only (a place, a person, a firm)."""
        return self.cedict is not None and self.cedict.is_name(headword)

    def in_cedict(self, headword: str) -> bool:
        """Whether CC-CEDICT has ``headword`` (translated or not)."""
        return self.cedict is not None and headword in self.cedict

    def __iter__(self) -> Iterator[WordPair]:
        """Every pair of the stream, in order."""
        yield from self.pairs
        for headword, translations in self.cedict_translated(self.cedict_headwords()):
            for rank, translation in enumerate(translations):
                yield WordPair("zh", headword, "en", translation, rank)


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
                yield WordPair(
                    entry.language, phrase, entry.other_language, translation, rank, entry.one_way
                )


def default_lexicon() -> Lexicon:
    """Every dictionary the project ships or installs: the glossaries (read now: a person edits
    them), then CC-CEDICT (read once per process)."""
    return Lexicon(tuple(glossary_pairs(read_glossaries())), cedict_glosses(), read_gloss_rules())


def default_pairs() -> Iterator[WordPair]:
    """The glossaries' pairs, then CC-CEDICT's: every dictionary the project ships or installs."""
    return iter(default_lexicon())
