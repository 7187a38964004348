"""The index terms a question's words stand for: those of the index, then those of titles.

A word only a title has (the speaker of a speech) is known, not evidence against the corpus: it
scores nothing, but counts as present in that document's passages (see ``context``).
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.index import BM25Index
from retrieval.tokenize import QueryTerm, Tokenizer


class KnownTerms:
    """Looks up the words of questions and of the phrases searched besides them."""

    def __init__(
        self, index: BM25Index, tokenizer: Tokenizer, title_terms: Callable[[], frozenset[str]]
    ) -> None:
        self._index = index
        self._tokenizer = tokenizer
        self._title_terms = title_terms  # every title's terms, built on first need

    def term(self, qterm: QueryTerm) -> str | None:
        """The first candidate of ``qterm`` the index, or failing that a title, knows."""
        term = next((c for c in qterm.candidates if c in self._index), None)
        if term is None:
            titles = self._title_terms()
            term = next((c for c in qterm.candidates if c in titles), None)
        return term

    def phrase(self, text: str) -> tuple[str, ...] | None:
        """The terms of a phrase searched besides the question's words (a name's other
        spelling, an acronym spelled out), each once; None unless the corpus knows them all:
        a spelling it never writes is not searched for."""
        qterms = [q for q in self._tokenizer.query_terms(text) if not q.stopword and not q.optional]
        found = [self.term(q) for q in qterms]
        if not found or None in found:
            return None
        return tuple(dict.fromkeys(t for t in found if t is not None))
