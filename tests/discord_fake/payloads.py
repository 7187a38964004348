"""Discord API objects as the gateway and REST API send them (the subset discord.py 2.7 reads)."""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits Discord sends as strings; "everything a member normally has" for the test guild.
MEMBER_PERMISSIONS = str((1 << 0) | (1 << 6) | (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16))
BOT_PERMISSIONS = str((1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 18))

# What a server's owner has: every permission (Manage Server is 1 << 5, Administrator 1 << 3).
OWNER_PERMISSIONS = str((1 << 41) - 1)
CHANNEL_OPTION = 7

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7


class SnowflakeFactory:
    """Unique, increasing snowflakes whose timestamp part is the current time, like Discord's."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def __call__(self) -> str:
        millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return str((millis << 22) | (next(self._counter) & 0x3FFFFF))


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class FakeUser:
    """A Discord account that can press buttons, run commands and write messages."""

    id: str
    username: str
    bot: bool = False
    roles: list[str] = field(default_factory=list)
    permissions: str | None = None  # in interactions; None: MEMBER_PERMISSIONS
    locale: str = "en-US"  # the language their Discord client is set to, sent in interactions

    def to_user(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "global_name": self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }

    def to_member(
        self, *, with_user: bool = True, permissions: str | None = None
    ) -> dict[str, Any]:
        member: dict[str, Any] = {
            "roles": list(self.roles),
            "nick": None,
            "avatar": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
        }
        if with_user:
            member["user"] = self.to_user()
        if permissions is not None:
            member["permissions"] = permissions
        return member


@dataclass
class FakeChannel:
    id: str
    name: str
    guild_id: str
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": 0,
            "guild_id": self.guild_id,
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }


@dataclass
class FakeRole:
    id: str
    name: str
    position: int = 0
    permissions: str = MEMBER_PERMISSIONS
    bot_id: str | None = None  # set for the role Discord creates for a bot when it joins

    def to_dict(self) -> dict[str, Any]:
        role: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": self.permissions,
            "managed": self.bot_id is not None,
            "mentionable": True,
            "flags": 0,
        }
        if self.bot_id is not None:
            role["tags"] = {"bot_id": self.bot_id}
        return role


@dataclass
class FakeGuild:
    """The one guild the bot is in: channels, roles and members as GUILD_CREATE carries them."""

    id: str
    name: str
    owner_id: str
    channels: list[FakeChannel]
    roles: list[FakeRole]
    members: list[FakeUser]

    def channel(self, name_or_id: str) -> FakeChannel:
        for channel in self.channels:
            if name_or_id in (channel.id, channel.name):
                return channel
        raise LookupError(f"no channel {name_or_id!r} in the fake guild")

    def to_partial(self) -> dict[str, Any]:
        return {"id": self.id, "locale": "en-US", "features": []}

    def to_create(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": self.owner_id,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [role.to_dict() for role in self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": self.channels[0].id if self.channels else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "voice_states": [],
            "members": [member.to_member(permissions=None) for member in self.members],
            "channels": [channel.to_dict() for channel in self.channels],
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


def new_token() -> str:
    return secrets.token_urlsafe(24)


def application_payload(app_id: str, bot: FakeUser, owner: FakeUser) -> dict[str, Any]:
    return {
        "id": app_id,
        "name": bot.username,
        "icon": None,
        "description": "",
        "summary": "",
        "type": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": (1 << 19),  # GATEWAY_MESSAGE_CONTENT_LIMITED, as for an unverified bot
        "owner": owner.to_user(),
        "team": None,
        "bot": bot.to_user(),
        "redirect_uris": [],
        "interactions_endpoint_url": None,
        "install_params": {"scopes": ["bot", "applications.commands"], "permissions": "0"},
        "approximate_guild_count": 1,
    }


def message_payload(
    *,
    message_id: str,
    channel_id: str,
    guild_id: str | None,
    author: dict[str, Any],
    body: dict[str, Any],
    message_type: int = 0,
    application_id: str | None = None,
    webhook_id: str | None = None,
    interaction_metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The message Discord would store for `body` (the JSON the client sent)."""
    message: dict[str, Any] = {
        "id": message_id,
        "channel_id": channel_id,
        "type": message_type,
        "author": author,
        "content": body.get("content") or "",
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "flags": int(body.get("flags") or 0),
    }
    if guild_id is not None:
        message["guild_id"] = guild_id
    if application_id is not None:
        message["application_id"] = application_id
    if webhook_id is not None:
        message["webhook_id"] = webhook_id
    if interaction_metadata is not None:
        message["interaction_metadata"] = interaction_metadata
    reference = body.get("message_reference")
    if reference:
        message["message_reference"] = {
            "type": 0,
            "message_id": str(reference.get("message_id")),
            "channel_id": str(reference.get("channel_id", channel_id)),
            **({"guild_id": guild_id} if guild_id else {}),
        }
    return message


def apply_edit(message: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """`message` after an edit with `body`: only the fields the edit names change."""
    edited = dict(message)
    for key in ("content", "embeds", "components", "flags"):
        if key in body and body[key] is not None:
            edited[key] = body[key]
        elif key in body:
            edited[key] = "" if key == "content" else ([] if key != "flags" else 0)
    edited["edited_timestamp"] = iso_now()
    return edited
