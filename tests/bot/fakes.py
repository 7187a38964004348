"""Minimal stand-ins for the Discord objects a command touches, recording what the bot sends,
and the bot itself with its commands loaded but no connection.

They follow discord.py's rules that matter here: an interaction is responded to once (defer or
send_message), after which only follow-ups go out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, cast

import discord

from bot.client import EXTENSIONS, LingnanBot, create_bot
from bot.examples import load_examples
from bot.settings import Settings

BOT_ID = 999


@dataclass
class Call:
    name: str
    content: str | None
    options: dict[str, Any]

    @property
    def embed(self) -> discord.Embed:
        return self.options["embed"]


@dataclass
class FakeMessage:
    """A sent message: records its edits; as an incoming message, records its replies."""

    id: int = 1
    content: str = ""
    author: Any = None
    mentions: list[Any] = field(default_factory=list)
    role_mentions: list[Any] = field(default_factory=list)
    guild: Any = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    replies: list[Call] = field(default_factory=list)
    typing_entered: int = 0
    channel_type: discord.ChannelType = discord.ChannelType.text

    async def edit(self, **options: Any) -> FakeMessage:
        self.edits.append(options)
        return self

    async def reply(self, content: str | None = None, **options: Any) -> FakeMessage:
        self.replies.append(Call("reply", content, options))
        return FakeMessage(id=self.id + 1000, content=content or "")

    @property
    def channel(self) -> Any:
        message = self

        class _Typing:
            async def __aenter__(self) -> None:
                message.typing_entered += 1

            async def __aexit__(self, *exc: object) -> None:
                return None

        return SimpleNamespace(type=self.channel_type, typing=lambda: _Typing())


class FakeResponse:
    def __init__(self, interaction: FakeInteraction) -> None:
        self._interaction = interaction
        self.type: discord.InteractionResponseType | None = None

    def is_done(self) -> bool:
        return self.type is not None

    def _respond(
        self,
        name: str,
        content: str | None,
        options: dict[str, Any],
        kind: discord.InteractionResponseType,
    ) -> None:
        if self.type is not None:
            raise discord.InteractionResponded(self._interaction)  # type: ignore[arg-type]
        self.type = kind
        self._interaction.calls.append(Call(name, content, options))

    async def defer(self, *, ephemeral: bool = False, thinking: bool = False) -> None:
        # As discord.py: a deferred slash command leaves a "thinking…" message to fill.
        kind = discord.InteractionResponseType.deferred_channel_message
        self._respond("defer", None, {"ephemeral": ephemeral, "thinking": thinking}, kind)

    async def send_message(self, content: str | None = None, **options: Any) -> None:
        kind = discord.InteractionResponseType.channel_message
        self._respond("send_message", content, options, kind)

    async def edit_message(self, **options: Any) -> None:
        self._respond("edit_message", None, options, discord.InteractionResponseType.message_update)


class FakeFollowup:
    def __init__(self, interaction: FakeInteraction) -> None:
        self._interaction = interaction

    async def send(self, content: str | None = None, **options: Any) -> FakeMessage:
        if not self._interaction.response.is_done():
            raise discord.NotFound(
                SimpleNamespace(status=404, reason="Not Found"), "Unknown Webhook"
            )
        self._interaction.calls.append(Call("followup", content, options))
        message = FakeMessage(id=len(self._interaction.calls), content=content or "")
        self._interaction.sent.append(message)
        return message


class FakeInteraction:
    """An interaction from `user_id`, on `client`; `calls` lists every reply in order."""

    def __init__(self, client: Any, user_id: int = 111, command_name: str = "ask") -> None:
        self.client = client
        self.user = SimpleNamespace(id=user_id, name=f"user{user_id}", bot=False)
        self.command = SimpleNamespace(qualified_name=command_name)
        self.guild_id: int | None = None  # a direct message; tests of servers set one
        self.locale = discord.Locale.american_english  # the asker's Discord language
        # Where it comes from: a server or DM where the bot is installed (a member).
        self.context = discord.app_commands.AppCommandContext(guild=True)
        self.calls: list[Call] = []
        self.sent: list[FakeMessage] = []
        self.original_edits: list[dict[str, Any]] = []
        self.response = FakeResponse(self)
        self.followup = FakeFollowup(self)

    def is_guild_integration(self) -> bool:
        return self.guild_id is not None

    async def edit_original_response(self, **options: Any) -> None:
        self.original_edits.append(options)

    async def delete_original_response(self) -> None:
        self.calls.append(Call("delete_original", None, {}))

    def replies(self) -> list[Call]:
        """What the user sees: every call except a bare defer."""
        return [call for call in self.calls if call.name != "defer"]


def as_interaction(fake: FakeInteraction) -> discord.Interaction[Any]:
    """``fake`` where the bot expects an interaction: it has the members the bot uses."""
    return cast("discord.Interaction[Any]", fake)


async def bot_with_commands(settings: Settings, library: Any) -> LingnanBot:
    """The bot with every command extension loaded, logged in as BOT_ID, never connected."""
    bot = create_bot(settings, library, examples=load_examples())
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    bot._connection.user = SimpleNamespace(id=BOT_ID)  # type: ignore[assignment]
    return bot
