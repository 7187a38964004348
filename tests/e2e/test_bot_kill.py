"""The bot process killed (SIGKILL) during a burst of votes: no vote it committed is lost, the
database is whole, and the bot started again counts every stored vote."""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot import records_texts
from bot.storage.database import sqlite_url
from bot.storage.recorder import user_hash
from tests.conftest import postgres_url
from tests.discord_fake import FakeDiscord, FakeUser, InteractionHandle
from tests.e2e.expect import embed
from tests.e2e.processes import bot_processes
from tests.e2e.stored import committed_votes, read_stored, sqlite_integrity, vote_line

QUESTION = "artificial intelligence and robotics"
SALT = "salt of the kill test"  # set, so that the test knows every reader's hash
MOST_VOTERS = 5_000  # the burst goes on until the kill; this only bounds it
IN_FLIGHT = 50  # presses sent and not yet answered, at most: a burst the bot keeps up with
KILL_AFTER = 30  # votes committed before the kill: a transaction or more in, presses in flight
LABELS = {True: records_texts.HELPFUL_LABEL(), False: records_texts.NOT_HELPFUL_LABEL()}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind (PostgreSQL: pgserver's)."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "votes.db").render_as_string()
    return postgres_url(request.getfixturevalue("postgres_server"))


@dataclass(frozen=True)
class Press:
    voter: FakeUser
    helpful: bool
    handle: InteractionHandle


async def burst_of_votes(
    fake: FakeDiscord, answer: dict[str, Any], stop: asyncio.Event
) -> list[Press]:
    """New readers press Helpful (two in three) or Not helpful under `answer` until `stop`, as
    fast as the fake sends while fewer than IN_FLIGHT wait for an answer: the bot is busy all
    along, but not so far behind that its database writes wait for the whole burst."""
    presses: list[Press] = []
    waiting: list[InteractionHandle] = []

    def room() -> bool:
        waiting[:] = [handle for handle in waiting if not handle.callbacks]
        return stop.is_set() or len(waiting) < IN_FLIGHT

    for number in range(MOST_VOTERS):
        await fake.wait_until(room, 30, "an answer to one of the presses in flight")
        if stop.is_set():
            break
        voter, helpful = fake.add_user(f"voter{number}"), number % 3 != 0
        handle = await fake.press_button(answer, label=LABELS[helpful], user=voter)
        presses.append(Press(voter, helpful, handle))
        waiting.append(handle)
    return presses


@pytest.mark.fake_discord(response_deadline=None)  # under the burst the point is durability
async def test_a_kill_during_a_burst_of_votes_loses_no_committed_vote(
    fake_discord: FakeDiscord,
    library: Any,  # the saved index in the corpus copy, which the processes load
    seeds_copy: Path,
    tmp_path: Path,
    database_url: str,
) -> None:
    """SIGKILL amid a burst of vote presses (more pressed than committed): every vote the bot
    logged as committed is stored as pressed, nothing else is, the database passes its
    integrity check, and the restarted bot's /stats counts every stored vote."""
    fake = fake_discord
    settings = {"killed": {"database_url": database_url, "user_salt": SALT}}
    async with bot_processes(fake, seeds_copy, tmp_path, settings) as started:
        killed = started["killed"]
        answer = await (await fake.send_slash_command("ask", {"question": QUESTION})).wait_answer(
            timeout=30
        )
        stop = asyncio.Event()
        burst = asyncio.create_task(burst_of_votes(fake, answer, stop))
        try:
            await killed.wait_until(
                lambda: len(committed_votes(killed.lines)) >= KILL_AFTER, 45, "commits"
            )
            killed_at = asyncio.get_running_loop().time()
            killed.kill()
        finally:
            stop.set()
            presses = await burst
        assert await killed.exited() == -signal.SIGKILL
        assert not killed.errors(), killed.tail()
    message_id, salt = int(answer["id"]), SALT.encode()
    cast = {(message_id, user_hash(salt, int(p.voter.id))): p.helpful for p in presses}
    named = {vote_line(*key, way): key for key, way in cast.items()}
    logged = committed_votes(killed.lines)
    assert all(line in named for line in logged)  # each vote as it was pressed
    committed = {named[line] for line in logged}
    before_the_kill = [p for p in presses if p.handle.dispatched_at < killed_at]
    assert len(before_the_kill) > len(committed) >= KILL_AFTER  # killed amid the burst

    path = make_url(database_url).database
    if make_url(database_url).get_backend_name() == "sqlite" and path:
        assert sqlite_integrity(Path(path)) == "ok"
    stored = await read_stored(database_url)  # on PostgreSQL: it answers a plain query
    assert all(stored.votes.get(key) == cast[key] for key in committed)
    assert stored.votes.items() <= cast.items()

    settings = {"restarted": settings["killed"]}
    async with bot_processes(fake, seeds_copy, tmp_path, settings) as started:
        asked = await fake.send_slash_command("stats", user=fake.owner)
        fields = {
            f["name"]: f["value"] for f in embed(await asked.wait_answer(timeout=30))["fields"]
        }
        helpful = sum(stored.votes.values())
        share = fields[records_texts.HELPFUL_HEADING()]
        assert share.startswith(f"{helpful} of {len(stored.votes)} "), share
        restarted = started["restarted"]
        assert not restarted.errors(), restarted.tail()
    assert restarted.process.returncode == 0, restarted.tail()  # stopped with Ctrl-C
    assert not fake.ping_violations() and not fake.unknown_requests and not fake.client_errors()


@pytest.mark.fake_discord(response_deadline=None)
async def test_sigterm_stores_every_acknowledged_vote_and_ends_cleanly(
    fake_discord: FakeDiscord,
    library: Any,  # the saved index in the corpus copy, which the processes load
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """SIGTERM (systemd, `docker stop`) after a burst of votes: the bot ends with status 0 and
    every vote it thanked the reader for is stored, as pressed."""
    fake = fake_discord
    database_url = sqlite_url(tmp_path / "votes.db").render_as_string()
    settings = {"terminated": {"database_url": database_url, "user_salt": SALT}}
    async with bot_processes(fake, seeds_copy, tmp_path, settings) as started:
        terminated = started["terminated"]
        answer = await (await fake.send_slash_command("ask", {"question": QUESTION})).wait_answer(
            timeout=30
        )
        presses = []
        for number in range(40):
            voter, helpful = fake.add_user(f"reader{number}"), number % 3 != 0
            handle = await fake.press_button(answer, label=LABELS[helpful], user=voter)
            presses.append(Press(voter, helpful, handle))
        await fake.wait_until(lambda: all(p.handle.callbacks for p in presses), 60, "thanks")
        terminated.process.send_signal(signal.SIGTERM)
        assert await terminated.exited() == 0, terminated.tail()
        assert not terminated.errors(), terminated.tail()
    message_id, salt = int(answer["id"]), SALT.encode()
    cast = {(message_id, user_hash(salt, int(p.voter.id))): p.helpful for p in presses}
    assert (await read_stored(database_url)).votes == cast
