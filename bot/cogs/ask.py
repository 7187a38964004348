"""/ask and mentions: the best-matching quotes for a question, as one paged embed."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.answer_pool import build_answer
from bot.filter_texts import FILTER_LANGUAGE_CHOICES, filter_mistake_sentence
from bot.install_contexts import outside_membership, usable_anywhere
from bot.questions import MAX_QUESTION_LENGTH, question_problem
from bot.replies import defer_then_answer, reply_answer, reply_sentence, send_sentence
from bot.translations import language_of_locale, translatable_choice
from retrieval.filters import FilterError

if TYPE_CHECKING:
    from bot.client import LingnanBot

log = logging.getLogger(__name__)

LANGUAGE_CHOICES = [
    translatable_choice("ask", "language", name, code) for name, code in FILTER_LANGUAGE_CHOICES
]
MAX_DATE_LENGTH = 20
MAX_SOURCE_LENGTH = 200


def ask_cooldown(interaction: discord.Interaction[LingnanBot]) -> bool:
    """Check for /ask: the per-user cooldown it shares with mentions."""
    interaction.client.ask_cooldown.check(interaction.user.id)
    return True


def question_from_mention(content: str, bot_id: int, role_id: int | None = None) -> str:
    """The question in a message that mentions the bot: its mentions of the bot removed."""
    pattern = rf"<@!?{bot_id}>"
    if role_id is not None:
        pattern += rf"|<@&{role_id}>"
    return " ".join(re.sub(pattern, " ", content).split())


class AskCog(commands.Cog, name="Ask"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask", description=texts.COMMAND_DESCRIPTIONS["ask"])
    @app_commands.describe(**texts.COMMAND_OPTIONS["ask"])
    @app_commands.choices(language=LANGUAGE_CHOICES)
    @app_commands.check(ask_cooldown)
    @usable_anywhere
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION_LENGTH],
        language: str | None = None,
        since: app_commands.Range[str, 1, MAX_DATE_LENGTH] | None = None,
        until: app_commands.Range[str, 1, MAX_DATE_LENGTH] | None = None,
        source: app_commands.Range[str, 1, MAX_SOURCE_LENGTH] | None = None,
    ) -> None:
        reply_language = self.bot.reply_language(interaction)
        problem = question_problem(question, self.bot.answers.commands(), language=reply_language)
        if problem is not None:
            await send_sentence(interaction, problem)
            return
        try:
            filters = self.bot.answers.filters(
                language=language, since=since, until=until, source=source
            )
        except FilterError as error:
            log.info("/ask filter refused for user %s: %s", interaction.user.id, error)
            await send_sentence(interaction, filter_mistake_sentence(error, reply_language))
            return
        options = self.bot.answer_options(interaction.guild_id)
        answer, sent = await defer_then_answer(
            interaction,
            self.bot.answers.ask,
            question,
            # Where lingnan is no member (a user install), only the asker sees the answer.
            ephemeral=options.private or outside_membership(interaction),
            per_page=options.quotes_per_page,
            # The server's choice, else the asker's Discord language.
            language=options.language or language_of_locale(interaction.locale),
            filters=filters,
            shown_page=0,
        )
        self.bot.record_question(interaction.guild_id, "ask", question, answer, sent)

    @ask.autocomplete("source")
    async def complete_source(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        names = self.bot.answers.complete_source(current)
        return [app_commands.Choice(name=name, value=name) for name in names]

    def _mentions_me(self, message: discord.Message) -> bool:
        me = self.bot.user
        if me is None:
            return False
        if message.guild is None and getattr(message.channel, "type", None) is (
            discord.ChannelType.private
        ):
            return True  # in a direct message every message is meant for the bot
        if any(user.id == me.id for user in message.mentions):
            return True
        role = message.guild.self_role if message.guild else None
        return role is not None and role in message.role_mentions

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None or not self._mentions_me(message):
            return
        if message.guild is not None:
            chosen = self.bot.server_settings.get(message.guild.id)
            if not chosen.answers_mentions_in(message.channel.id):
                return  # the server chose other channels for mentions (/settings)
        try:
            await self.answer_mention(message)
        except discord.HTTPException as error:
            log.warning("could not answer message %s: %s", message.id, error)
        except Exception:
            log.exception("answering message %s failed", message.id)
            await reply_sentence(message, texts.INTERNAL_ERROR_MESSAGE())

    async def answer_mention(self, message: discord.Message) -> None:
        """Reply to a mention with what /ask would answer, under the same cooldown."""
        assert self.bot.user is not None
        role = message.guild.self_role if message.guild else None
        question = question_from_mention(
            message.content, self.bot.user.id, role.id if role else None
        )
        guild_id = message.guild.id if message.guild else None
        options = self.bot.answer_options(guild_id)
        problem = question_problem(
            question, self.bot.answers.commands(), blank_ok=True, language=options.language
        )
        if problem is not None:
            await reply_sentence(message, problem)
            return
        retry_after = self.bot.ask_cooldown.hit(message.author.id)
        if retry_after is not None:
            # Messages cannot be answered privately: a short reply that tidies itself away (in
            # the server's language: a message carries no locale).
            await reply_sentence(
                message,
                texts.cooldown_message(retry_after, options.language),
                delete_after=min(max(retry_after, 5.0), 60.0),
            )
            return
        async with message.channel.typing():
            # A reply cannot be private: in a server, nothing found is one short sentence.
            answer = await build_answer(
                self.bot,
                self.bot.answers.ask,
                question,
                per_page=options.quotes_per_page,
                language=options.language,
                public=guild_id is not None,
                shown_page=0,
            )
        reply = await reply_answer(message, answer)
        self.bot.record_question(guild_id, "mention", question, answer, reply)


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(AskCog(bot))
