"""Three hand-made corpora the searcher's tests ask questions of, each built once per run."""

from __future__ import annotations

import pytest

from retrieval.search import Searcher
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.corpora import (
    SPEECH_TITLES,
    SPEECHES,
    TEXTS,
    TITLES,
    WEAK_SPOT_TITLES,
    WEAK_SPOTS,
)


@pytest.fixture(scope="session")
def searcher() -> Searcher:
    """Figures, English, German and Chinese passages, a speech titled with its speaker."""
    rows = [
        (f"doc-{kind}", number + 1, "en" if kind == "speech" else kind, text)
        for number, (kind, text) in enumerate(TEXTS)
    ]
    return handmade_searcher(rows, TITLES)


@pytest.fixture(scope="session")
def speeches() -> Searcher:
    """Paragraphs that name their speaker once, and names written in two scripts."""
    return handmade_searcher(SPEECHES, SPEECH_TITLES)


@pytest.fixture(scope="session")
def weak_spots() -> Searcher:
    """A person beside a subject, "AI" beside "Ai Lin", lone digits, a title passage."""
    return handmade_searcher(WEAK_SPOTS, WEAK_SPOT_TITLES)
