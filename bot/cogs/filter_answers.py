"""What an /ask answer says of its filters: the filters it used, and when they left nothing,
that they did and how many quotes there are without them."""

from __future__ import annotations

from bot import filter_texts as texts
from bot.answer_parts import inline
from bot.cards import EMPTY_COLOUR, Answer, Card, fit_card
from bot.filter_texts import describe_filters
from bot.markdown import clip
from bot.texts import EXPIRED_BUTTONS_MESSAGE
from retrieval.models import SearchResponse


def filters_line(response: SearchResponse, language: str | None = None) -> str:
    """The subtext line naming the answer's filters; empty without filters."""
    if response.filters is None:
        return ""
    described = describe_filters(response.filters, language)
    return "-# " + texts.filters_note(described, response.undated_left_out, language)


def filtered_nothing_answer(
    question: str, response: SearchResponse, language: str | None = None
) -> Answer:
    """Filters that leave no quote: which filters, and how many quotes the question has
    without them; for the asker only, as any nothing-found answer."""
    assert response.filters is not None
    described = describe_filters(response.filters, language)
    lines = [
        texts.filtered_nothing_sentence(
            clip(inline(question), 200), described, response.filtered_documents or 0, language
        ),
        texts.without_filters_sentence(response.without_filters or 0, language),
    ]
    if response.undated_left_out:
        lines.append(filters_line(response, language))
    card = Card(texts.FILTERED_NOTHING_TITLE(language), "\n".join(lines), colour=EMPTY_COLOUR)
    return Answer((fit_card(card),), ephemeral=True, found=False)


def filters_gone_answer(language: str | None = None) -> Answer:
    """Under an answer whose source filter the corpus no longer has: the buttons expired."""
    card = Card(
        texts.FILTERED_NOTHING_TITLE(language),
        EXPIRED_BUTTONS_MESSAGE(language),
        colour=EMPTY_COLOUR,
    )
    return Answer((fit_card(card),), ephemeral=True, found=False)
