"""The select menu under an /official answer: what its id and options carry."""

from __future__ import annotations

import discord

from bot.buttons import CiteButton, PageButton, answer_view, is_ours
from bot.cards import Choice, Menu, Origin, checksum
from bot.cogs.official_answers import statements_answer
from bot.cogs.speech_answers import speech_answer
from bot.menus import AnswerMenu, menu_select
from tests.bot.invented_officials import QIAO, SPEECH_2025, SPEECH_2026

ASKER = 123456789012345678


def menu_of(view: discord.ui.View | None) -> AnswerMenu:
    assert view is not None
    [menu] = [item for item in view.children if isinstance(item, AnswerMenu)]
    return menu


def test_speech_menu_carries_asker_and_the_officials_checksum() -> None:
    """The speech menu's id names its kind, the asker and the official (by checksum of the name
    the title shows); its options are the speeches, by their documents' checksums."""
    answer = statements_answer(QIAO)
    menu = menu_of(answer_view(answer, 0, ASKER))
    assert menu.custom_id == f"lingnan:menu:speech:{ASKER}:{checksum('Qiao Lanfeng')}"
    assert is_ours(menu.custom_id) and len(menu.custom_id) <= 100
    assert [o.value for o in menu.item.options] == [
        checksum(SPEECH_2026.id),
        checksum(SPEECH_2025.id),
    ]
    assert menu.item.placeholder == "Sentences from their speech, by document"


def test_menu_is_under_every_page_of_the_statements() -> None:
    """Turning a page keeps the menu: every page's view holds it."""
    answer = statements_answer(QIAO)
    assert len(answer.pages) == 2
    assert all(menu_of(answer_view(answer, page, ASKER)) for page in range(2))


def test_official_menu_needs_no_key() -> None:
    """The menu of several officials names only the asker: its options name the officials."""
    menu = menu_select(
        Menu("official", "Open one of them", (Choice("Fang Yiqun", checksum("Fang Yiqun")),)),
        ASKER,
        None,
    )
    assert menu.custom_id == f"lingnan:menu:official:{ASKER}"
    assert is_ours(menu.custom_id)


def test_speech_pages_carry_their_document_in_page_and_cite_buttons() -> None:
    """A speech's ▶ and Cite carry the document's checksum after the name's, so they rebuild
    the same speech after a restart; ids without it (older answers) still match."""
    answer = speech_answer(QIAO, checksum(SPEECH_2026.id))
    assert answer is not None and answer.origin == Origin(
        "speech", "Qiao Lanfeng", checksum(SPEECH_2026.id)
    )
    view = answer_view(answer, 0, ASKER)
    assert view is not None
    following = next(i for i in view.children if isinstance(i, PageButton) and i.page == 1)
    cite = next(i for i in view.children if isinstance(i, CiteButton))
    key, document = checksum("Qiao Lanfeng"), checksum(SPEECH_2026.id)
    assert following.custom_id == f"lingnan:page:speech:{ASKER}:1:{key}:{document}:n"
    assert cite.custom_id == f"lingnan:cite:speech:0:{key}:{document}"
    assert all(is_ours(i.custom_id) for i in (following, cite))
    assert is_ours(f"lingnan:page:official:{ASKER}:1:{key}:n")
