"""Helpful / Not helpful under every found /ask answer and mention reply, and a comment form.

The buttons are `DynamicItem`s, registered at start like the page buttons: a vote button's id
says only which way it votes and which page it is on, and the vote is stored against the message
it was pressed under, so the buttons of any earlier answer work after a restart. Any reader may
vote, once per answer; pressing again changes the vote. The vote's private thanks carries an
"Add a comment" button that opens a form; the form is answered from its id too (never kept in
memory), so a comment sent after a restart is still stored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import discord

from bot import records_texts as texts
from bot.storage.recorder import Recorder
from bot.translations import language_of_locale
from bot.user_text import clean_user_text

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
COMMENT_FORM_ID = re.compile(r"lingnan:comment-form:(?P<message>\d+)")
COMMENT_FIELD_ID = "comment"


@runtime_checkable
class RecorderHost(Protocol):
    """What the feedback buttons need of the client: where votes go (None: not connected)."""

    @property
    def recorder(self) -> Recorder | None: ...


def _recorder(interaction: discord.Interaction[Any]) -> Recorder | None:
    client = interaction.client
    return client.recorder if isinstance(client, RecorderHost) else None


async def _say(interaction: discord.Interaction[Any], sentence: str, **options: Any) -> None:
    await interaction.response.send_message(
        sentence, ephemeral=True, allowed_mentions=NO_MENTIONS, **options
    )


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"lingnan:vote:(?P<way>[yn]):(?P<page>\d+)",
):
    """Helpful (y) or Not helpful (n), pressed on page `page` of an answer."""

    def __init__(self, helpful: bool, page: int, language: str | None = None) -> None:
        self.helpful = helpful
        self.page = page
        label = texts.HELPFUL_LABEL if helpful else texts.NOT_HELPFUL_LABEL
        super().__init__(
            discord.ui.Button(
                label=label(language),
                emoji=texts.HELPFUL_EMOJI if helpful else texts.NOT_HELPFUL_EMOJI,
                style=discord.ButtonStyle.secondary,
                custom_id=f"lingnan:vote:{'y' if helpful else 'n'}:{page}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> VoteButton:
        return cls(match["way"] == "y", int(match["page"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        recorder = _recorder(interaction)
        message = interaction.message
        language = language_of_locale(interaction.locale)
        if recorder is None or message is None:
            await _say(interaction, texts.NO_FEEDBACK_HERE(language))
            return
        recorder.vote(
            message_id=message.id,
            user_id=interaction.user.id,
            helpful=self.helpful,
            page=self.page,
        )
        view = discord.ui.View(timeout=None)
        if recorder.keeps_text:
            view.add_item(CommentButton(message.id, language))
        view.stop()  # the registered item answers the button; nothing is kept per message
        await _say(
            interaction,
            texts.vote_thanks(self.helpful, can_comment=recorder.keeps_text, language=language),
            view=view,
        )


class CommentButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"lingnan:comment:(?P<message>\d+)",
):
    """Opens the comment form for the answer message `message`."""

    def __init__(self, message_id: int, language: str | None = None) -> None:
        self.message_id = message_id
        super().__init__(
            discord.ui.Button(
                label=texts.COMMENT_LABEL(language),
                style=discord.ButtonStyle.secondary,
                custom_id=f"lingnan:comment:{message_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CommentButton:
        return cls(int(match["message"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        form = comment_form(self.message_id, language_of_locale(interaction.locale))
        await interaction.response.send_modal(form)
        # Answered by `comment_submitted` from its id, like the buttons: nothing kept in memory.
        form.stop()


def comment_form(message_id: int, language: str | None = None) -> discord.ui.Modal:
    form = discord.ui.Modal(
        title=texts.COMMENT_FORM_TITLE(language), custom_id=f"lingnan:comment-form:{message_id}"
    )
    form.add_item(
        discord.ui.TextInput(
            label=texts.COMMENT_FIELD_LABEL(language),
            style=discord.TextStyle.paragraph,
            placeholder=texts.COMMENT_PLACEHOLDER(language),
            custom_id=COMMENT_FIELD_ID,
            min_length=1,
            max_length=texts.COMMENT_MAX_LENGTH,
        )
    )
    return form


def submitted_value(components: Sequence[Mapping[str, Any]], custom_id: str) -> str | None:
    """The value of field `custom_id` in a submitted form (fields may sit in rows or labels)."""
    for component in components:
        if component.get("custom_id") == custom_id and isinstance(component.get("value"), str):
            return str(component["value"])
        nested = list(component.get("components") or [])
        if isinstance(component.get("component"), Mapping):
            nested.append(component["component"])
        found = submitted_value(nested, custom_id)
        if found is not None:
            return found
    return None


async def comment_submitted(interaction: discord.Interaction[Any]) -> bool:
    """Store a submitted comment form; False when the form is not ours."""
    data: Mapping[str, Any] = interaction.data or {}
    match = COMMENT_FORM_ID.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return False
    recorder = _recorder(interaction)
    text = clean_user_text(submitted_value(data.get("components") or [], COMMENT_FIELD_ID) or "")
    language = language_of_locale(interaction.locale)
    if recorder is None:
        await _say(interaction, texts.NO_FEEDBACK_HERE(language))
    elif not recorder.keeps_text:
        await _say(interaction, texts.COMMENT_NOT_KEPT(language))
    else:
        if text:
            recorder.comment(
                message_id=int(match["message"]), user_id=interaction.user.id, text=text
            )
        await _say(interaction, texts.COMMENT_THANKS(language))
    return True


FEEDBACK_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (VoteButton, CommentButton)


def add_vote_buttons(view: discord.ui.View, page: int, language: str | None = None) -> None:
    """Helpful and Not helpful (labelled in `language`), after the answer's other buttons."""
    view.add_item(VoteButton(True, page, language))
    view.add_item(VoteButton(False, page, language))
