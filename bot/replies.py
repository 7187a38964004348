"""Sending an `Answer` to Discord: its first page as an embed, with its buttons.

Every send passes `allowed_mentions=none`, on top of the client-wide default: a quote or an echoed
question can never ping anyone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.answer_pool import build_answer
from bot.buttons import NO_MENTIONS, answer_view
from bot.cards import MESSAGE_LIMIT, Answer, to_embed
from bot.markdown import clip

log = logging.getLogger(__name__)


def _first_page(answer: Answer, asker_id: int) -> dict[str, Any]:
    """What every answer sends: its first page, no pings, and its buttons."""
    options: dict[str, Any] = {"embed": to_embed(answer.pages[0]), "allowed_mentions": NO_MENTIONS}
    view = answer_view(answer, 0, asker_id)
    if view is not None:
        options["view"] = view
    return options


async def _drop_thinking(interaction: discord.Interaction[Any]) -> None:
    """Remove the "thinking…" message of a deferral: the first follow-up would fill it, and keep
    its visibility (public), whether the follow-up asks to be private or not."""
    if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
        await interaction.delete_original_response()


async def send_answer(
    interaction: discord.Interaction[Any], answer: Answer, *, deferred_privately: bool = False
) -> discord.Message | None:
    """Answer an interaction: as its first response, or as a follow-up once deferred. A private
    answer to a public deferral replaces the public "thinking…" message with a private one.
    Returns the message sent when Discord says which it is (a follow-up)."""
    options = _first_page(answer, interaction.user.id)
    options["ephemeral"] = answer.ephemeral
    if interaction.response.is_done():
        if answer.ephemeral and not deferred_privately:
            await _drop_thinking(interaction)
        return await interaction.followup.send(wait=True, **options)
    await interaction.response.send_message(**options)
    return None


async def defer_then_answer(
    interaction: discord.Interaction[Any],
    build: Callable[..., Answer],
    *args: Any,
    ephemeral: bool = False,
    **keywords: Any,
) -> tuple[Answer, discord.Message | None]:
    """Defer at once (Discord's 3 seconds), run `build(*args, **keywords)` in the bot's answer
    pool (retrieval blocks), then send its answer; the answer and the message that shows it."""
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    answer = await build_answer(interaction.client, build, *args, **keywords)
    message = await send_answer(interaction, answer, deferred_privately=ephemeral)
    return answer, message


async def send_sentence(interaction: discord.Interaction[Any], sentence: str) -> None:
    """One private sentence (errors, refusals), whether or not the interaction was deferred."""
    sentence = clip(sentence, MESSAGE_LIMIT)
    try:
        if interaction.response.is_done():
            await _drop_thinking(interaction)
            await interaction.followup.send(sentence, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                sentence, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException as error:
        # The interaction expired or the channel is gone: the log is all that is left.
        log.warning("could not tell the user %r: %s", sentence, error)


async def reply_answer(message: discord.Message, answer: Answer) -> discord.Message:
    """Answer a message that mentioned the bot, as a reply that pings no one."""
    return await message.reply(mention_author=False, **_first_page(answer, message.author.id))


async def reply_sentence(
    message: discord.Message, sentence: str, *, delete_after: float | None = None
) -> None:
    """A one-sentence reply to a message (messages cannot be answered privately)."""
    sentence = clip(sentence, MESSAGE_LIMIT)
    try:
        await message.reply(
            sentence,
            allowed_mentions=NO_MENTIONS,
            mention_author=False,
            # discord.py's overloads say float, but its implementation takes None (keep it).
            delete_after=delete_after,  # type: ignore[arg-type]
        )
    except discord.HTTPException as error:
        log.warning("could not reply %r to message %s: %s", sentence, message.id, error)
