"""The local Discord's shards: each gateway session gets the guilds and events of its shard."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
from discord import app_commands

from tests.discord_fake import FakeDiscord, routes, running_client
from tests.discord_fake.gateway import IDENTIFY, INVALID_SHARD
from tests.discord_fake.guilds import shard_of
from tests.discord_fake.payloads import FakeGuild

pytestmark = pytest.mark.fake_discord(shard_count=2)


class ShardBot(discord.AutoShardedClient):
    """Runs the given shards of two; /where answers with them, and it notes every message."""

    def __init__(self, shard_ids: list[int] | None) -> None:
        intents = discord.Intents.default()
        if shard_ids is None:  # as many shards as GET /gateway/bot recommends
            super().__init__(intents=intents)
        else:
            super().__init__(intents=intents, shard_count=2, shard_ids=shard_ids)
        self.tree = app_commands.CommandTree(self)
        self.seen_messages: list[int] = []

        @self.tree.command(description="Which shards answer here")
        async def where(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(f"shards {self.shard_ids}")

    async def setup_hook(self) -> None:
        await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No wait: discord.py waits 5 s before each shard's IDENTIFY after the first, for
        Discord's identify rate limit, which the fake does not enforce."""

    async def on_message(self, message: discord.Message) -> None:
        self.seen_messages.append(message.id)


def guild_ids(client: discord.Client) -> set[str]:
    return {str(guild.id) for guild in client.guilds}


@contextlib.asynccontextmanager
async def two_processes(fake: FakeDiscord) -> AsyncIterator[tuple[ShardBot, ShardBot]]:
    """Shard 0 and shard 1 of two, each its own client, as two processes would run them."""
    first, second = ShardBot([0]), ShardBot([1])
    async with running_client(fake, first), running_client(fake, second):
        await fake.wait_commands("global")
        yield first, second


def second_guild(fake: FakeDiscord) -> FakeGuild:
    return fake.add_guild("Second Guild", shard=1)


async def test_gateway_bot_reports_the_shard_count_and_each_shard_gets_its_guilds(
    fake_discord: FakeDiscord,
) -> None:
    """GET /gateway/bot recommends two shards; an AutoShardedClient runs both and sees every
    guild, each listed in the READY of its own shard only."""
    fake = fake_discord
    other = second_guild(fake)
    assert [shard_of(g.id, 2) for g in fake.guilds] == [0, 1]
    client = ShardBot(None)
    async with running_client(fake, client):
        assert fake.requests_to(routes.GATEWAY_BOT)[0].response["shards"] == 2
        assert sorted(i["shard"] for i in fake.gateway.identifies) == [[0, 2], [1, 2]]
        assert guild_ids(client) == {fake.guild.id, other.id}
        for session in fake.gateway.sessions.values():
            (ready,) = fake.gateway.dispatched(session, "READY")
            created = [g["id"] for g in fake.gateway.dispatched(session, "GUILD_CREATE")]
            expected = [g.id for g in fake.guilds if shard_of(g.id, 2) == session.shard[0]]
            assert [g["id"] for g in ready["guilds"]] == created == expected


async def test_each_process_gets_only_the_guilds_of_its_shard(fake_discord: FakeDiscord) -> None:
    """A client identifying as shard 0 of 2 gets the first guild, one as shard 1 the second."""
    fake = fake_discord
    other = second_guild(fake)
    async with two_processes(fake) as (first, second):
        assert guild_ids(first) == {fake.guild.id}
        assert guild_ids(second) == {other.id}


async def test_interactions_go_to_the_shard_of_their_guild_only(
    fake_discord: FakeDiscord,
) -> None:
    """A command in each guild is answered once, by the process of that guild's shard; a direct
    message goes to shard 0, as Discord sends DMs."""
    fake = fake_discord
    other = second_guild(fake)
    async with two_processes(fake):
        here = await fake.send_slash_command("where")
        there = await fake.send_slash_command("where", guild=other)
        direct = await fake.send_slash_command("where", context="bot_dm")
        assert (await here.wait_answer())["content"] == "shards [0]"
        assert (await there.wait_answer())["content"] == "shards [1]"
        assert (await direct.wait_answer())["content"] == "shards [0]"
        for handle in (here, there, direct):
            assert len(handle.callbacks) == 1 and not handle.rejected_callbacks
        by_shard = {
            s.shard[0]: {i["id"] for i in fake.gateway.dispatched(s, "INTERACTION_CREATE")}
            for s in fake.gateway.sessions.values()
        }
        assert by_shard == {0: {here.id, direct.id}, 1: {there.id}}


async def test_messages_go_to_the_shard_of_their_guild_only(fake_discord: FakeDiscord) -> None:
    """A message in the second guild reaches the shard 1 process and not the shard 0 one."""
    fake = fake_discord
    other = second_guild(fake)
    async with two_processes(fake) as (first, second):
        sent = await fake.send_message("hello", guild=other, channel="policy")
        message_id = int(sent.id)
        await fake.wait_until(lambda: message_id in second.seen_messages, 5, "the message")
        assert sent.payload["guild_id"] == other.id
        assert message_id not in first.seen_messages


async def test_one_unsharded_connection_sees_every_guild(fake_discord: FakeDiscord) -> None:
    """A client that identifies without `shard` is shard 0 of 1 and gets every guild."""
    fake = fake_discord
    other = second_guild(fake)
    client = discord.Client(intents=discord.Intents.default())
    async with running_client(fake, client):
        assert guild_ids(client) == {fake.guild.id, other.id}


async def test_identify_with_an_invalid_shard_is_closed_4010(fake_discord: FakeDiscord) -> None:
    """IDENTIFY with shard 2 of 2 (ids run 0..1) is refused with close code 4010."""
    fake = fake_discord
    identify = {
        "op": IDENTIFY,
        "d": {"token": fake.token, "intents": 0, "properties": {}, "shard": [2, 2]},
    }
    async with aiohttp.ClientSession() as session, session.ws_connect(fake.gateway_url) as ws:
        await ws.receive_json()  # HELLO
        await ws.send_json(identify)
        closing = await ws.receive()
        assert closing.type is aiohttp.WSMsgType.CLOSE and closing.data == INVALID_SHARD
    assert not fake.gateway.sessions
