"""The fake's servers: which shard each one's events go to (Discord's rule), and how one is made.

Discord sends a guild's events to one gateway connection only: the shard
`(guild_id >> 22) % num_shards`; direct messages go to shard 0. The fake picks each guild's id
so that it lands on the shard a test asks for.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.discord_fake.payloads import FakeChannel, FakeGuild, FakeRole, FakeUser

DM_SHARD = 0  # Discord: "DMs will only be sent to shard 0"
TIMESTAMP_SHIFT = 22  # a snowflake's milliseconds sit above its 22 low bits
LOW_BITS = (1 << TIMESTAMP_SHIFT) - 1


def shard_of(guild_id: str | int | None, shard_count: int) -> int:
    """The shard that receives the events of `guild_id` (None: a direct message)."""
    if guild_id is None:
        return DM_SHARD
    return (int(guild_id) >> TIMESTAMP_SHIFT) % shard_count


def snowflake_on_shard(make: Callable[[], str], shard: int, shard_count: int) -> str:
    """A new snowflake from `make` whose guild lives on `shard`: its milliseconds moved forward
    (by less than `shard_count`) to the next that the rule maps there; its low bits, which keep
    ids unique, stay."""
    if not 0 <= shard < shard_count:
        raise ValueError(f"shard {shard} is not one of 0..{shard_count - 1}")
    made = int(make())
    millis = made >> TIMESTAMP_SHIFT
    millis += (shard - millis) % shard_count
    return str((millis << TIMESTAMP_SHIFT) | (made & LOW_BITS))


def new_guild(
    make: Callable[[], str],
    *,
    name: str,
    owner: FakeUser,
    members: list[FakeUser],
    bot_role: FakeRole | None = None,
    shard: int = 0,
    shard_count: int = 1,
) -> FakeGuild:
    """A guild on `shard` with the channels #general and #policy, the roles @everyone and
    analysts (and the bot's, when given), and `members` (the list itself: shared, a user added
    to it is a member of every guild sharing it)."""
    guild_id = snowflake_on_shard(make, shard, shard_count)
    roles = [
        FakeRole(id=guild_id, name="@everyone", position=0),
        FakeRole(id=make(), name="analysts", position=1),
    ]
    if bot_role is not None:
        roles.append(bot_role)
    return FakeGuild(
        id=guild_id,
        name=name,
        owner_id=owner.id,
        channels=[
            FakeChannel(id=make(), name="general", guild_id=guild_id, position=0),
            FakeChannel(id=make(), name="policy", guild_id=guild_id, position=1),
        ],
        roles=roles,
        members=members,
    )
