"""The database on SQLite and PostgreSQL: migrations, batched writes, votes, privacy, purges."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cards import Answer, Card, Origin, QuoteShown
from bot.storage.database import Database, DatabaseError, async_url
from bot.storage.recorder import Recorder, shared_salt
from bot.storage.schema import Question, ShownQuote, Vote
from bot.storage.server_settings import ServerSettings, ServerSettingsStore

NOW = datetime(2025, 5, 20, 12, 0, 0)
QUOTES = (QuoteShown("doc-a", "Report A", 7, 2), QuoteShown("doc-b", "Report B", 9, 1))


def found(question: str) -> Answer:
    return Answer((Card("t"),), origin=Origin("ask", question), quotes=QUOTES)


def recorder_for(database: Database, keep_days: int = 90, now: datetime = NOW) -> Recorder:
    recorder = Recorder(database, salt=b"pepper", keep_days=keep_days, clock=lambda: now)
    recorder.writer.start()
    return recorder


async def count(database: Database, column: object) -> int:
    async with database.transaction() as session:
        return int(await session.scalar(select(func.count(column))) or 0)  # type: ignore[arg-type]


async def test_migrations_run_once_and_again_harmlessly(database_url: str) -> None:
    """A second start finds the schema at its latest version and changes nothing."""
    first = await Database.open(database_url)
    second = await Database.open(database_url)
    try:
        async with second.transaction() as session:
            version = await session.scalar(text("SELECT version_num FROM alembic_version"))
        assert version == "0001"
    finally:
        await first.close()
        await second.close()


async def test_question_is_stored_with_its_quotes(database: Database) -> None:
    """A question keeps its text, language, answered flag, message and the quotes shown."""
    recorder = recorder_for(database)
    recorder.question(
        guild_id=5, via="ask", question="robots?", answer=found("robots?"), message_id=42
    )
    await recorder.close()
    async with database.sessions() as session:
        stored = (await session.scalars(select(Question))).one()
        quotes = (await session.scalars(select(ShownQuote).order_by(ShownQuote.rank))).all()
    assert (stored.text, stored.answered, stored.message_id, stored.guild_id) == (
        "robots?",
        True,
        42,
        5,
    )
    assert stored.day.isoformat() == "2025-05-20" and stored.language == "en"
    assert [(q.rank, q.document_id, q.passage_id) for q in quotes] == [
        (1, "doc-a", 7),
        (2, "doc-b", 9),
    ]


async def test_a_reader_votes_once_and_pressing_again_changes_the_vote(database: Database) -> None:
    """Two presses by one reader are one vote, the last; another reader's is a second vote."""
    recorder = recorder_for(database)
    recorder.vote(message_id=42, user_id=1, helpful=True, page=0)
    recorder.vote(message_id=42, user_id=1, helpful=False, page=1)
    recorder.vote(message_id=42, user_id=2, helpful=True, page=0)
    await recorder.close()
    async with database.sessions() as session:
        votes = (await session.scalars(select(Vote).order_by(Vote.id))).all()
    assert [(v.helpful, v.page) for v in votes] == [(False, 1), (True, 0)]


async def test_user_ids_are_stored_only_as_salted_hashes(database: Database) -> None:
    """No column holds the user id; the hash depends on the salt."""
    recorder = recorder_for(database)
    user = 123456789012345678
    recorder.vote(message_id=1, user_id=user, helpful=True, page=0)
    await recorder.close()
    async with database.sessions() as session:
        stored = (await session.scalars(select(Vote))).one()
    assert str(user) not in stored.user_hash and len(stored.user_hash) == 32
    other = Recorder(database, salt=b"salt", keep_days=90)
    assert other.user_hash(user) != stored.user_hash


async def test_generated_salt_is_shared_by_every_process(database_url: str) -> None:
    """Two connections to one database get the same salt, generated once."""
    first = await Database.open(database_url)
    second = await Database.open(database_url)
    try:
        assert await shared_salt(first) == await shared_salt(second)
    finally:
        await first.close()
        await second.close()


async def test_comments_are_kept_on_the_vote(database: Database) -> None:
    """A comment lands on the reader's vote of that answer."""
    recorder = recorder_for(database)
    recorder.vote(message_id=9, user_id=1, helpful=False, page=0)
    recorder.comment(message_id=9, user_id=1, text="missing the 2024 figure")
    await recorder.close()
    async with database.sessions() as session:
        vote = (await session.scalars(select(Vote))).one()
    assert vote.comment == "missing the 2024 figure" and vote.commented_at == NOW


async def test_keep_zero_days_stores_no_text(database: Database) -> None:
    """With LINGNAN_KEEP_QUESTIONS_DAYS=0 neither questions nor comments are written."""
    recorder = recorder_for(database, keep_days=0)
    recorder.question(guild_id=None, via="mention", question="q", answer=found("q"), message_id=1)
    recorder.vote(message_id=1, user_id=1, helpful=False, page=0)
    recorder.comment(message_id=1, user_id=1, text="secret")
    await recorder.close()
    async with database.sessions() as session:
        question = (await session.scalars(select(Question))).one()
        vote = (await session.scalars(select(Vote))).one()
    assert question.text is None and vote.comment is None and question.answered


async def test_purge_deletes_old_texts_and_keeps_the_counts(database: Database) -> None:
    """Texts older than the kept days go; the rows (and so the figures) stay."""
    old = recorder_for(database, keep_days=90, now=NOW - timedelta(days=91))
    old.question(guild_id=1, via="ask", question="old", answer=found("old"), message_id=1)
    old.vote(message_id=1, user_id=1, helpful=True, page=0)
    old.comment(message_id=1, user_id=1, text="old comment")
    await old.writer.close()
    recent = recorder_for(database, keep_days=90)
    recent.question(guild_id=1, via="ask", question="new", answer=found("new"), message_id=2)
    recent.purge()
    await recent.writer.close()
    async with database.sessions() as session:
        texts = (await session.execute(select(Question.text).order_by(Question.id))).scalars()
        comment = await session.scalar(select(Vote.comment))
    assert list(texts) == [None, "new"] and comment is None


async def test_a_failed_write_loses_only_itself_and_is_logged(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """A write that breaks a rule (a second record of one message) fails alone, logged."""
    recorder = recorder_for(database)
    for message in (1, 1, 2):
        recorder.question(
            guild_id=1, via="ask", question="q", answer=found("q"), message_id=message
        )
    with caplog.at_level(logging.ERROR, logger="bot.storage.writer"):
        await recorder.close()
    assert await count(database, Question.id) == 2
    assert any("not stored" in r.getMessage() for r in caplog.records)


async def test_each_commit_is_logged_at_debug_with_its_writes(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """A committed transaction is one DEBUG line naming its writes, a vote by its answer's
    message and the reader's hash: what a kill can no longer lose."""
    recorder = recorder_for(database)
    recorder.vote(message_id=7, user_id=42, helpful=False, page=0)
    with caplog.at_level(logging.DEBUG, logger="bot.storage.writer"):
        await recorder.close()
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("committed")]
    assert lines == [
        f"committed 1 writes: a not helpful vote on message 7 by reader {recorder.user_hash(42)}"
    ]


async def test_a_burst_is_written_in_few_transactions(database: Database) -> None:
    """500 votes queued at once are stored in batches, each one transaction."""
    recorder = recorder_for(database)
    for user in range(500):
        recorder.vote(message_id=7, user_id=user, helpful=user % 2 == 0, page=0)
    transactions = 0
    original = database.transaction

    def counted() -> Any:
        nonlocal transactions
        transactions += 1
        return original()

    database.transaction = counted  # type: ignore[method-assign]
    await recorder.close()
    assert await count(database, Vote.id) == 500
    assert transactions <= 5


async def test_a_batch_of_votes_is_a_few_statements(database: Database) -> None:
    """500 votes queued at once are written with one statement per 150 rows, not one each,
    and each reader's last press is the one stored."""
    recorder = recorder_for(database)
    for user in range(500):
        recorder.vote(message_id=7, user_id=user, helpful=False, page=0)
    recorder.vote(message_id=7, user_id=3, helpful=True, page=2)  # pressed again: this wins
    statements = 0
    original = AsyncSession.execute

    async def counted(self: AsyncSession, *args: Any, **kwargs: Any) -> Any:
        nonlocal statements
        statements += 1
        return await original(self, *args, **kwargs)

    AsyncSession.execute = counted  # type: ignore[method-assign]
    try:
        await recorder.close()
    finally:
        AsyncSession.execute = original  # type: ignore[method-assign]
    assert await count(database, Vote.id) == 500
    assert statements <= 10
    async with database.sessions() as session:
        third = (await session.scalars(select(Vote).where(Vote.page == 2))).all()
    assert [(v.user_hash, v.helpful) for v in third] == [(recorder.user_hash(3), True)]


async def test_server_settings_survive_a_restart(database_url: str) -> None:
    """Saved settings are read back by a new store on a new connection."""
    first = await Database.open(database_url)
    chosen = ServerSettings(
        mention_channels=(11, 12), quotes_per_page=2, private_answers=True, reply_language="de"
    )
    try:
        store = ServerSettingsStore()
        await store.load(first)
        await store.save(77, chosen)
    finally:
        await first.close()
    second = await Database.open(database_url)
    try:
        again = ServerSettingsStore()
        await again.load(second)
        assert again.get(77) == chosen and again.get(78) == ServerSettings()
    finally:
        await second.close()


def test_urls_get_the_async_driver_and_other_databases_are_refused() -> None:
    """postgresql:// and sqlite:// gain their async drivers; MySQL is refused in one line."""
    assert async_url("postgresql://u:p@h/db").drivername == "postgresql+asyncpg"
    assert async_url("sqlite:///x.db").drivername == "sqlite+aiosqlite"
    with pytest.raises(DatabaseError, match="not mysql"):
        async_url("mysql://h/db")


async def test_an_unreachable_database_is_one_line_without_the_password() -> None:
    """A PostgreSQL that does not answer gives a DatabaseError that hides the password."""
    with pytest.raises(DatabaseError) as raised:
        await Database.open("postgresql://lingnan:hunter2@127.0.0.1:1/db")
    message = str(raised.value)
    assert "hunter2" not in message and "\n" not in message
