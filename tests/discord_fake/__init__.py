"""A local Discord (REST + gateway on 127.0.0.1) for end-to-end tests of discord.py bots."""

from tests.discord_fake.cdn import FakeAttachment
from tests.discord_fake.handles import InteractionHandle, MessageHandle
from tests.discord_fake.payloads import FakeUser
from tests.discord_fake.records import (
    RecordedRequest,
    blocks_every_ping,
    button_labels,
    buttons,
    limit_violations,
    message_text,
    ping_tokens,
    selects,
)
from tests.discord_fake.running import running_client, stop_client
from tests.discord_fake.server import FakeDiscord, Fault, WaitTimeout

__all__ = [
    "FakeAttachment",
    "FakeDiscord",
    "FakeUser",
    "Fault",
    "InteractionHandle",
    "MessageHandle",
    "RecordedRequest",
    "WaitTimeout",
    "blocks_every_ping",
    "button_labels",
    "buttons",
    "limit_violations",
    "message_text",
    "ping_tokens",
    "running_client",
    "selects",
    "stop_client",
]
