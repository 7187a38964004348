"""What bot processes stored, and said they stored, read by a test: the votes and questions in
the database, the salt of its reader hashes, whether the file is whole, the commit lines."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from bot.storage.database import Database
from bot.storage.recorder import SALT_KEY
from bot.storage.schema import Meta, Question, Vote
from bot.storage.writes import VoteCast

# The writer's DEBUG line after each transaction: "... bot.storage.writer: committed 3 writes:
# <write>; <write>; <write>", each write as its describe() names it.
COMMIT_LINE = "bot.storage.writer: committed "
WRITES_START = " writes: "
WRITES_SEPARATOR = "; "
VOTE_MARK = " vote on message "  # in every vote's line, as vote_line writes it

VoteKey = tuple[int, str]  # (answer message id, reader hash)


@dataclass(frozen=True)
class Stored:
    votes: dict[VoteKey, bool]  # helpful or not, per reader and answer
    question_guilds: list[int | None]  # the server of each question row
    salt: bytes | None  # the generated salt of the reader hashes (None: none generated)


async def read_stored(url: str) -> Stored:
    """The database's votes, questions and salt, by plain queries (no migration run)."""
    database = Database(url)
    try:
        async with database.sessions() as session:
            votes = (
                await session.execute(select(Vote.message_id, Vote.user_hash, Vote.helpful))
            ).all()
            guilds = (await session.scalars(select(Question.guild_id))).all()
            salt = await session.scalar(select(Meta.value).where(Meta.key == SALT_KEY))
    finally:
        await database.close()
    return Stored(
        votes={(message, reader): helpful for message, reader, helpful in votes},
        question_guilds=list(guilds),
        salt=bytes.fromhex(salt) if salt is not None else None,
    )


def sqlite_integrity(path: Path) -> str:
    """SQLite's own check of the file (and its write-ahead log): "ok" when whole."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    connection.close()
    return "; ".join(str(row[0]) for row in rows)


def vote_line(message_id: int, reader: str, helpful: bool) -> str:
    """How the writer names this vote in its log."""
    return VoteCast(message_id, reader, helpful, 0, datetime.min).describe()


def committed_writes(lines: list[str]) -> list[str]:
    """Every write the process logged as committed, in order."""
    writes: list[str] = []
    for line in lines:
        if COMMIT_LINE in line:
            writes += line.partition(WRITES_START)[2].split(WRITES_SEPARATOR)
    return writes


def committed_votes(lines: list[str]) -> list[str]:
    """The lines of the votes the process logged as committed, in order."""
    return [write for write in committed_writes(lines) if VOTE_MARK in write]
