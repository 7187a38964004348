"""Acronyms: found where the text writes them in capitals, and searched for spelled out.

A word of two to four capitals ("AI", "GDP") is an acronym: it matches where the text writes it
in capitals, not a name folding to the same term ("Ai Xuefeng"), and is also searched for
spelled out ("KI": "Künstliche Intelligenz", from ``retrieval/data/abbreviations.toml``).
"ROBOTICS AND AI" is shouted, not a string of acronyms.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from retrieval.index import BM25Index
from retrieval.models import Expansion
from retrieval.search.context import Context
from retrieval.search.known_terms import KnownTerms
from retrieval.search.lazy import Lazy
from retrieval.search.searchable import SearchableCorpus

if TYPE_CHECKING:
    from retrieval.search.query_words import ResolvedWord

# Acronyms with the words they stand for ("KI": "Künstliche Intelligenz"), searched for too.
ABBREVIATIONS_FILE = Path(__file__).parents[1] / "data" / "abbreviations.toml"
ACRONYM_MAX = 4
_ACRONYM = re.compile(rf"[A-Z]{{2,{ACRONYM_MAX}}}")


def read_abbreviations(path: Path = ABBREVIATIONS_FILE) -> dict[str, list[str]]:
    """Acronym -> the spellings it stands for, from the editable list (see the file)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        acronym: [str(s) for s in spellings]
        for acronym, spellings in data.get("abbreviations", {}).items()
        if isinstance(spellings, list)
    }


def is_shouted(question: str) -> bool:
    """Is ``question`` written all in capitals ("ROBOTICS AND AI"), rather than holding an
    acronym ("AI" alone)?"""
    return not any(c.islower() for c in question) and any(
        len(word) > ACRONYM_MAX for word in re.findall(r"[A-Z]+", question)
    )


def is_acronym(word: str) -> bool:
    """Is ``word`` two to four capitals?"""
    return _ACRONYM.fullmatch(word) is not None


# A run of Latin letters, as ``writes_acronym`` bounds an acronym.
_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])")


def writes_acronym(text: str, acronym: str) -> bool:
    """Does ``text`` write ``acronym`` in capitals as a word of its own ("AI-driven", "AI's",
    "AI技术"; not "Ai" nor "MAIN")?"""
    return re.search(rf"(?<![A-Za-z]){acronym}(?:s|'s|’s)?(?![A-Za-z])", text) is not None


class Acronyms:
    """Where a corpus writes acronyms in capitals, and the spellings they stand for."""

    def __init__(
        self,
        corpus: SearchableCorpus,
        index: BM25Index,
        context: Callable[[], Context],
        known: KnownTerms,
        abbreviations: dict[str, list[str]],
    ) -> None:
        self._corpus = corpus
        self._index = index
        self._context = context
        self._known = known
        self._abbreviations = abbreviations
        # Per acronym, filled an entry at a time; each entry is assigned once complete.
        self._passages: dict[tuple[str, str], np.ndarray] = {}
        # Every title's words in capitals, read once: a new acronym in a question is a look-up,
        # not a scan of every title.
        self._titles = Lazy(self._title_acronyms)

    def warm_up(self) -> None:
        """Read the titles' capitals now, not on the first acronym a question holds (a quarter
        of a second at 26,000 documents)."""
        self._titles.get()

    def writes_anywhere(self, acronym: str, term: str) -> bool:
        """Does a passage or a title write ``term`` as the capitals ``acronym``?"""
        return len(self.passages_writing(acronym, term)) > 0 or bool(self.titles_writing(acronym))

    def passages_writing(self, acronym: str, term: str) -> np.ndarray:
        """The passages holding ``term`` that write it as the capitals ``acronym``."""
        key = (acronym, term)
        found = self._passages.get(key)
        if found is None:
            passages = self._corpus.passages
            found = np.asarray(
                [
                    i
                    for i in self._index.postings(term).tolist()
                    if writes_acronym(passages[i].text, acronym)
                ],
                dtype=np.int64,
            )
            self._passages[key] = found
        return found

    def titles_writing(self, acronym: str) -> list[str]:
        """The documents whose title writes ``acronym`` in capitals (as ``writes_acronym``)."""
        return self._titles.get().get(acronym, [])

    def _title_acronyms(self) -> dict[str, list[str]]:
        """Each word a title writes in capitals ("AI" of "AI-driven", "AI's", "AIs") -> the
        documents whose title writes it, in document order."""
        found: dict[str, list[str]] = {}
        for doc in self._context().document_ids:
            words = set()
            for word in _LATIN_WORD.findall(self._corpus.document(doc).info.title):
                if word.isupper():
                    words.add(word)
                elif word.endswith("s") and len(word) > 2 and word[:-1].isupper():
                    words.add(word[:-1])
            for word in words:
                found.setdefault(word, []).append(doc)
        return found

    def spelled_out(
        self, words: Sequence[ResolvedWord], naming: Collection[int]
    ) -> tuple[dict[int, list[tuple[str, ...]]], list[Expansion]]:
        """For each acronym of the question the abbreviations list knows ("KI"), the terms of
        each of its spellings the corpus holds ("künstlich", "intelligenz"); and the
        expansions to report. An acronym that names someone is not spelled out."""
        spelled_out: dict[int, list[tuple[str, ...]]] = {}
        expansions: list[Expansion] = []
        for position, word in enumerate(words):
            if not word.acronym or word.weight <= 0 or position in naming:
                continue
            written: list[str] = []
            for spelling in self._abbreviations.get(word.query.surface, ()):
                terms = self._known.phrase(spelling)
                if terms is not None and terms != (word.term,):
                    spelled_out.setdefault(position, []).append(terms)
                    written.append(spelling)
            if written:
                expansions.append(Expansion(original=word.query.surface, added=written))
        return spelled_out, expansions

    def narrow(
        self,
        words: Sequence[ResolvedWord],
        naming: Collection[int],
        ids: np.ndarray,
        scores: np.ndarray,
        context: Context,
    ) -> tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]]]:
        """``scores`` without the BM25 of each acronym's term in the passages that write it
        other than in capitals ("Ai Xuefeng" for "AI"); and, by term, for each passage of
        ``ids``, whether its context has it so written and whether the next paragraph of a
        short one does (``Context.marks``)."""
        found: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
        for position, word in enumerate(words):
            if word.acronym and word.term is not None and position not in naming:
                acronym, term = word.query.surface, word.term
                written = self.passages_writing(acronym, term)
                term_ids, term_scores = self._index.matches([term])
                # Only candidates lose a score: a filter may have left the others out.
                other = ~np.isin(term_ids, written) & np.isin(term_ids, ids)
                scores = scores.copy()
                scores[np.searchsorted(ids, term_ids[other])] -= term_scores[other]
                found[term] = (written, context.document_numbers(self.titles_writing(acronym)))
        return scores, context.marks(found, ids)
