"""Feedback through the local Discord: votes and comments stored, and kept across a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot import records_texts
from bot.storage.database import Database, sqlite_url
from bot.storage.schema import Question, ShownQuote, Vote
from tests.discord_fake import FakeDiscord, button_labels
from tests.e2e.conftest import LogCollector, run_lingnan

QUESTION = "artificial intelligence and robotics"


async def stored(path: Path) -> tuple[list[Question], list[ShownQuote], list[Vote]]:
    database = await Database.open(sqlite_url(path))
    try:
        async with database.sessions() as session:
            questions = list((await session.scalars(select(Question))).all())
            quotes = list((await session.scalars(select(ShownQuote))).all())
            votes = list((await session.scalars(select(Vote))).all())
    finally:
        await database.close()
    return questions, quotes, votes


async def test_votes_and_comments_are_stored_and_survive_a_restart(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """Any reader's vote and comment are stored with the question and its quotes; after a
    restart the old answer's buttons still work and pressing the other one changes the vote."""
    fake, path = fake_discord, tmp_path / "feedback.db"
    async with run_lingnan(fake, log_records, seeds_copy, library, database_path=path) as running:
        answer = await (
            await fake.send_slash_command("ask", {"question": QUESTION}, user=fake.alice)
        ).wait_answer(timeout=15)
        assert {records_texts.HELPFUL_LABEL(), records_texts.NOT_HELPFUL_LABEL()} <= set(
            button_labels(answer)
        )
        pressed = await fake.press_button(
            answer, label=records_texts.HELPFUL_LABEL(), user=fake.bob
        )
        thanks = await pressed.wait_answer(timeout=10)
        assert pressed.ephemeral and "helpful" in thanks["content"]
        opened = await fake.press_button(thanks, label=records_texts.COMMENT_LABEL(), user=fake.bob)
        await opened.wait_callback(timeout=10)
        assert opened.callback_type == 9  # a form
        comment = {"comment": "exactly the figure I needed"}
        sent = await fake.submit_modal(opened, comment, user=fake.bob)
        assert (await sent.wait_answer(timeout=10))["content"] == records_texts.COMMENT_THANKS()
        assert not running.problems(), running.problems()
    async with run_lingnan(fake, log_records, seeds_copy, library, database_path=path) as running:
        pressed = await fake.press_button(
            answer, label=records_texts.NOT_HELPFUL_LABEL(), user=fake.bob
        )
        assert "not helpful" in (await pressed.wait_answer(timeout=10))["content"]
        assert not running.problems(), running.problems()
    questions, quotes, votes = await stored(path)
    (question,) = questions
    assert question.text == QUESTION and question.answered and question.via == "ask"
    assert question.message_id == int(answer["id"])
    expected = library.search(QUESTION, top_k=15).results
    assert [q.document_id for q in sorted(quotes, key=lambda q: q.rank)] == [
        r.document.id for r in expected
    ]
    (vote,) = votes  # bob's, changed by his second press
    assert not vote.helpful and vote.comment == "exactly the figure I needed"
    assert vote.message_id == int(answer["id"])


async def test_mention_replies_carry_vote_buttons_and_are_recorded(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """A mention's reply has the vote buttons; the question is stored as asked by mention."""
    fake, path = fake_discord, tmp_path / "mentions.db"
    async with run_lingnan(fake, log_records, seeds_copy, library, database_path=path):
        reply = await (await fake.send_message(QUESTION)).wait_reply(timeout=15)
        assert records_texts.HELPFUL_LABEL() in button_labels(reply)
        pressed = await fake.press_button(reply, label=records_texts.NOT_HELPFUL_LABEL())
        await pressed.wait_answer(timeout=10)
    questions, _, votes = await stored(path)
    assert [q.via for q in questions] == ["mention"]
    assert [v.message_id for v in votes] == [int(reply["id"])]
