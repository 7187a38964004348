"""The tables. Times are naive UTC; user ids are never stored, only their salted hash (votes).

A vote belongs to the answer message it was pressed under (`message_id`): the question row of
that message holds the question, whether it was answered and, in `shown_quotes`, the quotes it
showed. Linking by message id rather than by row id lets a vote be written whether or not the
question's row is written yet, and by whichever process of a sharded bot receives it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

HASH_LENGTH = 32  # hex digits of a user's salted hash: 128 bits
TEXT_LIMIT = 4000  # a question or comment is cut to this (Discord's own limits are lower)


class Base(DeclarativeBase):
    pass


class Question(Base):
    """One question asked with /ask or a mention, and what became of it."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    day: Mapped[date] = mapped_column(Date, index=True)  # the UTC day, for questions per day
    guild_id: Mapped[int | None] = mapped_column(BigInteger)  # None in direct messages
    via: Mapped[str] = mapped_column(String(16))  # "ask" or "mention"
    text: Mapped[str | None] = mapped_column(Text)  # None once purged, or when never kept
    language: Mapped[str] = mapped_column(String(8))
    answered: Mapped[bool] = mapped_column(Boolean)
    quote_count: Mapped[int] = mapped_column(Integer)
    message_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)  # the answer message
    quotes: Mapped[list[ShownQuote]] = relationship(
        cascade="all, delete-orphan", order_by="ShownQuote.rank", lazy="raise"
    )


class ShownQuote(Base):
    """A quote an answer showed: its document and passage, and its place in the answer."""

    __tablename__ = "shown_quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer)  # 1 for the first quote of the answer
    document_id: Mapped[str] = mapped_column(String(512), index=True)
    document_title: Mapped[str] = mapped_column(String(512))
    passage_id: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int | None] = mapped_column(Integer)


class Vote(Base):
    """One reader's Helpful / Not helpful on one answer (pressing again changes it)."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("message_id", "user_hash", name="one_vote_per_reader"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(BigInteger, index=True)
    user_hash: Mapped[str] = mapped_column(String(HASH_LENGTH))
    helpful: Mapped[bool] = mapped_column(Boolean)
    page: Mapped[int] = mapped_column(Integer)  # the page the reader saw (0 is the first)
    voted_at: Mapped[datetime] = mapped_column(DateTime)
    comment: Mapped[str | None] = mapped_column(Text)
    commented_at: Mapped[datetime | None] = mapped_column(DateTime)


class GuildSettings(Base):
    """A server's own choices; None means "the bot's default" (its environment)."""

    __tablename__ = "guild_settings"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    mention_channels: Mapped[list[Any]] = mapped_column(JSON)  # ids as strings; [] everywhere
    quotes_per_page: Mapped[int | None] = mapped_column(Integer)
    private_answers: Mapped[bool | None] = mapped_column(Boolean)
    reply_language: Mapped[str | None] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Meta(Base):
    """Values the processes sharing a database must agree on (the generated user salt)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
