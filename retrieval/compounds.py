"""German compounds cut into the words they are made of, so a part finds the whole and back:
"Halbleiterindustrie" -> Halb, Leiter, Industrie and Halbleiter; "Unternehmensgründung" ->
Unternehmen, Gründung.

The parts are words of wordfreq's German word list (Apache-2.0 code, CC BY-SA data, shipped
inside the package; its ß is already "ss", as the tokenizer folds it). A part

- has at least ``MIN_PART_LETTERS`` letters and a zipf frequency of at least ``MIN_PART_ZIPF``
  (about once in a million words): a real word of reasonable length, not a syllable;
- is not a stopword nor an ending listed in ``retrieval/data/compounds/de.toml`` ("Bereitschaft"
  is no kind of "Schaft");
- may be followed by a linking element of that file ("Unternehmen|s|gründung"), and the last
  part may be inflected ("Gründungen" counts as "Gründung").

Of all the ways to cut a word, the one whose parts are commonest on average wins (Koehn and
Knight, 2003), and only if its parts are clearly commoner than the word itself (``MIN_MARGIN``
zipf, three times as common): a word common in its own right stays whole ("Unternehmen",
"Flughafen", "Bürgermeister", "Maßstab"), a rare one is cut ("Halbleiter"). Neighbouring
parts that together are a known word are a part too ("Halb|leiter" -> "Halbleiter"), so either
finds the compound.

Not cut: words shorter than two parts; words the lemma dictionary knows as anything but a noun
("führende", "teilnehmen"); words that read as pinyin (Chinese names: "Guangdong"); and words
that are common in English too (names, brands and loanwords: "Volkswagen", "Hardware").
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from retrieval.folding import fold_case
from retrieval.lemmas import Lemmatizer
from retrieval.pinyin import reads_as_pinyin

COMPOUNDS_FILE = Path(__file__).parent / "data" / "compounds" / "de.toml"
MIN_PART_LETTERS = 4
MIN_PART_ZIPF = 3.0
# Neighbouring parts joined, and the word itself, count as known words down to this frequency.
MIN_KNOWN_ZIPF = 2.0
# A word this common in English is a name, a brand or a loanword there too: not cut.
MIN_ENGLISH_ZIPF = 2.0
# How much commoner than the word its parts must be on average: a lexicalised word ("Maßstab",
# "Plattform") is about as common as its parts and stays whole.
MIN_MARGIN = 0.5
_MAX_LETTERS = 60  # longer is not a word but a run of letters; the ways to cut it explode
_CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a compound: the word it is and where it is written in the compound."""

    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Cut:
    """A candidate part: its frequency and span in the word (linking element excluded)."""

    zipf: float
    start: int
    end: int


class CompoundSplitter:
    """The parts of German compounds; see the module docstring."""

    def __init__(
        self,
        lemmatizer: Lemmatizer,
        stopwords: frozenset[str] = frozenset(),
        rules_file: Path = COMPOUNDS_FILE,
    ) -> None:
        rules = tomllib.loads(rules_file.read_text(encoding="utf-8"))
        self._linking = tuple(fold_case(s) for s in rules.get("linking", []))
        self._not_parts = frozenset(fold_case(w) for w in rules.get("not_parts", []))
        self._lemmatizer = lemmatizer
        self._stopwords = stopwords
        self._cache: dict[str, tuple[Part, ...]] = {}

    @property
    def fingerprint(self) -> list[Any]:
        """What decides the parts: the rules file, the thresholds and the word list's version."""
        return [
            sorted(self._linking),
            sorted(self._not_parts),
            [MIN_PART_LETTERS, MIN_PART_ZIPF, MIN_KNOWN_ZIPF, MIN_ENGLISH_ZIPF, MIN_MARGIN],
            f"wordfreq {version('wordfreq')}",
        ]

    def warm_up(self) -> None:
        """Load the word lists now (about 0.3 s) rather than on the first long German word."""
        _german_words()
        _english_words()

    def parts(self, word: str) -> tuple[Part, ...]:
        """The parts of the folded German ``word``, in order; empty if it is no compound."""
        if len(word) < 2 * MIN_PART_LETTERS or len(word) > _MAX_LETTERS or not word.isalpha():
            return ()
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # questions bring endless new words; memory stays bounded
            found = self._cache[word] = self._split(word)
        return found

    def _split(self, word: str) -> tuple[Part, ...]:
        german = _german_words()
        if word in _english_words() or reads_as_pinyin(word):
            return ()
        entry = self._lemmatizer.dictionary_entry(word, "de")
        if entry is not None and not entry[:1].isupper():
            return ()  # a known verb, adjective or adverb: only nouns are compounds here
        own = max(german.get(word, 0.0), german.get(fold_case(entry), 0.0) if entry else 0.0)
        best: tuple[_Cut, ...] = ()
        best_key = (own + MIN_MARGIN, 0)
        for cuts in self._cuts(word, 0, {}):
            if len(cuts) < 2:
                continue
            key = (sum(cut.zipf for cut in cuts) / len(cuts), -len(cuts))
            if key > best_key:
                best, best_key = cuts, key
        if not best:
            return ()
        parts = [Part(word[cut.start : cut.end], cut.start, cut.end) for cut in best]
        for first in range(len(best)):
            for last in range(first + 1, min(len(best), first + len(best) - 1)):
                joined = word[best[first].start : best[last].end]
                if german.get(joined, 0.0) >= MIN_KNOWN_ZIPF:
                    parts.append(Part(joined, best[first].start, best[last].end))
        return tuple(sorted(parts, key=lambda p: (p.start, -p.end)))

    def _cuts(
        self, word: str, start: int, memo: dict[int, list[tuple[_Cut, ...]]]
    ) -> Iterator[tuple[_Cut, ...]]:
        """Every way to cut ``word[start:]`` into parts."""
        if start not in memo:
            ways: list[tuple[_Cut, ...]] = []
            for end in range(start + MIN_PART_LETTERS, len(word) + 1):
                cut = self._cut(word, start, end)
                if cut is None:
                    continue
                if end == len(word):
                    ways.append((cut,))
                elif len(word) - end >= MIN_PART_LETTERS:
                    ways.extend((cut, *rest) for rest in self._cuts(word, end, memo))
            memo[start] = ways
        yield from memo[start]

    def _cut(self, word: str, start: int, end: int) -> _Cut | None:
        """``word[start:end]`` as a part, if it is one: the word itself, the word before a
        linking element, or (at the end) an inflected form of the word."""
        piece = word[start:end]
        best = _Cut(self._zipf(piece), start, end)
        if end < len(word):
            for link in self._linking:
                if piece.endswith(link):
                    zipf = self._zipf(piece[: -len(link)])
                    if zipf > best.zipf:
                        best = _Cut(zipf, start, end - len(link))
        elif best.zipf == 0.0 and piece not in self._stopwords:
            entry = self._lemmatizer.dictionary_entry(piece, "de")
            if entry is not None:
                best = _Cut(self._zipf(fold_case(entry)), start, end)
        return best if best.zipf > 0.0 else None

    def _zipf(self, piece: str) -> float:
        """The frequency of ``piece`` as a part, 0 if it cannot be one."""
        if len(piece) < MIN_PART_LETTERS or piece in self._stopwords or piece in self._not_parts:
            return 0.0
        zipf = _german_words().get(piece, 0.0)
        return zipf if zipf >= MIN_PART_ZIPF else 0.0


@cache
def _german_words() -> Mapping[str, float]:
    """German words known enough to be a part or a joined part, with their frequency."""
    return _frequent_words("de", MIN_KNOWN_ZIPF)


@cache
def _english_words() -> frozenset[str]:
    """English words long enough to pass for a German compound and common enough to be
    names, brands or loanwords there."""
    words = _frequent_words("en", MIN_ENGLISH_ZIPF)
    return frozenset(word for word in words if len(word) >= 2 * MIN_PART_LETTERS)


def _frequent_words(language: str, min_zipf: float) -> dict[str, float]:
    """wordfreq's words of ``language`` at least ``min_zipf`` common, with their frequency.

    Read straight from the package's file: ``wordfreq.get_frequency_list`` would keep the whole
    list (some 600,000 words) in memory for good.
    """
    import wordfreq

    path = wordfreq.available_languages("large")[language]
    words: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.read_cBpack(path)):
        zipf = wordfreq.cB_to_zipf(-index)
        if zipf < min_zipf:
            break
        for word in bucket:
            if word.isalpha():
                words.setdefault(word, zipf)
    return words
