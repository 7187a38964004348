"""The paginator: asker-only buttons, page turns, buttons removed on timeout."""

from __future__ import annotations

from types import SimpleNamespace
from typing import NoReturn

import discord
import pytest

from bot import formatting
from bot.formatting import Card
from bot.replies import send_answer
from bot.views import Paginator, paginator_for
from tests.bot.fakes import FakeInteraction, FakeMessage, as_interaction

PAGES = [Card(title=f"Page {n}", description=f"quote {n}") for n in range(1, 4)]
ASKER = 111
SOMEONE_ELSE = 222


async def test_someone_else_cannot_turn_pages() -> None:
    """Another user's press is refused with one polite private sentence."""
    view = Paginator(PAGES, owner_id=ASKER)
    interaction = FakeInteraction(client=None, user_id=SOMEONE_ELSE)
    assert await view.interaction_check(as_interaction(interaction)) is False
    [reply] = interaction.calls
    assert reply.name == "send_message"
    assert reply.content == formatting.NOT_YOURS_MESSAGE
    assert reply.options["ephemeral"] is True
    assert view.page == 0


async def test_the_asker_may_press() -> None:
    """The asker passes the check, and nothing is sent for the check itself."""
    view = Paginator(PAGES, owner_id=ASKER)
    interaction = FakeInteraction(client=None, user_id=ASKER)
    assert await view.interaction_check(as_interaction(interaction)) is True
    assert interaction.calls == []


async def test_next_and_previous_turn_the_page() -> None:
    """Next shows page 2 in the same message; previous goes back; the indicator follows."""
    view = Paginator(PAGES, owner_id=ASKER)
    press = FakeInteraction(client=None, user_id=ASKER)
    await view.next_page.callback(as_interaction(press))
    [edit] = press.calls
    assert edit.name == "edit_message"
    assert edit.embed.title == "Page 2"
    assert view.indicator.label == "2 / 3"
    assert not view.previous_page.disabled and not view.next_page.disabled
    back = FakeInteraction(client=None, user_id=ASKER)
    await view.previous_page.callback(as_interaction(back))
    assert back.calls[0].embed.title == "Page 1"
    assert view.previous_page.disabled


async def test_last_page_disables_next() -> None:
    """On the last page the next button is disabled."""
    view = Paginator(PAGES, owner_id=ASKER)
    for _ in range(2):
        await view.next_page.callback(as_interaction(FakeInteraction(client=None, user_id=ASKER)))
    assert view.next_page.disabled
    assert view.indicator.label == "3 / 3"


async def test_timeout_removes_the_buttons_from_the_message() -> None:
    """On timeout the message is edited with view=None."""
    view = Paginator(PAGES, owner_id=ASKER)
    message = FakeMessage()
    view.message = message  # type: ignore[assignment]
    await view.on_timeout()
    [edit] = message.edits
    assert edit["view"] is None


async def test_timeout_edits_the_original_response_when_no_message() -> None:
    """A first-response page set is tidied through the interaction instead."""
    view = Paginator(PAGES, owner_id=ASKER)
    interaction = FakeInteraction(client=None, user_id=ASKER)
    view.interaction = interaction  # type: ignore[assignment]
    await view.on_timeout()
    assert interaction.original_edits[0]["view"] is None


async def test_single_page_gets_no_buttons() -> None:
    """One page needs no paginator."""
    assert paginator_for(PAGES[:1], ASKER) is None
    assert isinstance(paginator_for(PAGES, ASKER), Paginator)


async def test_live_buttons_are_known_until_timeout() -> None:
    """A paginator's button ids are live until it times out; others never are."""
    view = Paginator(PAGES, owner_id=ASKER)
    custom_id = view.next_page.custom_id
    assert custom_id is not None and Paginator.is_live(custom_id)
    assert not Paginator.is_live("lingnan:page:0123:next")
    assert not Paginator.is_live("something-else")
    await view.on_timeout()
    assert not Paginator.is_live(custom_id)


async def test_stale_button_gets_one_private_sentence() -> None:
    """A press on a button with no paginator behind it is answered, privately, in one sentence."""
    import discord

    from bot.client import create_bot
    from bot.settings import Settings
    from tests.bot.fixtures import FakeLibrary, as_library

    bot = create_bot(Settings(_env_file=None), as_library(FakeLibrary()))
    try:
        stale = FakeInteraction(client=bot, user_id=ASKER)
        stale.type = discord.InteractionType.component  # type: ignore[attr-defined]
        stale.data = {"custom_id": "lingnan:page:gone:next", "component_type": 2}  # type: ignore[attr-defined]
        await bot.on_interaction(as_interaction(stale))
        [reply] = stale.calls
        assert reply.content == formatting.EXPIRED_BUTTONS_MESSAGE
        assert reply.options["ephemeral"] is True

        live = Paginator(PAGES, owner_id=ASKER)
        pressed = FakeInteraction(client=bot, user_id=ASKER)
        pressed.type = discord.InteractionType.component  # type: ignore[attr-defined]
        pressed.data = {"custom_id": live.next_page.custom_id}  # type: ignore[attr-defined]
        await bot.on_interaction(as_interaction(pressed))
        assert pressed.calls == []  # the paginator answers its own buttons
    finally:
        await bot.close()


async def test_answer_that_fails_to_send_leaves_no_live_buttons() -> None:
    """When Discord refuses an answer, its paginator is not left registered as live."""
    interaction = FakeInteraction(client=None, user_id=ASKER)
    await interaction.response.defer(thinking=True)

    async def refuse(*_: object, **__: object) -> NoReturn:
        raise discord.HTTPException(SimpleNamespace(status=500, reason="boom"), "boom")

    interaction.followup.send = refuse  # type: ignore[method-assign]
    live_before = set(Paginator._live)
    with pytest.raises(discord.HTTPException):
        await send_answer(as_interaction(interaction), formatting.Answer(tuple(PAGES)))
    assert Paginator._live == live_before
