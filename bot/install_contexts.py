"""Where the bot's commands can be used: installed to a server, or by a user for themselves.

A user who installs lingnan to their account can run its reading commands anywhere: in direct
messages, in group chats, and in servers lingnan is not a member of. There it answers privately:
the others in that chat did not invite it. Where it is a member (installed to the server, or in
its own direct messages) it answers as the server chose (`/settings`); mentions work only there,
as a mention needs a member to read it. Owner and server commands stay server installs.

Discord honours these settings for global commands only: a user install needs the global sync
(`DISCORD_GUILD_ID` empty).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

T = TypeVar("T")


def usable_anywhere(command: T) -> T:
    """A command installable to servers and to users, usable in servers, the bot's direct
    messages and private chats."""
    installs: Callable[[T], T] = app_commands.allowed_installs(guilds=True, users=True)
    contexts: Callable[[T], T] = app_commands.allowed_contexts(
        guilds=True, dms=True, private_channels=True
    )
    return contexts(installs(command))


def outside_membership(interaction: discord.Interaction[Any]) -> bool:
    """Whether the interaction comes from where lingnan is no member: a private chat between
    users, or a server that did not install it (a user install used there)."""
    if interaction.context.private_channel:
        return True
    return interaction.guild_id is not None and not interaction.is_guild_integration()
