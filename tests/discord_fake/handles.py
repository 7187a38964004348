"""Handles returned by the driving API: what one interaction or message got back from the bot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.discord_fake.payloads import MESSAGE_FLAG_EPHEMERAL, MESSAGE_FLAG_LOADING
from tests.discord_fake.records import RecordedRequest

if TYPE_CHECKING:
    from tests.discord_fake.server import FakeDiscord

# Interaction callback types (Discord's InteractionResponseType).
PONG = 1
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
MODAL = 9


@dataclass
class InteractionHandle:
    """One INTERACTION_CREATE the fake dispatched, and every reply the bot made to it."""

    fake: FakeDiscord
    payload: dict[str, Any]
    dispatched_at: float
    callbacks: list[RecordedRequest] = field(default_factory=list)  # accepted callbacks only
    rejected_callbacks: list[RecordedRequest] = field(default_factory=list)
    original_message_id: str | None = None
    followup_ids: list[str] = field(default_factory=list)
    edits: list[RecordedRequest] = field(default_factory=list)
    # follow-ups that filled a deferred reply, whose ephemeral flag Discord therefore ignored
    ignored_followup_flags: list[RecordedRequest] = field(default_factory=list)
    replied_at: float | None = None  # when the user first saw an answer (not a "thinking..." state)

    @property
    def id(self) -> str:
        return self.payload["id"]

    @property
    def token(self) -> str:
        return self.payload["token"]

    @property
    def type(self) -> int:
        return self.payload["type"]

    @property
    def callback(self) -> dict[str, Any] | None:
        """The body of the accepted callback: {"type": ..., "data": ...}."""
        return self.callbacks[0].json if self.callbacks else None

    @property
    def callback_type(self) -> int | None:
        callback = self.callback
        return None if callback is None else callback.get("type")

    @property
    def ephemeral(self) -> bool:
        """Whether the answer the user sees is visible only to them."""
        message = self.answer or self.original_message
        if message is not None:
            return bool(int(message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL)
        callback = self.callback or {}
        flags = int((callback.get("data") or {}).get("flags") or 0)
        return bool(flags & MESSAGE_FLAG_EPHEMERAL)

    @property
    def original_message(self) -> dict[str, Any] | None:
        if self.original_message_id is None:
            return None
        return self.fake.messages.get(self.original_message_id)

    @property
    def followups(self) -> list[dict[str, Any]]:
        return [self.fake.messages[i] for i in self.followup_ids if i in self.fake.messages]

    @property
    def answer(self) -> dict[str, Any] | None:
        """The message the user sees as the answer: the original reply once it has content,
        else the first follow-up; for a button press answered by editing, the edited message
        (once edited, when the press was acknowledged first)."""
        original = self.original_message
        waiting = self.callback_type == DEFERRED_UPDATE_MESSAGE and not self.edits
        loading = original is not None and int(original.get("flags") or 0) & MESSAGE_FLAG_LOADING
        if original is not None and not loading and not waiting:
            return original
        followups = self.followups
        return followups[0] if followups else None

    @property
    def choices(self) -> list[dict[str, Any]] | None:
        """Autocomplete choices the bot answered with, or None before it answered."""
        callback = self.callback
        if callback is None or callback.get("type") != AUTOCOMPLETE_RESULT:
            return None
        return list((callback.get("data") or {}).get("choices") or [])

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every message this interaction produced or edited, original first."""
        found = [self.original_message] if self.original_message else []
        return found + [m for m in self.followups if m["id"] != self.original_message_id]

    @property
    def latency(self) -> float | None:
        """Seconds from dispatch to the first answer the user could read."""
        return None if self.replied_at is None else self.replied_at - self.dispatched_at

    async def wait_callback(self, timeout: float = 5.0) -> dict[str, Any]:
        """The interaction callback body, once the bot has sent it."""
        await self.fake.wait_until(
            lambda: self.callbacks, timeout, f"a callback to interaction {self.describe()}"
        )
        return self.callback  # type: ignore[return-value]

    async def wait_answer(self, timeout: float = 5.0) -> dict[str, Any]:
        """The message the user sees as the answer, once there is one (deferrals are followed)."""
        await self.fake.wait_until(
            lambda: self.answer is not None, timeout, f"an answer to {self.describe()}"
        )
        return self.answer  # type: ignore[return-value]

    async def wait_choices(self, timeout: float = 5.0) -> list[dict[str, Any]]:
        await self.fake.wait_until(
            lambda: self.choices is not None, timeout, f"autocomplete choices for {self.describe()}"
        )
        return self.choices  # type: ignore[return-value]

    async def wait_followups(self, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        await self.fake.wait_until(
            lambda: len(self.followup_ids) >= count,
            timeout,
            f"{count} follow-up(s) to {self.describe()}",
        )
        return self.followups

    def describe(self) -> str:
        data = self.payload.get("data") or {}
        what = data.get("name") or data.get("custom_id") or "?"
        return f"interaction {self.id} (type {self.type}, {what!r})"


@dataclass
class MessageHandle:
    """One MESSAGE_CREATE a user wrote, and the bot's replies to it."""

    fake: FakeDiscord
    payload: dict[str, Any]
    dispatched_at: float
    reply_ids: list[str] = field(default_factory=list)
    replied_at: float | None = None

    @property
    def id(self) -> str:
        return self.payload["id"]

    @property
    def replies(self) -> list[dict[str, Any]]:
        return [self.fake.messages[i] for i in self.reply_ids if i in self.fake.messages]

    @property
    def latency(self) -> float | None:
        return None if self.replied_at is None else self.replied_at - self.dispatched_at

    async def wait_reply(self, timeout: float = 5.0) -> dict[str, Any]:
        """The bot's first reply to this message (a message referencing it)."""
        await self.fake.wait_until(lambda: self.reply_ids, timeout, f"a reply to message {self.id}")
        return self.replies[0]
