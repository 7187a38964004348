"""The buttons under an answer: what they carry, and what Cite sends."""

from __future__ import annotations

import discord

from bot import texts
from bot.buttons import (
    CiteButton,
    PageButton,
    answer_view,
    argument_shown,
    checksum,
    citation_message,
    is_ours,
)
from bot.cards import MESSAGE_LIMIT, Answer, Card, Origin
from bot.feedback import VoteButton
from tests.bot.fixtures import robotics_response
from tests.bot.limits import ask

ASKER = 123456789012345678


def two_page_answer() -> Answer:
    return ask("robotics", robotics_response(), per_page=2)


async def test_paged_answer_gets_previous_indicator_next_cite_and_source() -> None:
    """A paged answer's first page: ◀ (disabled), 1 / 2, ▶, Cite, the source's link, then
    Helpful and Not helpful."""
    view = answer_view(two_page_answer(), 0, ASKER)
    assert view is not None and view.is_finished()  # nothing kept per message
    labels = [
        item.item.label if isinstance(item, discord.ui.DynamicItem) else item.label
        for item in view.children
        if isinstance(item, (discord.ui.DynamicItem, discord.ui.Button))
    ]
    assert labels[:4] == ["\u25c0", "1 / 2", "\u25b6", "Cite"]
    previous, _, following, cite, source, helpful, not_helpful = view.children
    assert isinstance(previous, PageButton) and previous.item.disabled
    assert isinstance(following, PageButton) and not following.item.disabled
    assert isinstance(cite, CiteButton)
    assert isinstance(source, discord.ui.Button) and source.url is not None
    assert isinstance(helpful, VoteButton) and helpful.helpful
    assert isinstance(not_helpful, VoteButton) and not not_helpful.helpful


def test_page_buttons_carry_command_asker_page_and_checksum() -> None:
    """A page button's custom_id holds all it needs to rebuild its page after a restart."""
    view = answer_view(two_page_answer(), 0, ASKER)
    assert view is not None
    following = view.children[2]
    assert isinstance(following, PageButton)
    key = checksum("robotics")
    assert following.custom_id == f"lingnan:page:ask:{ASKER}:1:{key}:n"
    assert len(following.custom_id) <= 100
    assert is_ours(following.custom_id)
    assert not is_ours("lingnan:page:0123abcd:next")  # a button of the old paginator


def test_one_page_without_citation_or_address_has_no_buttons() -> None:
    """An answer of one page that cites nothing and links nowhere gets no view at all."""
    answer = Answer((Card("t", "d"),), origin=Origin("sources"))
    assert answer_view(answer, 0, ASKER) is None


def test_the_question_is_read_back_from_the_title() -> None:
    """The title shows the question escaped; read back, it is the question again."""
    question = "What did *Wang* say about R&D_2 (5G)?"
    card = ask(question, robotics_response()).pages[0]
    shown = argument_shown("ask", card.title)
    assert shown == question and checksum(shown) == checksum(question)
    assert argument_shown("sources", "Sources (5 documents)") == ""


def test_cite_sends_the_page_citations_in_a_code_block() -> None:
    """Cite's message is the page's full citations between code fences, within 2000 chars."""
    card = two_page_answer().pages[0]
    message = citation_message(card)
    assert message.startswith(texts.CITE_HEADING() + "\n```\n[1] ")
    assert message.endswith("\n```") and len(message) <= MESSAGE_LIMIT
    huge = Card("t", citation="x " * 5000)
    assert len(citation_message(huge)) <= MESSAGE_LIMIT
    assert citation_message(Card("t")) == texts.NO_CITATION_MESSAGE()


def test_a_question_of_the_longest_kind_is_read_back_whole() -> None:
    """A 300-character question, cut to fit the title, is read back whole (from the footer)."""
    question = ("How will the province support robotics and artificial intelligence? " * 5)[:300]
    question = question.strip()
    assert len(question) >= 295
    card = ask(question, robotics_response(question)).pages[0]
    assert card.title.endswith("\u2026\u201d")
    assert argument_shown("ask", card.title, card.footer) == question


def test_a_question_of_underscores_is_read_back_whole() -> None:
    """Underscores, each escaped in the title, cannot push the question out of its reach."""
    question = "What about " + "_x" * 140 + "?"
    card = ask(question, robotics_response(question)).pages[0]
    assert argument_shown("ask", card.title, card.footer) == question


def test_a_short_question_is_not_repeated_in_the_footer() -> None:
    """A question the title gives back exactly is not shown again under the answer."""
    card = ask("robotics", robotics_response()).pages[0]
    assert card.footer is not None and "\n" not in card.footer
