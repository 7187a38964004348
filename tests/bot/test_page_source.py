"""Pages built when first read: only the page shown is formatted."""

from __future__ import annotations

import pytest

from bot.cards import Card
from bot.page_source import PageSource


def _source(count: int, built: list[int]) -> PageSource:
    def build(number: int) -> Card:
        built.append(number)
        return Card(title=f"page {number + 1}", description="…")

    return PageSource(count, build)


def test_a_page_is_built_on_its_first_read_only() -> None:
    """Reading page 2 builds page 2; reading it again builds nothing."""
    built: list[int] = []
    pages = _source(5, built)
    assert len(pages) == 5 and built == []
    assert pages[1].title == "page 2" and pages[1] is pages[1]
    assert built == [1] and pages.built == {1}


def test_it_reads_as_the_tuple_of_its_cards() -> None:
    """Negative indexes, slices and iteration work as on a tuple of the cards."""
    pages = _source(3, [])
    cards = tuple(Card(title=f"page {n}", description="…") for n in (1, 2, 3))
    assert tuple(pages) == cards
    assert pages[-1] == cards[-1] and pages[1:] == cards[1:]
    with pytest.raises(IndexError):
        _ = pages[3]


def test_comparing_or_hashing_builds_nothing() -> None:
    """An answer holding a page source can be compared and hashed without formatting a page:
    a page source is equal only to itself."""
    built: list[int] = []
    pages, twin = _source(3, built), _source(3, built)
    assert pages == pages and pages != twin and hash(pages) == hash(pages)
    assert built == []


def test_an_answer_has_at_least_one_page() -> None:
    """No pages is refused, as an Answer refuses an empty tuple."""
    with pytest.raises(ValueError):
        PageSource(0, lambda n: Card(title="", description=""))
