"""The dictionaries resolved against one index: each phrase's translations as index terms.

Built once per index from the dictionaries' word pairs (``lexicon``), both ways: Chinese <->
English (CC-CEDICT and its glossary), German <-> English (the glossary), and Chinese <-> German
through English ("Halbleiter" -> "semiconductor" -> 半导体). A translation is kept only when the
index holds it, resolved the way passages are indexed: an English or German phrase by the stems
of its words in its language, a Chinese one as the word itself or, where the segmenter cuts it
("新质生产力"), its parts. Each phrase is keyed by the forms a question writes it in: a Chinese
phrase as written (simplified script), an English or German one by its stems.

Kept memory grows with the overlap of dictionary and index: on the development corpus the
table keeps about 12 MB; an index holding every word of CC-CEDICT would make it about 70 MB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from retrieval.index import BM25Index
from retrieval.scripts import HAN_RUN
from retrieval.tokenize import Tokenizer, shared_jieba
from retrieval.translation.lexicon import WordPair, default_pairs

# The language other pairs of languages meet in: the one every dictionary translates into.
PIVOT = "en"
# A Chinese word (or part of one) is translated when it has at least this many characters:
# a single character has too many senses to pick from (个: size, 要: demand, 可: approve).
MIN_CHINESE_WORD = 2
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One translation of a dictionary phrase, as the index holds it."""

    language: str
    phrase: str  # as the dictionary writes it
    terms: tuple[str, ...]  # its index terms: a passage must hold them all
    rank: int  # its place among the phrase's translations (0: the first)


class ResolvedDictionary:
    """Each dictionary phrase's translations that one index holds.

    ``chinese``: Chinese phrase -> its translations. ``latin``: (language, first stem) ->
    [(the phrase's stems, its translations)], longest phrase first.
    """

    def __init__(
        self, tokenizer: Tokenizer, index: BM25Index, pairs: Iterable[WordPair] | None = None
    ) -> None:
        self._tokenizer = tokenizer
        self._index = index
        # Terms of phrases and words worked out while building, each once.
        self._phrase_terms: dict[tuple[str, str], tuple[str, ...]] = {}
        self._word_terms: dict[tuple[str, str], tuple[str, ...]] = {}
        self._chinese_terms: dict[str, tuple[str, ...] | None] = {}
        self.chinese: dict[str, list[Candidate]] = {}
        latin: dict[tuple[str, tuple[str, ...]], list[Candidate]] = {}
        pairs = list(default_pairs() if pairs is None else pairs)
        links = self._pivot_links(pairs)
        for pair in pairs:
            self._add(pair.language, pair.phrase, pair.other_language, pair.other, pair.rank, latin)
            self._add(pair.other_language, pair.other, pair.language, pair.phrase, pair.rank, latin)
            if {pair.language, pair.other_language} == {"zh", PIVOT}:
                # Chinese <-> German (and any other glossary language) through English.
                english, _, chinese = _pivot_sides(pair)
                for language, phrase, rank in links.get(self._key(PIVOT, english), ()):
                    self._add("zh", chinese, language, phrase, pair.rank + rank, latin)
                    self._add(language, phrase, "zh", chinese, pair.rank + rank, latin)
        self.latin: dict[tuple[str, str], list[tuple[tuple[str, ...], list[Candidate]]]] = {}
        for (language, key), found in latin.items():
            self.latin.setdefault((language, key[0]), []).append((key, found))
        for entries in self.latin.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase first
        # Only needed while building.
        self._phrase_terms.clear()
        self._word_terms.clear()
        self._chinese_terms.clear()

    def _pivot_links(
        self, pairs: Sequence[WordPair]
    ) -> dict[tuple[str, ...], list[tuple[str, str, int]]]:
        """English phrase (its stems) -> the (language, phrase, rank) of the pairs joining it
        to a language other than Chinese: where Chinese pairs reach those languages."""
        links: dict[tuple[str, ...], list[tuple[str, str, int]]] = {}
        for pair in pairs:
            languages = {pair.language, pair.other_language}
            if PIVOT in languages and "zh" not in languages and len(languages) == 2:
                english, language, phrase = _pivot_sides(pair)
                key = self._key(PIVOT, english)
                if key:
                    links.setdefault(key, []).append((language, phrase, pair.rank))
        return links

    def _add(
        self,
        language: str,
        phrase: str,
        other_language: str,
        other: str,
        rank: int,
        latin: dict[tuple[str, tuple[str, ...]], list[Candidate]],
    ) -> None:
        """Record ``other`` as a translation of ``phrase`` when the index holds it."""
        terms = self._resolve(other_language, other)
        if terms is None:
            return
        candidate = Candidate(other_language, other, terms, rank)
        if language == "zh":
            self.chinese.setdefault(phrase, []).append(candidate)
            return
        key = self._key(language, phrase)
        if key:
            latin.setdefault((language, key), []).append(candidate)

    def _key(self, language: str, phrase: str) -> tuple[str, ...]:
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

    def _resolve(self, language: str, phrase: str) -> tuple[str, ...] | None:
        """The index terms of a translation, or None unless the index holds them all."""
        if language != "zh":
            terms = self._key(language, phrase)
            return terms if terms and all(t in self._index for t in terms) else None
        if phrase not in self._chinese_terms:
            self._chinese_terms[phrase] = self._resolve_chinese(phrase)
        return self._chinese_terms[phrase]

    def _resolve_chinese(self, phrase: str) -> tuple[str, ...] | None:
        if phrase in self._index:
            return (phrase,)
        if not HAN_RUN.fullmatch(phrase) or len(phrase) <= MIN_CHINESE_WORD:
            return None
        jieba = shared_jieba()
        if jieba.FREQ.get(phrase):
            return None  # a word the segmenter knows: passages hold it whole, this index not
        if not any(piece in self._index for piece in jieba.lcut(phrase)):
            return None  # quickly: none of its parts in the index
        # A word the segmenter cuts ("新质生产力"): passages hold its parts.
        parts = [
            q.candidates[0]
            for q in self._tokenizer.query_terms(phrase)
            if not q.optional and not q.stopword
        ]
        if len(parts) < 2 or not all(p in self._index for p in parts):
            return None
        return tuple(dict.fromkeys(parts))


def _pivot_sides(pair: WordPair) -> tuple[str, str, str]:
    """(the English phrase, the other language, the other phrase) of a pair with English."""
    if pair.language == PIVOT:
        return pair.phrase, pair.other_language, pair.other
    return pair.other, pair.language, pair.phrase
