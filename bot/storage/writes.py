"""The writes the bot makes: a question and its quotes, a vote, a comment, settings, a purge.

Each is applied inside the writer's batch transaction. Votes and settings are upserts (one row
per reader and answer, one per server) in the dialect's own `INSERT ... ON CONFLICT`, so that
two processes writing the same row never fail on each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cards import QuoteShown
from bot.storage.schema import TEXT_LIMIT, GuildSettings, Question, ShownQuote, Vote

# Rows in one INSERT: five columns each stay under SQLite's oldest limit of 999 variables.
ROWS_PER_STATEMENT = 150


def upsert(session: AsyncSession, table: Any, values: dict[str, Any], keys: Sequence[str]) -> Any:
    """INSERT `values`, or UPDATE the row with the same `keys` to them."""
    return upsert_rows(session, table, [values], keys)


def upsert_rows(
    session: AsyncSession, table: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> Any:
    """INSERT `rows` (each with the same columns, no two with the same `keys`), each row that
    exists UPDATEd to its values instead: one statement."""
    dialect = session.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    statement = insert(table).values(list(rows))
    changes = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=changes)


async def apply_all(writes: Sequence[Any], session: AsyncSession) -> None:
    """Apply `writes` in order, each run of votes as one statement."""
    votes: list[VoteCast] = []
    for write in writes:
        if isinstance(write, VoteCast):
            votes.append(write)
            continue
        if votes:
            await VoteCast.apply_many(votes, session)
            votes = []
        await write.apply(session)
    if votes:
        await VoteCast.apply_many(votes, session)


def insert_new(session: AsyncSession, table: Any, values: dict[str, Any]) -> Any:
    """INSERT `values` unless a row with the same key exists (then nothing changes)."""
    dialect = session.get_bind().dialect.name
    insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    return insert(table).values(**values).on_conflict_do_nothing()


@dataclass(frozen=True)
class QuestionAsked:
    asked_at: datetime
    guild_id: int | None
    via: str
    text: str | None  # None when question texts are not kept
    language: str
    answered: bool
    quotes: tuple[QuoteShown, ...]
    message_id: int | None

    async def apply(self, session: AsyncSession) -> None:
        session.add(
            Question(
                asked_at=self.asked_at,
                day=self.asked_at.date(),
                guild_id=self.guild_id,
                via=self.via,
                text=self.text[:TEXT_LIMIT] if self.text is not None else None,
                language=self.language,
                answered=self.answered,
                quote_count=len(self.quotes),
                message_id=self.message_id,
                quotes=[
                    ShownQuote(
                        rank=rank,
                        document_id=quote.document_id[:512],
                        document_title=quote.document_title[:512],
                        passage_id=quote.passage_id,
                        paragraph=quote.paragraph,
                    )
                    for rank, quote in enumerate(self.quotes, start=1)
                ],
            )
        )

    def describe(self) -> str:
        return f"the question answered by message {self.message_id}"


@dataclass(frozen=True)
class VoteCast:
    message_id: int
    user_hash: str
    helpful: bool
    page: int
    voted_at: datetime

    async def apply(self, session: AsyncSession) -> None:
        await VoteCast.apply_many([self], session)

    def values(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "user_hash": self.user_hash,
            "helpful": self.helpful,
            "page": self.page,
            "voted_at": self.voted_at,
        }

    @staticmethod
    async def apply_many(votes: Sequence[VoteCast], session: AsyncSession) -> None:
        """Store `votes` in one statement (a burst is hundreds: one round trip each kept the
        writer seconds behind); a reader's later press in the batch wins, as it would one by
        one (PostgreSQL refuses one statement updating a row twice)."""
        last = {(vote.message_id, vote.user_hash): vote for vote in votes}
        rows = [vote.values() for vote in last.values()]
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            chunk = rows[start : start + ROWS_PER_STATEMENT]
            await session.execute(
                upsert_rows(session, Vote.__table__, chunk, ("message_id", "user_hash"))
            )

    def describe(self) -> str:
        kind = "helpful" if self.helpful else "not helpful"
        return f"a {kind} vote on message {self.message_id} by reader {self.user_hash}"


@dataclass(frozen=True)
class CommentGiven:
    message_id: int
    user_hash: str
    text: str
    at: datetime

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(
            update(Vote)
            .where(Vote.message_id == self.message_id, Vote.user_hash == self.user_hash)
            .values(comment=self.text[:TEXT_LIMIT], commented_at=self.at)
        )

    def describe(self) -> str:
        return f"a comment on message {self.message_id}"


@dataclass(frozen=True)
class SettingsChanged:
    guild_id: int
    mention_channels: tuple[int, ...]
    quotes_per_page: int | None
    private_answers: bool | None
    reply_language: str | None
    at: datetime

    async def apply(self, session: AsyncSession) -> None:
        values = {
            "guild_id": self.guild_id,
            "mention_channels": [str(channel) for channel in self.mention_channels],
            "quotes_per_page": self.quotes_per_page,
            "private_answers": self.private_answers,
            "reply_language": self.reply_language,
            "updated_at": self.at,
        }
        await session.execute(upsert(session, GuildSettings.__table__, values, ("guild_id",)))

    def describe(self) -> str:
        return f"the settings of server {self.guild_id}"


@dataclass(frozen=True)
class OldTextPurged:
    """Question texts and comments older than `before` are deleted (the rows stay, counted)."""

    before: datetime

    async def apply(self, session: AsyncSession) -> None:
        await session.execute(
            update(Question)
            .where(Question.asked_at < self.before, Question.text.is_not(None))
            .values(text=None)
        )
        await session.execute(
            update(Vote)
            .where(Vote.commented_at < self.before, Vote.comment.is_not(None))
            .values(comment=None)
        )

    def describe(self) -> str:
        return f"the purge of texts from before {self.before:%Y-%m-%d %H:%M}"
