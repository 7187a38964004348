"""The buttons under an answer: pages, Cite, and a link to the first quote's source.

Page and Cite buttons are `discord.ui.DynamicItem`s registered when the bot starts: each carries
in its `custom_id` what it needs (the command, the asker, the page, a checksum of the question),
reads the question back from the message's embed (`bot.question_shown`), and builds the answer
again (search is deterministic). So a button on yesterday's answer still works after a restart,
and no view is kept in memory per answer. Only the asker can turn pages; Cite answers whoever
presses it, privately.
"""

from __future__ import annotations

import importlib
import logging
import re
from typing import Any, Protocol, runtime_checkable

import discord

from bot import texts
from bot.answer_filters import FILTERS_TOKEN
from bot.answer_pool import build_answer
from bot.answers import Answers
from bot.cards import MESSAGE_LIMIT, Answer, Card, Command, Origin, checksum, to_embed
from bot.cogs.official_parts import name_in_title
from bot.command_mentions import CommandMentions
from bot.feedback import FEEDBACK_ITEMS, add_vote_buttons
from bot.markdown import clip, unescape
from bot.menus import MENU_ITEMS, menu_select
from bot.question_shown import question_shown
from bot.storage.server_settings import AnswerOptionsHost
from bot.translations import language_of_locale

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
COMMAND_BY_NAME: dict[str, Command] = {
    "ask": "ask",
    "official": "official",
    "officials": "officials",
    "sources": "sources",
    "speech": "speech",
    "timeline": "timeline",
}
COMMANDS = "|".join(COMMAND_BY_NAME)
# What a button carries beyond the question: a speech's document, or an /ask answer's filters.
DETAIL = rf"[0-9a-f]{{8}}|{FILTERS_TOKEN}"


@runtime_checkable
class AnswersHost(Protocol):
    """What a button needs of the client: the answers it rebuilds pages from."""

    @property
    def answers(self) -> Answers: ...


def argument_shown(command: str, title: str | None, footer: str | None = None) -> str:
    """The argument an answer was built for, read back from its embed (the question, the
    official's name in the title); empty for the commands without one."""
    if command in ("officials", "sources") or not title:
        return ""
    if command in ("ask", "timeline"):
        return question_shown(title, footer)
    if command in ("official", "speech"):
        title = name_in_title(title)
    return unescape(title)


async def _rebuild(
    interaction: discord.Interaction[Any],
    command: Command,
    key: str,
    detail: str = "",
    *,
    privately: bool = False,
    page: int | None = None,
) -> Answer | None:
    """The answer under the pressed button, built again; None (and the user told) when the
    message no longer shows what the button was made for. `detail` is what the answer needs
    that its title does not show (a speech's document). The press is acknowledged before the
    answer is built (Discord's 3 s, however long the queue of answers): as an update of the
    pressed message, or `privately` as a private message to come. `page`: the one page that
    will be shown (see `Answers.ask`)."""
    message = interaction.message
    embed = message.embeds[0] if message is not None and message.embeds else None
    argument = argument_shown(
        command, embed.title if embed else None, embed.footer.text if embed else None
    )
    client = interaction.client
    if checksum(argument) != key or not isinstance(client, AnswersHost):
        log.info("button for %s no longer matches its message", command)
        await interaction.response.send_message(
            texts.EXPIRED_BUTTONS_MESSAGE(language_of_locale(interaction.locale)),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return None
    origin = Origin(command, argument, detail)
    if privately:
        await interaction.response.defer(ephemeral=True, thinking=True)
    else:
        await interaction.response.defer()
    if isinstance(client, AnswerOptionsHost):
        # The server's quotes per page and language, as the answer was first built with
        # (without a server language: the presser's, who for page buttons is the asker).
        options = client.answer_options(interaction.guild_id)
        return await build_answer(
            client,
            client.answers.rebuild,
            origin,
            per_page=options.quotes_per_page,
            language=options.language or language_of_locale(interaction.locale),
            shown_page=page,
        )
    return await build_answer(client, client.answers.rebuild, origin, shown_page=page)


async def _tell_failure(interaction: discord.Interaction[Any], item: object) -> None:
    log.exception("button %r failed", item)
    sentence = texts.INTERNAL_ERROR_MESSAGE(language_of_locale(interaction.locale))
    # bot.replies imports this module (its answers carry these buttons): imported here.
    replies = importlib.import_module("bot.replies")
    await replies.send_sentence(interaction, sentence)


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=rf"lingnan:page:(?P<command>{COMMANDS}):(?P<asker>\d+):(?P<page>\d+)"
    rf":(?P<key>[0-9a-f]{{8}})(?::(?P<detail>{DETAIL}))?:(?P<side>[pn])",
):
    """◀ or ▶: shows page `page` of the answer, for the asker only."""

    def __init__(
        self,
        command: Command,
        asker: int,
        page: int,
        key: str,
        *,
        forward: bool,
        disabled: bool,
        detail: str = "",
    ) -> None:
        self.command: Command = command
        self.asker = asker
        self.page = page
        self.key = key
        self.detail = detail
        side = "n" if forward else "p"
        detailed = f"{key}:{detail}" if detail else key
        super().__init__(
            discord.ui.Button(
                label=texts.NEXT_PAGE_LABEL if forward else texts.PREVIOUS_PAGE_LABEL,
                style=discord.ButtonStyle.secondary,
                custom_id=f"lingnan:page:{command}:{asker}:{page}:{detailed}:{side}",
                disabled=disabled,
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> PageButton:
        command = _command(match["command"])
        return cls(
            command,
            int(match["asker"]),
            int(match["page"]),
            match["key"],
            forward=match["side"] == "n",
            disabled=False,
            detail=match["detail"] or "",
        )

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.asker:
            return True
        client = interaction.client
        commands = (
            client.answers.commands() if isinstance(client, AnswersHost) else CommandMentions()
        )
        sentence = texts.not_yours_message(commands, language_of_locale(interaction.locale))
        await interaction.response.send_message(
            sentence, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            answer = await _rebuild(
                interaction, self.command, self.key, self.detail, page=self.page
            )
            if answer is None:
                return
            message = interaction.message
            if answer.ephemeral and not (message is not None and message.flags.ephemeral):
                # The corpus changed under a public answer (nothing found now, its source filter
                # gone): the answer stays as all saw it; the presser alone is told why.
                await interaction.followup.send(
                    embed=to_embed(answer.pages[0]), ephemeral=True, allowed_mentions=NO_MENTIONS
                )
                return
            page = max(0, min(self.page, len(answer.pages) - 1))
            await interaction.edit_original_response(
                embed=to_embed(answer.pages[page]),
                view=answer_view(answer, page, self.asker),
                allowed_mentions=NO_MENTIONS,
            )
        except discord.NotFound:
            # Deleted or dismissed while its page was built: nothing is left to show it on.
            log.info("page %d of a %s answer: its message is gone", self.page, self.command)
        except Exception:
            await _tell_failure(interaction, self)


class CiteButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=rf"lingnan:cite:(?P<command>{COMMANDS}):(?P<page>\d+):(?P<key>[0-9a-f]{{8}})"
    rf"(?::(?P<detail>{DETAIL}))?",
):
    """Cite: the page's citations, ready to paste, sent privately to whoever presses it."""

    def __init__(
        self, command: Command, page: int, key: str, detail: str = "", language: str | None = None
    ) -> None:
        self.command: Command = command
        self.page = page
        self.key = key
        self.detail = detail
        detailed = f"{key}:{detail}" if detail else key
        super().__init__(
            discord.ui.Button(
                label=texts.CITE_LABEL(language),
                style=discord.ButtonStyle.secondary,
                custom_id=f"lingnan:cite:{command}:{page}:{detailed}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CiteButton:
        return cls(
            _command(match["command"]), int(match["page"]), match["key"], match["detail"] or ""
        )

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            # The cited page only: its quotes' matched words are not shown, but the other
            # pages' would be looked for too.
            answer = await _rebuild(
                interaction, self.command, self.key, self.detail, privately=True, page=self.page
            )
            if answer is None:
                return
            card = answer.pages[max(0, min(self.page, len(answer.pages) - 1))]
            await interaction.followup.send(
                citation_message(card, language_of_locale(interaction.locale)),
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
        except Exception:
            await _tell_failure(interaction, self)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    PageButton,
    CiteButton,
    *FEEDBACK_ITEMS,
    *MENU_ITEMS,
)


def is_ours(custom_id: str) -> bool:
    """Whether a registered button answers `custom_id` (others are stale or forged)."""
    return any(item.__discord_ui_compiled_template__.fullmatch(custom_id) for item in DYNAMIC_ITEMS)


def _command(name: str) -> Command:
    return COMMAND_BY_NAME[name]  # the template admits only these names


def citation_message(card: Card, language: str | None = None) -> str:
    """The Cite button's private message: the page's citations in a code block, to paste."""
    if not card.citation:
        return texts.NO_CITATION_MESSAGE(language)
    fence = "```"
    heading = texts.CITE_HEADING(language)
    room = MESSAGE_LIMIT - len(heading) - 2 * len(fence) - 4
    body = clip(card.citation, room)
    return f"{heading}\n{fence}\n{body}\n{fence}"


def answer_view(answer: Answer, page: int, asker: int) -> discord.ui.View | None:
    """The buttons under page `page`: ◀ n / m ▶ when there are pages, Cite when it cites,
    Source when its first quote is online, Helpful / Not helpful under a found /ask answer,
    the answer's menu (`bot.menus`) when it has one; None when there are none.

    The view is stopped before it is sent: the registered dynamic items answer its buttons, so
    nothing is kept per message (and nothing times out)."""
    card = answer.pages[page]
    view = discord.ui.View(timeout=None)
    origin = answer.origin
    if origin is not None:
        key = checksum(origin.argument)
        if len(answer.pages) > 1:
            last = len(answer.pages) - 1
            view.add_item(
                PageButton(
                    origin.command,
                    asker,
                    max(page - 1, 0),
                    key,
                    forward=False,
                    disabled=page == 0,
                    detail=origin.detail,
                )
            )
            view.add_item(
                discord.ui.Button(
                    label=texts.page_indicator(page, len(answer.pages)),
                    style=discord.ButtonStyle.secondary,
                    custom_id=f"lingnan:at:{page}",
                    disabled=True,
                )
            )
            following, at_end = min(page + 1, last), page >= last
            view.add_item(
                PageButton(
                    origin.command,
                    asker,
                    following,
                    key,
                    forward=True,
                    disabled=at_end,
                    detail=origin.detail,
                )
            )
        if card.citation:
            view.add_item(CiteButton(origin.command, page, key, origin.detail, answer.language))
    if card.source_url:
        view.add_item(
            discord.ui.Button(label=texts.SOURCE_LABEL(answer.language), url=card.source_url)
        )
    if origin is not None and origin.command == "ask" and answer.found:
        add_vote_buttons(view, page, answer.language)
    if answer.menu is not None:
        view.add_item(menu_select(answer.menu, asker, origin))
    if not view.children:
        return None
    view.stop()
    return view
