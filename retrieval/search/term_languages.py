"""In which languages the corpus writes each term: what a passage's silence is evidence of.

A passage that lacks a word of the question tells against answering it only as far as the
passage's language could have held the word. A German passage without "capital" says the
question's "capital" is not its subject; an English passage without "Entwicklungskonferenz"
says little when the dictionaries have no English for it. So for a passage in another language
than the question's, a word the corpus never writes in that language (neither the word nor one
of its other spellings or translations) counts as an absent word does (``absent_words``): by
how rare it is in the question's language. "seit" weighs next to nothing there; a rare word, a
name, a figure, a Chinese word the dictionary has (its translations are not in the corpus) all
of their weight. For a passage in the question's language every word counts, as always.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.index import BM25Index


class TermLanguages:
    """Each index term's languages, as a bit set (one bit per passage language)."""

    def __init__(self, index: BM25Index, passage_languages: Sequence[str]) -> None:
        self._bits = {language: 1 << i for i, language in enumerate(sorted(set(passage_languages)))}
        self._passage_bits = np.fromiter(
            (self._bits[language] for language in passage_languages),
            dtype=np.int64,
            count=len(passage_languages),
        )
        # One pass over every posting: in the narrowest integer that holds the bits, as the pass
        # copies the passage bits once per posting (240 MB in int64 at 200 MB of text).
        narrow = np.min_scalar_type((1 << len(self._bits)) - 1)
        self._term_bits = index.postings_or(self._passage_bits.astype(narrow)).astype(np.int64)
        self._index = index

    def bit(self, language: str | None) -> int:
        """The bit of ``language`` (0 when no passage is written in it)."""
        return 0 if language is None else self._bits.get(language, 0)

    def of_passages(self, ids: np.ndarray) -> np.ndarray:
        """The language bit of each passage of ``ids``."""
        return self._passage_bits[ids]

    def of_spelling(self, terms: Sequence[str]) -> int:
        """The languages in which the corpus writes every term of ``terms``."""
        bits = -1
        for term in terms:
            tid = self._index.term_id(term)
            bits &= 0 if tid is None else int(self._term_bits[tid])
        return bits if terms else 0
