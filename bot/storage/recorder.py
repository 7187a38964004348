"""What the bot records as it answers, in one place: questions, votes, comments, and the purge of
old texts. Every method queues its write and returns at once; nothing here can fail an answer.

Privacy: a user id is stored only as a salted hash (HMAC-SHA-256, 128 bits), enough to count one
vote per reader and never enough to name them without the salt. Question texts and comments are
kept `keep_days` days (0: never written), then deleted; the counts stay.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.cards import Answer
from bot.settings import Settings
from bot.storage.database import Database, sqlite_url, utc_now
from bot.storage.schema import HASH_LENGTH, Meta
from bot.storage.writer import WriteQueue
from bot.storage.writes import CommentGiven, OldTextPurged, QuestionAsked, VoteCast, insert_new
from retrieval.languages import detect_language

log = logging.getLogger(__name__)

PURGE_EVERY = 3600.0  # seconds between purges of old texts
SALT_KEY = "user_salt"


def user_hash(salt: bytes, user_id: int) -> str:
    """How a user id is stored: its salted HMAC-SHA-256, shortened to HASH_LENGTH hex digits."""
    digest = hmac.new(salt, str(user_id).encode("ascii"), hashlib.sha256)
    return digest.hexdigest()[:HASH_LENGTH]


def database_url_of(settings: Settings) -> str:
    """The configured database URL, or the SQLite file's."""
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return sqlite_url(settings.database_file.resolve()).render_as_string(hide_password=False)


async def shared_salt(database: Database) -> bytes:
    """The salt every process sharing `database` uses: generated once, by whoever comes first,
    and never overwritten (every stored hash depends on it)."""
    async with database.transaction() as session:
        values = {"key": SALT_KEY, "value": secrets.token_hex(32)}
        await session.execute(insert_new(session, Meta.__table__, values))
        stored = await session.scalar(select(Meta.value).where(Meta.key == SALT_KEY))
    if stored is None:  # the row was inserted or already there within this transaction
        raise RuntimeError("the user salt could not be stored")
    return bytes.fromhex(stored)


class Recorder:
    """Queues the bot's records; `await Recorder.open(settings)` connects, migrates, starts."""

    def __init__(
        self,
        database: Database,
        *,
        salt: bytes,
        keep_days: int,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.database = database
        self.writer = WriteQueue(database)
        self.salt = salt
        self.keep_days = keep_days
        self.clock = clock
        self._purging: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, settings: Settings) -> Recorder:
        database = await Database.open(database_url_of(settings))
        try:
            if settings.user_salt is not None:
                salt = settings.user_salt.get_secret_value().encode("utf-8")
            else:
                salt = await shared_salt(database)
        except BaseException:
            await database.close()
            raise
        recorder = cls(database, salt=salt, keep_days=settings.keep_questions_days)
        recorder.start()
        return recorder

    def start(self) -> None:
        self.writer.start()
        if self._purging is None:
            self._purging = asyncio.create_task(self._purge_regularly(), name="lingnan-purge")

    async def close(self) -> None:
        """Store what is queued, then disconnect."""
        if self._purging is not None:
            self._purging.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._purging
            self._purging = None
        await self.writer.close()
        await self.database.close()

    @property
    def keeps_text(self) -> bool:
        return self.keep_days > 0

    def user_hash(self, user_id: int) -> str:
        return user_hash(self.salt, user_id)

    def question(
        self,
        *,
        guild_id: int | None,
        via: str,
        question: str,
        answer: Answer,
        message_id: int | None,
    ) -> None:
        """Record a question and the answer sent for it (as message `message_id`)."""
        text = answer.origin.argument if answer.origin is not None else question
        self.writer.submit(
            QuestionAsked(
                asked_at=self.clock(),
                guild_id=guild_id,
                via=via,
                text=text if self.keeps_text else None,
                language=detect_language(text),
                answered=answer.found,
                quotes=answer.quotes,
                message_id=message_id,
            )
        )

    def vote(self, *, message_id: int, user_id: int, helpful: bool, page: int) -> None:
        self.writer.submit(
            VoteCast(message_id, self.user_hash(user_id), helpful, page, self.clock())
        )

    def comment(self, *, message_id: int, user_id: int, text: str) -> None:
        """Record a comment on the reader's vote (nothing when texts are not kept)."""
        if self.keeps_text:
            self.writer.submit(
                CommentGiven(message_id, self.user_hash(user_id), text, self.clock())
            )

    def purge(self) -> None:
        """Delete the texts older than the kept days (all of them when none are kept)."""
        self.writer.submit(OldTextPurged(self.clock() - timedelta(days=self.keep_days)))

    async def flush(self) -> None:
        await self.writer.flush()

    async def _purge_regularly(self) -> None:
        while True:
            self.purge()
            await asyncio.sleep(PURGE_EVERY)
