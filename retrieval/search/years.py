"""A year the question names must be the passage's year.

"How many foreign buyers attended the Canton Fair in 2019?" is not answered by the 2024 fair's
figures, however well its other words match: a year narrows a question as a name does. A
passage answers a question naming a year when its context (paragraph or title) writes that
year, or its document is dated that year or the next (a report looks back on the year before:
"last year" in January 2024 is 2023), or its document has no date to tell. The same date
counts as the passage's context holding the year, for the floor and the ranking alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from retrieval.search.query_words import ResolvedWord
from retrieval.search.searchable import SearchableCorpus

_YEAR = re.compile(r"((?:19|20)\d\d)年?")


def question_years(words: Sequence[ResolvedWord]) -> list[tuple[int, str | None]]:
    """The years the question names, each with its index term (None: the corpus lacks it)."""
    return [(year, words[i].term) for i, year in year_positions(words).items()]


def year_positions(words: Sequence[ResolvedWord]) -> dict[int, int]:
    """The position of each word of weight that is a year, with the year."""
    found = {}
    for position, word in enumerate(words):
        match = _YEAR.fullmatch(word.query.surface)
        if match and word.weight > 0:
            found[position] = int(match.group(1))
    return found


class DocumentYears:
    """The year of each passage's document (0: undated)."""

    def __init__(self, year_of: np.ndarray) -> None:
        self._year_of = year_of

    @classmethod
    def of(cls, corpus: SearchableCorpus) -> DocumentYears:
        years: dict[str, int] = {}
        for passage in corpus.passages:
            if passage.document_id not in years:
                date = corpus.document(passage.document_id).info.date or ""
                years[passage.document_id] = int(date[:4]) if date[:4].isdigit() else 0
        return cls(
            np.fromiter((years[p.document_id] for p in corpus.passages), np.int64)
            if corpus.passages
            else np.zeros(0, dtype=np.int64)
        )

    def dated(self, year: int, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is its document dated ``year`` or the year after (a
        report on that year)? Its document's date is part of a passage's context."""
        dated = self._year_of[ids]
        return (dated == year) | (dated == year + 1)

    def allow(
        self,
        years: Sequence[tuple[int, str | None]],
        present: Mapping[str, np.ndarray],
        ids: np.ndarray,
    ) -> np.ndarray:
        """For each passage of ``ids``: does it answer for every year of ``years``?"""
        allowed = np.ones(len(ids), dtype=bool)
        dated = self._year_of[ids]
        for year, term in years:
            fits = (dated == 0) | (dated == year) | (dated == year + 1)
            if term is not None and term in present:
                fits |= present[term]
            allowed &= fits
        return allowed
