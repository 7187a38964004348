"""Sending an `Answer` to Discord: first page as an embed, page buttons when there are more.

Every send passes `allowed_mentions=none`, on top of the client-wide default: a quote or an echoed
question can never ping anyone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.formatting import MESSAGE_LIMIT, Answer, to_embed
from bot.markdown import clip
from bot.views import NO_MENTIONS, Paginator, paginator_for

log = logging.getLogger(__name__)


def _first_page(answer: Answer, asker_id: int) -> tuple[dict[str, Any], Paginator | None]:
    """What every answer sends: its first page, no pings, and page buttons for the asker."""
    view = paginator_for(answer.pages, asker_id)
    options: dict[str, Any] = {"embed": to_embed(answer.pages[0]), "allowed_mentions": NO_MENTIONS}
    if view is not None:
        options["view"] = view
    return options, view


async def send_answer(interaction: discord.Interaction[Any], answer: Answer) -> None:
    """Answer an interaction: as its first response, or as a follow-up once deferred."""
    options, view = _first_page(answer, interaction.user.id)
    options["ephemeral"] = answer.ephemeral
    try:
        if interaction.response.is_done():
            message = await interaction.followup.send(wait=True, **options)
            if view is not None:
                view.message = message
        else:
            await interaction.response.send_message(**options)
            if view is not None:
                view.interaction = interaction
    except BaseException:
        if view is not None:
            view.stop()  # never shown: its buttons must not stay registered as live
        raise


async def defer_then_answer(
    interaction: discord.Interaction[Any],
    build: Callable[..., Answer],
    *args: Any,
    ephemeral: bool = False,
) -> None:
    """Defer at once (Discord's 3 seconds), run `build(*args)` in a worker thread (retrieval
    blocks), then send its answer."""
    await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    answer = await asyncio.to_thread(build, *args)
    await send_answer(interaction, answer)


async def send_sentence(interaction: discord.Interaction[Any], sentence: str) -> None:
    """One private sentence (errors, refusals), whether or not the interaction was deferred."""
    sentence = clip(sentence, MESSAGE_LIMIT)
    try:
        if interaction.response.is_done():
            deferred = discord.InteractionResponseType.deferred_channel_message
            if interaction.response.type is deferred:
                # The first follow-up would fill the public "thinking…" message, ephemeral or not.
                await interaction.delete_original_response()
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
    options, view = _first_page(answer, message.author.id)
    try:
        sent = await message.reply(mention_author=False, **options)
    except BaseException:
        if view is not None:
            view.stop()  # never shown: its buttons must not stay registered as live
        raise
    if view is not None:
        view.message = sent
    return sent


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
