"""The dictionaries resolved against one index: each phrase's translations as index terms.

Built per index from the dictionaries' word pairs (``lexicon``), both ways: Chinese <-> English
(CC-CEDICT and its glossary), German <-> English (the glossary), and Chinese <-> German through
English ("Halbleiter" -> "semiconductor" -> 半导体). A translation is kept only when the index
holds it, resolved the way passages are indexed: an English or German phrase by the stems of
its words in its language, a Chinese one as the word itself or, where the segmenter cuts it
("新质生产力"), its parts. Each phrase is keyed by the forms a question writes it in: a Chinese
phrase as written (simplified script), an English or German one by its stems.

The index is asked first, the tokenizer only then: stemming all of CC-CEDICT's glosses takes
seconds. A Chinese phrase is its own key, so its translations are resolved when a question
asks for it (``chinese``). An English or German key is a gloss's stems, so the Latin-script
side (``latin``) is built at once, but only from the entries whose Chinese side the index holds
(about a thousand of CC-CEDICT's hundred thousand headwords on the development corpus).

Both are safe to read from several threads: ``latin`` is complete before the dictionary is
returned, and each of ``chinese``'s answers is stored whole, once worked out. What is kept
grows with the dictionary words asked for, never beyond the dictionaries' own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.chinese_terms import (
    Terms,
    chinese_terms,
    headwords_maybe_cut,
    terms_of_parts,
)
from retrieval.translation.lexicon import Lexicon, WordPair, default_lexicon

# The language other pairs of languages meet in: the one every dictionary translates into.
PIVOT = "en"
_DIGIT = re.compile(r"\d")

# An English or German phrase's stems -> its translations, longest phrase first.
LatinEntries = tuple[tuple[Terms, tuple["Candidate", ...]], ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One translation of a dictionary phrase, as the index holds it."""

    language: str
    phrase: str  # as the dictionary writes it
    terms: Terms  # its index terms: a passage must hold them all
    rank: int  # its place among the phrase's translations (0: the first)


class ResolvedDictionary:
    """Each dictionary phrase's translations that one index holds.

    ``chinese(phrase)``: a Chinese phrase's translations. ``latin``: (language, first stem) ->
    ((the phrase's stems, its translations), ...), longest phrase first.
    """

    def __init__(
        self, tokenizer: Tokenizer, index: BM25Index, pairs: Iterable[WordPair] | None = None
    ) -> None:
        self._tokenizer = tokenizer
        self._index = index
        self._lexicon = _lexicon(pairs)
        # Terms of phrases and words, each worked out once (dictionary phrases only: bounded).
        self._phrase_terms: dict[tuple[str, str], Terms] = {}
        self._word_terms: dict[tuple[str, str], Terms] = {}
        self._chinese_terms: dict[str, Terms | None] = {}
        self._chinese_found: dict[str, tuple[Candidate, ...]] = {}
        # The pairs (CC-CEDICT's aside) each Chinese phrase is a side of, in the stream's order.
        self._pairs_of: dict[str, list[WordPair]] = {}
        for pair in self._lexicon.pairs:
            for chinese in dict.fromkeys(_chinese_sides(pair)):
                self._pairs_of.setdefault(chinese, []).append(pair)
        self._links = self._pivot_links(self._lexicon.pairs)
        # English phrase -> the (language, phrase) of its one-way links: reached from there,
        # never reached through English.
        self._into_english_only: dict[Terms, set[tuple[str, str]]] = {}
        for pair in self._lexicon.pairs:
            if pair.one_way and pair.other_language == PIVOT and pair.language != "zh":
                key = self._key(PIVOT, pair.other)
                if key:
                    self._into_english_only.setdefault(key, set()).add((pair.language, pair.phrase))
        self.latin: dict[tuple[str, str], LatinEntries] = self._latin_entries()

    # ---- Chinese -> other languages, asked for -------------------------------------------

    def chinese(self, phrase: str) -> tuple[Candidate, ...]:
        """The translations of a Chinese phrase (simplified script) the index holds, in the
        dictionaries' order; none for a phrase no dictionary has."""
        found = self._chinese_found.get(phrase)
        if found is None:
            found = tuple(self._chinese_candidates(phrase))
            if found or phrase in self._pairs_of or self._lexicon.in_cedict(phrase):
                # Stored whole in one step (other threads read meanwhile); only dictionary
                # phrases are stored, whatever a question asks.
                self._chinese_found[phrase] = found
        return found

    def is_chinese_name(self, phrase: str) -> bool:
        """Whether a dictionary has the Chinese ``phrase`` as a name only (浙江省, 巴斯夫)."""
        return self._lexicon.cedict_name(phrase)

    def is_chinese_function_word(self, phrase: str) -> bool:
        """Whether every sense CC-CEDICT gives the Chinese ``phrase`` is English stopwords
        (截至: "up to", "by") and no glossary has it: a word of grammar, not of content."""
        translations = self._lexicon.cedict_translations(phrase)
        return (
            bool(translations)
            and phrase not in self._pairs_of
            and not any(self._key(PIVOT, english) for english in translations)
        )

    def has_chinese(self, phrase: str) -> bool:
        """Whether a dictionary has the Chinese ``phrase``, whether or not the index holds a
        translation of it."""
        return phrase in self._pairs_of or self._lexicon.in_cedict(phrase)

    def _chinese_candidates(self, phrase: str) -> Iterator[Candidate]:
        """As the stream of pairs gives them: each pair's translation, then those reached
        through its English side."""
        for pair in self._pairs_of.get(phrase, ()):
            if pair.language == "zh" and pair.phrase == phrase:
                yield from self._candidate(pair.other_language, pair.other, pair.rank)
            if pair.other_language == "zh" and pair.other == phrase:
                yield from self._candidate(pair.language, pair.phrase, pair.rank)
            if {pair.language, pair.other_language} == {"zh", PIVOT}:
                english, _, _ = _pivot_sides(pair)
                yield from self._through_pivot(english, pair.rank)
        for rank, english in enumerate(self._lexicon.cedict_translations(phrase)):
            yield from self._candidate(PIVOT, english, rank)
            yield from self._through_pivot(english, rank)

    def _candidate(self, language: str, phrase: str, rank: int) -> Iterator[Candidate]:
        terms = self._resolve(language, phrase)
        if terms is not None:
            yield Candidate(language, phrase, terms, rank)

    def _through_pivot(self, english: str, rank: int) -> Iterator[Candidate]:
        """The translations of ``english`` into the languages joined to it by other pairs
        (those that translate into it only, one-way, left out)."""
        key = self._key(PIVOT, english)
        for language, phrase, link_rank in self._links.get(key, ()):
            if (language, phrase) not in self._into_english_only.get(key, ()):
                yield from self._candidate(language, phrase, rank + link_rank)

    # ---- English and German -> other languages, at once ----------------------------------

    def _latin_entries(self) -> dict[tuple[str, str], LatinEntries]:
        """``latin``: every pair's translations keyed by an English or German side, in the
        stream's order, grouped by the key's first stem, longest key first."""
        latin: dict[tuple[str, Terms], list[Candidate]] = {}
        for pair in self._lexicon.pairs:
            self._add_latin(pair, latin)
        held = self._held_headwords()
        for headword, translations in self._lexicon.cedict_translated(held):
            for rank, english in enumerate(translations):
                self._add_chinese(english, headword, held[headword], rank, latin)
        grouped: dict[tuple[str, str], list[tuple[Terms, tuple[Candidate, ...]]]] = {}
        for (language, key), found in latin.items():
            grouped.setdefault((language, key[0]), []).append((key, tuple(found)))
        return {
            first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))  # stable
            for first, entries in grouped.items()
        }

    def _held_headwords(self) -> dict[str, Terms]:
        """CC-CEDICT's headwords the index holds, with their index terms. Each CC-CEDICT pair
        translates its English side to its headword, which is nothing where the index lacks
        the headword: the index is asked before any gloss is cleaned or stemmed."""
        held: dict[str, Terms] = {
            word: (word,) for word in self._lexicon.cedict_headwords() if word in self._index
        }
        if self._lexicon.cedict is not None:
            for headword in headwords_maybe_cut(self._lexicon.cedict):
                if headword not in held:
                    terms = terms_of_parts(headword, self._tokenizer, self._index)
                    if terms is not None:
                        held[headword] = terms
        return held

    def _add_latin(self, pair: WordPair, latin: dict[tuple[str, Terms], list[Candidate]]) -> None:
        """A pair's translations keyed by its sides that are not Chinese."""
        if {pair.language, pair.other_language} == {"zh", PIVOT}:
            english, _, chinese = _pivot_sides(pair)
            terms = self._resolve("zh", chinese)
            if terms is not None:
                self._add_chinese(english, chinese, terms, pair.rank, latin)
            return
        if pair.language != "zh":
            self._record(
                pair.language, pair.phrase, pair.other_language, pair.other, pair.rank, latin
            )
        if pair.other_language != "zh" and not pair.one_way:
            self._record(
                pair.other_language, pair.other, pair.language, pair.phrase, pair.rank, latin
            )

    def _add_chinese(
        self,
        english: str,
        chinese: str,
        terms: Terms,
        rank: int,
        latin: dict[tuple[str, Terms], list[Candidate]],
    ) -> None:
        """``chinese`` (its index terms ``terms``) as the translation of ``english`` and of the
        phrases joined to it by other pairs."""
        key = self._key(PIVOT, english)
        if key:
            latin.setdefault((PIVOT, key), []).append(Candidate("zh", chinese, terms, rank))
        for language, phrase, link_rank in self._links.get(key, ()):
            phrase_key = self._key(language, phrase)
            if phrase_key:
                candidate = Candidate("zh", chinese, terms, rank + link_rank)
                latin.setdefault((language, phrase_key), []).append(candidate)

    def _record(
        self,
        language: str,
        phrase: str,
        other_language: str,
        other: str,
        rank: int,
        latin: dict[tuple[str, Terms], list[Candidate]],
    ) -> None:
        """``other`` as a translation of the English or German ``phrase``, when the index
        holds it."""
        terms = self._resolve(other_language, other)
        if terms is None:
            return
        key = self._key(language, phrase)
        if key:
            latin.setdefault((language, key), []).append(
                Candidate(other_language, other, terms, rank)
            )

    def _pivot_links(self, pairs: Iterable[WordPair]) -> dict[Terms, list[tuple[str, str, int]]]:
        """English phrase (its stems) -> the (language, phrase, rank) of the pairs joining it
        to a language other than Chinese: where Chinese pairs reach those languages."""
        links: dict[Terms, list[tuple[str, str, int]]] = {}
        for pair in pairs:
            languages = {pair.language, pair.other_language}
            if PIVOT in languages and "zh" not in languages and len(languages) == 2:
                english, language, phrase = _pivot_sides(pair)
                key = self._key(PIVOT, english)
                if key:
                    links.setdefault(key, []).append((language, phrase, pair.rank))
        return links

    # ---- phrases as index terms ------------------------------------------------------------

    def _key(self, language: str, phrase: str) -> Terms:
        """The stems of an English or German phrase's words in its language, stopwords
        dropped: what a question's words are matched against, and what the index holds."""
        found = self._phrase_terms.get((language, phrase))
        if found is not None:
            return found
        if _DIGIT.search(phrase):
            # A figure changes how the words after it read ("100 million"): the phrase whole.
            found = tuple(self._tokenizer.own_terms(phrase, language))
        else:
            # Otherwise each word's terms are its own: worked out once per word.
            terms: list[str] = []
            for word in phrase.split():
                cached = self._word_terms.get((language, word))
                if cached is None:
                    cached = tuple(self._tokenizer.own_terms(word, language))
                    self._word_terms[(language, word)] = cached
                terms.extend(cached)
            found = tuple(terms)
        self._phrase_terms[(language, phrase)] = found
        return found

    def _resolve(self, language: str, phrase: str) -> Terms | None:
        """The index terms of a translation, or None unless the index holds them all."""
        if language != "zh":
            terms = self._key(language, phrase)
            return terms if terms and all(t in self._index for t in terms) else None
        if phrase not in self._chinese_terms:
            self._chinese_terms[phrase] = chinese_terms(phrase, self._tokenizer, self._index)
        return self._chinese_terms[phrase]


def _lexicon(pairs: Iterable[WordPair] | None) -> Lexicon:
    """The dictionaries as a ``Lexicon``: the default ones, or those given (a ``Lexicon`` as
    it is, its CC-CEDICT entries cleaned when asked for)."""
    if pairs is None:
        return default_lexicon()
    if isinstance(pairs, Lexicon):
        return pairs
    return Lexicon(tuple(pairs))


def _chinese_sides(pair: WordPair) -> Iterator[str]:
    if pair.language == "zh":
        yield pair.phrase
    if pair.other_language == "zh":
        yield pair.other


def _pivot_sides(pair: WordPair) -> tuple[str, str, str]:
    """(the English phrase, the other language, the other phrase) of a pair with English."""
    if pair.language == PIVOT:
        return pair.phrase, pair.other_language, pair.other
    return pair.other, pair.language, pair.phrase
