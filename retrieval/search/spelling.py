"""Spelling correction: a word the corpus lacks, one or two letters away from one it writes.

"Weizong" is corrected to "Weizhong", and the correction reported as the corpus writes the word.
Short words have too many neighbours ("want" / "wang", "cake" / "care") to guess at: a word is
corrected only from six letters on, with one edit, or ``max_edits`` from nine letters on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from retrieval.folding import fold
from retrieval.index import BM25Index
from retrieval.models import Correction
from retrieval.search.lazy import Lazy
from retrieval.search.searchable import SearchableCorpus
from retrieval.tokenize import QueryTerm, Tokenizer

# Words shorter than this are never corrected; from TWO_EDITS_FROM letters on, ``max_edits``
# edits are allowed instead of one.
MIN_SPELLABLE = 6
TWO_EDITS_FROM = 9
# How many vocabulary terms a misspelt word is compared with by the words the corpus writes, and
# how many passages of each are read for those written forms.
_SPELLING_TERMS = 12
_SPELLING_SAMPLES = 8


def spelling_table(vocabulary: list[str]) -> dict[str, list[str]]:
    """The terms a misspelt word may be corrected to, by first letter.

    Only alphabetic terms: figures and codes ("2024", "ag600") are never guessed at. A
    misspelling rarely gets the first letter wrong ("France" must not meet words an edit or two
    away), so only words with the same first letter are compared: a large vocabulary is
    searched a few percent at a time.
    """
    table: dict[str, list[str]] = {}
    for term in sorted(vocabulary):
        if term.isalpha() and len(term) >= MIN_SPELLABLE - 1:
            table.setdefault(term[0], []).append(term)
    return table


# A word at least this common in English or German (wordfreq's Zipf scale: about one in 30
# million words) is a real word, not a misspelling: "spaces", "office", "something".
REAL_WORD_ZIPF = 2.5


class Speller:
    """Corrects the words of questions to the words a corpus writes."""

    def __init__(
        self,
        corpus: SearchableCorpus,
        index: BM25Index,
        tokenizer: Tokenizer,
        max_edits: int = 2,
    ) -> None:
        self._corpus = corpus
        self._index = index
        self._tokenizer = tokenizer
        self.max_edits = max_edits
        self._table = Lazy(lambda: spelling_table(self._index.vocabulary))

    def correct(self, qterm: QueryTerm, languages: Sequence[str]) -> tuple[str, str] | None:
        """The vocabulary term a misspelt word means, and the word as the corpus writes it.

        A word of the language at large ("spaces", "something") is never corrected into another
        ("spare", "south"). The nearest written word wins ("inteligence": "intelligence", not
        "intelligent"), then the more frequent, then one in the question's language ("robotcs":
        "robotics", not "Robotik"); possessives and hyphenated forms are never offered
        ("Shenzhen", not "Shenzhen's").
        """
        typed = fold(qterm.surface)
        if len(typed) < MIN_SPELLABLE or _is_a_word(typed, languages):
            return None
        limit = 1 if len(typed) < TWO_EDITS_FROM else self.max_edits
        table = self._table.get()
        # Terms near one of the word's forms (its stems, the word itself); a stem may be an
        # edit further from its neighbour's than the written words are, hence ``limit + 1``.
        near: dict[str, int] = {}
        for form in qterm.candidates:
            if len(form) < MIN_SPELLABLE - 1:
                continue
            for choice, distance, _ in process.extract(
                form,
                table.get(form[0], []),
                scorer=Levenshtein.distance,
                score_cutoff=limit + 1,
                limit=20,
            ):
                near[choice] = min(int(distance), near.get(choice, limit + 2))
        rank = {language: i for i, language in enumerate(languages)}
        best: tuple[tuple[int, int, int, int, str], str] | None = None
        for term in sorted(near, key=lambda t: (near[t], t))[:_SPELLING_TERMS]:
            written = self.written_forms(term)
            choices = [
                (Levenshtein.distance(typed, folded), -count, rank.get(language, len(rank)), form)
                for (folded, language), (count, form) in written.items()
            ]
            if not choices:
                # Only written with punctuation ("R&D-led"): the term stands for itself.
                choices = [(near[term], 0, len(rank), term)]
            distance, _, language_rank, form = min(choices)
            if min(distance, near[term]) > limit:
                continue
            key = (
                distance,
                near[term],
                -self._index.document_frequency(term),
                language_rank,
                term,
            )
            if best is None or key < best[0]:
                best = (key, form)
        return (best[0][-1], best[1]) if best else None

    def written_forms(self, term: str) -> dict[tuple[str, str], tuple[int, str]]:
        """How the corpus writes ``term``, from a few passages holding it: for each folded
        word and language, its count and its commonest casing. Only plain words: a possessive
        loses its "'s", a form with other punctuation is left out."""
        counts: dict[tuple[str, str], dict[str, int]] = {}
        for passage_id in self._index.postings(term)[:_SPELLING_SAMPLES].tolist():
            passage = self._corpus.passages[passage_id]
            for token in self._tokenizer.tokens(passage.text, passage.language):
                if token.term != term:
                    continue
                word = passage.text[token.start : token.end]
                if word[-2:] in ("'s", "’s"):
                    word = word[:-2]
                if not word.isalpha():
                    continue
                key = (fold(word), passage.language)
                casings = counts.setdefault(key, {})
                casings[word] = casings.get(word, 0) + 1
        return {
            key: (sum(casings.values()), max(casings, key=lambda w: casings[w]))
            for key, casings in counts.items()
        }


def _is_a_word(word: str, languages: Sequence[str]) -> bool:
    """Is ``word`` a word of one of ``languages`` at large ("spaces", "office"), not a typo?
    A real word the corpus lacks is a word the corpus lacks, never another word misspelt."""
    return any(
        wordfreq.zipf_frequency(word, language) >= REAL_WORD_ZIPF
        for language in languages
        if language in ("en", "de")
    )


def corrected_question(question: str, corrections: Sequence[Correction]) -> str:
    """``question`` with each corrected word replaced, once, by its correction, as whole words:
    the question the corrections stand for, to search and to show ("Showing results for").

    A word typed in capitals stays in capitals ("WEIZHONG"): a shouted question must stay
    shouted, or its other words in capitals would be read as acronyms.
    """
    corrected = question
    for correction in corrections:
        written = correction.corrected
        if correction.original.isupper():
            written = written.upper()
        found = re.search(rf"(?<!\w){re.escape(correction.original)}(?!\w)", corrected)
        if found:
            corrected = corrected[: found.start()] + written + corrected[found.end() :]
    return corrected
