"""Each server's own settings (/settings): read from the database once at start, kept in memory,
and written through at once when a member with Manage Server changes them.

In a sharded bot a server belongs to exactly one shard, hence one process: the process that
answers a server is the only one that changes its settings, so its memory never goes stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Protocol, runtime_checkable

from sqlalchemy import select

from bot.storage.database import Database, utc_now
from bot.storage.schema import GuildSettings
from bot.storage.writes import SettingsChanged

ReplyLanguage = Literal["en", "de", "zh"]
REPLY_LANGUAGES: tuple[ReplyLanguage, ...] = ("en", "de", "zh")
LANGUAGE_BY_CODE: dict[str, ReplyLanguage] = {code: code for code in REPLY_LANGUAGES}
MAX_MENTION_CHANNELS = 25


@dataclass(frozen=True)
class ServerSettings:
    """A server's choices; None (and no channels) means the bot's default from its environment."""

    mention_channels: tuple[int, ...] = ()  # empty: mentions are answered in every channel
    quotes_per_page: int | None = None
    private_answers: bool | None = None
    reply_language: ReplyLanguage | None = None  # None: the asker's own language

    def answers_mentions_in(self, channel_id: int) -> bool:
        return not self.mention_channels or channel_id in self.mention_channels


@dataclass(frozen=True)
class AnswerOptions:
    """What an answer in a server does: the server's choices over the bot's defaults."""

    quotes_per_page: int
    private: bool
    language: ReplyLanguage | None


@runtime_checkable
class AnswerOptionsHost(Protocol):
    """A client that knows each server's answer options (buttons rebuild answers with them)."""

    def answer_options(self, guild_id: int | None) -> AnswerOptions: ...


class SettingsNotStored(Exception):
    """No database is connected, so a server's settings cannot be changed."""


@dataclass
class ServerSettingsStore:
    """Every server's settings, from `database` (None: every server has the defaults and
    nothing can be changed); `save` writes through."""

    database: Database | None = None
    _by_guild: dict[int, ServerSettings] = field(default_factory=dict)

    async def load(self, database: Database) -> None:
        self.database = database
        async with database.transaction() as session:
            rows = (await session.scalars(select(GuildSettings))).all()
        self._by_guild = {row.guild_id: _from_row(row) for row in rows}

    def get(self, guild_id: int | None) -> ServerSettings:
        if guild_id is None:
            return ServerSettings()
        return self._by_guild.get(guild_id, ServerSettings())

    async def save(self, guild_id: int, settings: ServerSettings) -> ServerSettings:
        """Store `settings` for the server (awaited: the member is told it is saved)."""
        change = SettingsChanged(
            guild_id=guild_id,
            mention_channels=settings.mention_channels,
            quotes_per_page=settings.quotes_per_page,
            private_answers=settings.private_answers,
            reply_language=settings.reply_language,
            at=utc_now(),
        )
        if self.database is None:
            raise SettingsNotStored
        async with self.database.transaction() as session:
            await change.apply(session)
        self._by_guild[guild_id] = settings
        return settings


def _from_row(row: GuildSettings) -> ServerSettings:
    channels = tuple(int(c) for c in row.mention_channels or () if str(c).isdigit())
    language = LANGUAGE_BY_CODE.get(row.reply_language or "")
    return ServerSettings(
        mention_channels=channels[:MAX_MENTION_CHANNELS],
        quotes_per_page=row.quotes_per_page,
        private_answers=row.private_answers,
        reply_language=language,
    )


def with_channel(settings: ServerSettings, channel_id: int, *, answered: bool) -> ServerSettings:
    """`settings` with mentions answered (or no longer answered) in `channel_id`."""
    channels = [c for c in settings.mention_channels if c != channel_id]
    if answered:
        channels.append(channel_id)
    return replace(settings, mention_channels=tuple(channels[-MAX_MENTION_CHANNELS:]))
