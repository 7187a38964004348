"""What /reload answers its owner: the new corpus's counts and any warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import texts
from bot.answer_parts import inline, lines_within, plural
from bot.cards import Answer, Card, Field, fit_card

if TYPE_CHECKING:
    from retrieval.library import LibraryStats


def serving_sentence(stats: LibraryStats) -> str:
    """ "Now serving 5 documents, 144 passages and 12 officials." """
    return texts.now_serving(
        plural(stats.documents, "document"),
        plural(stats.passages, "passage"),
        plural(stats.officials, "official"),
    )


def reload_answer(stats: LibraryStats, warnings: Sequence[str], seconds: float) -> Answer:
    """The owner's report after /reload: the new counts and any corpus warnings."""
    description = f"{serving_sentence(stats)} Loaded in {seconds:.2f} s."
    fields: tuple[Field, ...] = ()
    if warnings:
        lines = [f"• {inline(w)}" for w in warnings]
        fields = (Field(plural(len(warnings), "warning"), lines_within(lines, 1000)),)
    card = Card(title=texts.RELOADED_TITLE, description=description, fields=fields)
    return Answer((fit_card(card),), ephemeral=True)
