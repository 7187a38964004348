"""The select menu under an /official answer: an official's speech by document (or their
reported statements again), or one of several officials.

Like the page buttons, the menu is a `discord.ui.DynamicItem` registered when the bot starts:
its `custom_id` carries its kind, the asker and, for a speech menu, the checksum of the
official's name (which the message's title shows); each option's value names what it opens (the
checksum of a document's id or of an official's name). Choosing builds that answer from the
current corpus and shows it in place of the message, so the menu of an answer sent before a
restart still works. Only the asker can choose: a choice changes the message, as a page turn
does.
"""

from __future__ import annotations

import importlib
import logging
import re
from types import ModuleType
from typing import Any

import discord

from bot import texts
from bot.answer_pool import build_answer
from bot.answers import Answers
from bot.cards import Answer, Menu, MenuKind, Origin, checksum, to_embed
from bot.command_mentions import PLAIN_COMMANDS
from bot.translations import language_of_locale

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
_KINDS: dict[str, MenuKind] = {"speech": "speech", "official": "official"}


def _buttons() -> ModuleType:
    """The buttons module, which imports this one (its views hold the menu): imported when a
    menu is used, not when this module loads."""
    return importlib.import_module("bot.buttons")


def _answers(interaction: discord.Interaction[Any]) -> Answers | None:
    answers = getattr(interaction.client, "answers", None)
    return answers if isinstance(answers, Answers) else None


class AnswerMenu(
    discord.ui.DynamicItem[discord.ui.Select[discord.ui.View]],
    template=r"lingnan:menu:(?P<kind>speech|official):(?P<asker>\d+)(?::(?P<key>[0-9a-f]{8}))?",
):
    """The menu under an answer; `key` (speech menus) is the checksum of the official's name."""

    def __init__(self, kind: MenuKind, asker: int, key: str, menu: Menu | None = None) -> None:
        self.kind: MenuKind = kind
        self.asker = asker
        self.key = key
        suffix = f":{key}" if key else ""
        options = [
            discord.SelectOption(
                label=choice.label,
                value=choice.value,
                description=choice.description,
                default=choice.default,
            )
            for choice in (menu.choices if menu else ())
        ]
        super().__init__(
            discord.ui.Select(
                custom_id=f"lingnan:menu:{kind}:{asker}{suffix}",
                placeholder=menu.placeholder if menu else None,
                options=options,
                min_values=1,
                max_values=1,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> AnswerMenu:
        return cls(_KINDS[match["kind"]], int(match["asker"]), match["key"] or "")

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.asker:
            return True
        answers = _answers(interaction)
        sentence = texts.not_yours_menu_message(
            answers.commands() if answers else PLAIN_COMMANDS,
            language_of_locale(interaction.locale),
        )
        await interaction.response.send_message(
            sentence, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # bot.replies imports this module (through the buttons): imported here.
        replies = importlib.import_module("bot.replies")
        language = language_of_locale(interaction.locale)
        try:
            answer = await self._chosen(interaction)
            if answer is None:
                log.info("menu %s: the chosen entry is gone", self.kind)
                await replies.send_sentence(interaction, texts.MENU_EXPIRED_MESSAGE(language))
                return
            buttons = _buttons()
            await interaction.edit_original_response(
                embed=to_embed(answer.pages[0]),
                view=buttons.answer_view(answer, 0, self.asker),
                allowed_mentions=NO_MENTIONS,
            )
        except discord.NotFound:
            # Deleted or dismissed while the answer was built: nothing is left to show it on.
            log.info("menu %s: its message is gone", self.kind)
        except Exception:
            log.exception("menu %r failed", self)
            await replies.send_sentence(interaction, texts.INTERNAL_ERROR_MESSAGE(language))

    async def _chosen(self, interaction: discord.Interaction[Any]) -> Answer | None:
        """The answer the chosen entry opens; None when the entry, the official or the
        message's official is no longer what the menu was made for."""
        answers = _answers(interaction)
        values = self.item.values
        if answers is None or len(values) != 1:
            return None
        name = ""
        if self.kind == "speech":
            message = interaction.message
            title = message.embeds[0].title if message is not None and message.embeds else None
            name = _buttons().argument_shown("speech", title)
            if checksum(name) != self.key:
                return None
        language = language_of_locale(interaction.locale)
        # Acknowledged before the answer is built: Discord's 3 s, however long the queue.
        await interaction.response.defer()
        return await build_answer(
            interaction.client, answers.choose, self.kind, name, values[0], language
        )


def menu_select(menu: Menu, asker: int, origin: Origin | None) -> AnswerMenu:
    """The menu under an answer for `asker`; a speech menu names the official it is under."""
    key = checksum(origin.argument) if menu.kind == "speech" and origin is not None else ""
    return AnswerMenu(menu.kind, asker, key, menu)


MENU_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (AnswerMenu,)
