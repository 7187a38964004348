"""What /reload answers its owner: the new corpus's counts and any warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import owner_texts as texts
from bot.answer_parts import inline, lines_within
from bot.cards import Answer, Card, Field, fit_card

if TYPE_CHECKING:
    from retrieval.library import LibraryStats


def serving_sentence(stats: LibraryStats, language: str | None = None) -> str:
    """ "Now serving 5 documents, 144 passages and 12 officials." """
    return texts.now_serving(stats.documents, stats.passages, stats.officials, language)


def reload_answer(
    stats: LibraryStats, warnings: Sequence[str], seconds: float, language: str | None = None
) -> Answer:
    """The owner's report after /reload, in `language`: the new counts and any corpus warnings
    (retrieval's words)."""
    description = f"{serving_sentence(stats, language)} {texts.loaded_in(seconds, language)}"
    fields: tuple[Field, ...] = ()
    if warnings:
        lines = [f"• {inline(w)}" for w in warnings]
        heading = texts.WARNING_COUNT(language, count=len(warnings))
        fields = (Field(heading, lines_within(lines, 1000, language)),)
    card = Card(title=texts.RELOADED_TITLE(language), description=description, fields=fields)
    return Answer((fit_card(card),), ephemeral=True)
