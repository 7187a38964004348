"""Word pairs of aligned passages: words found together on the two sides, each the other's one
best association, as candidate translations."""

from __future__ import annotations

import pytest

from retrieval.aligned_terms import AlignedText, aligned_terms
from retrieval.tokenize import Tokenizer

STEPS = (
    ("Der Hafen wächst schnell.", "The port grows fast."),
    ("Der Hafen baut neue Kais.", "The port builds new quays."),
    ("Der Hafen investiert viel Geld.", "The port invests much money."),
    ("Die Stadt wächst.", "The city grows."),
)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def steps(*pairs: tuple[str, str]) -> list[AlignedText]:
    return [AlignedText("de", german, "en", english) for german, english in pairs]


def test_words_found_together_in_several_steps_are_paired(tokenizer: Tokenizer) -> None:
    """ "Hafen" and "port", "wächst" and "grows" keep turning up together: they are paired,
    as written, with their Dice coefficient."""
    found = {(t.word, t.other): t for t in aligned_terms(steps(*STEPS), tokenizer, 2, 0.5)}
    assert found["hafen", "port"].dice == 1.0
    assert found["hafen", "port"].together == 3
    assert ("wächst", "grows") in found


def test_words_found_together_once_are_not_paired(tokenizer: Tokenizer) -> None:
    """ "Stadt" and "city" share one step only: as likely a coincidence as a translation."""
    found = {(t.word, t.other) for t in aligned_terms(steps(*STEPS), tokenizer, 2, 0.5)}
    assert ("stadt", "city") not in found


def test_words_of_one_repeated_step_tie_and_pair_nothing(tokenizer: Tokenizer) -> None:
    """When every word of a step is associated alike with every other, none is paired."""
    repeated = steps(("Neue Kais.", "New quays."), ("Neue Kais.", "New quays."))
    assert aligned_terms(repeated, tokenizer, 2, 0.5) == []
