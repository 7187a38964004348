"""Short ways to ask a searcher and read what it answered."""

from __future__ import annotations

from retrieval.search import NameMention, Searcher


def texts(searcher: Searcher, query: str, names: tuple[NameMention, ...] = ()) -> list[str]:
    """The texts of the passages ``searcher`` returns for ``query``, best first."""
    return [r.text for r in searcher.search(query, names=names).results]


def corrected(searcher: Searcher, query: str) -> list[str]:
    """The corrections made to ``query``, as the corpus writes them."""
    return [c.corrected for c in searcher.search(query).corrections]


def top_text(searcher: Searcher, query: str) -> str:
    """The text of the best passage for ``query``; fails when there is none."""
    response = searcher.search(query)
    assert response.results, f"no result for {query!r}"
    return response.results[0].text
