"""An answer's pages built when first read (RoboDanny's page source): Discord shows one page of
an answer at a time, and a page button builds the answer again, so the other pages' cards of an
/ask answer (four of five) were formatted for nothing: about a tenth of building an answer on
the dev corpus (3.19 -> 2.90-2.98 ms).

Reads from several threads build a page at most twice, never half: a card is assigned whole.
A page source is equal only to itself (hashing or comparing an `Answer` formats nothing), and it
keeps what its pages are built from (the results, the library's quote facts) until it is
dropped: an answer is sent and let go, never kept across a reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from bot.cards import Card


class PageSource(Sequence[Card]):
    """`count` pages, page `n` built by `build(n)` on its first read, then kept."""

    def __init__(self, count: int, build: Callable[[int], Card]) -> None:
        if count < 1:
            raise ValueError("an answer has at least one page")
        self._build = build
        self._cards: list[Card | None] = [None] * count

    def __len__(self) -> int:
        return len(self._cards)

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Card]: ...

    def __getitem__(self, index: int | slice) -> Card | Sequence[Card]:
        if isinstance(index, slice):
            return tuple(self[n] for n in range(len(self))[index])
        number = range(len(self))[index]  # an IndexError past the last, as a tuple's
        card = self._cards[number]
        if card is None:
            card = self._cards[number] = self._build(number)
        return card

    def __iter__(self) -> Iterator[Card]:
        return (self[n] for n in range(len(self)))

    # Equal only to itself (object's __eq__ and __hash__): comparing by cards would build them.

    @property
    def built(self) -> frozenset[int]:
        """The numbers (from 0) of the pages built so far."""
        return frozenset(n for n, card in enumerate(self._cards) if card is not None)

    def __repr__(self) -> str:
        return f"PageSource({len(self)} pages, built {sorted(self.built)})"
