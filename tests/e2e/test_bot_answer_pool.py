"""Answers are built in the bot's answer pool, and a press is acknowledged before its answer."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.answers import Answers
from bot.cogs.filter_answers import filters_gone_answer
from tests.discord_fake import FakeDiscord, buttons
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed

PAGED_QUESTION = "industrial development Guangdong"
NEXT = "\u25b6"
CITE = "Cite"


@pytest.fixture
def held_rebuilds(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Button answers wait for the returned event before they are built: a queue of answers."""
    release = threading.Event()
    rebuild: Callable[..., Any] = Answers.rebuild

    def held(self: Answers, *args: Any, **keywords: Any) -> Any:
        release.wait(timeout=20)
        return rebuild(self, *args, **keywords)

    monkeypatch.setattr(Answers, "rebuild", held)
    yield release
    release.set()  # never leave a worker waiting


async def test_ask_is_answered_from_the_answer_pool(
    lingnan: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/ask's answer is built on a thread of the bot's answer pool, not on asyncio's pool."""
    threads: list[str] = []
    ask: Callable[..., Any] = Answers.ask

    def recorded(self: Answers, *args: Any, **keywords: Any) -> Any:
        threads.append(threading.current_thread().name)
        return ask(self, *args, **keywords)

    monkeypatch.setattr(Answers, "ask", recorded)
    asked = await lingnan.fake.send_slash_command("ask", {"question": PAGED_QUESTION})
    await asked.wait_answer(timeout=15)
    assert threads and all(name.startswith("answers") for name in threads), threads


async def test_page_button_is_acknowledged_before_its_page_is_built(
    lingnan: RunningBot, held_rebuilds: threading.Event
) -> None:
    """A ▶ pressed while answers are queued is acknowledged at once as an update of its
    message, which then shows page two when it is built."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("ask", {"question": PAGED_QUESTION})
    answer = await asked.wait_answer(timeout=15)
    pressed = await fake.press_button(answer, label=NEXT, user=fake.alice)
    await fake.wait_until(lambda: pressed.callbacks, 5, "the press acknowledged")
    assert pressed.callback_type == 6 and not pressed.edits
    await asyncio.sleep(0.2)
    assert pressed.answer is None  # still page one: nothing shown as the answer yet
    held_rebuilds.set()
    page_two = await pressed.wait_answer(timeout=15)
    assert page_two["id"] == answer["id"]
    assert "2 / " in str(buttons(page_two))
    # The page shown is the one built with its matched words in bold.
    quoted = [line for line in embed(page_two)["description"].split("\n") if line.startswith(">")]
    assert any("**" in line for line in quoted), quoted


async def test_cite_button_is_acknowledged_privately_before_its_citations(
    lingnan: RunningBot, held_rebuilds: threading.Event
) -> None:
    """Cite pressed while answers are queued is acknowledged at once with a private "thinking",
    which the citations then fill, privately."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("ask", {"question": PAGED_QUESTION})
    answer = await asked.wait_answer(timeout=15)
    pressed = await fake.press_button(answer, label=CITE, user=fake.alice)
    await fake.wait_until(lambda: pressed.callbacks, 5, "the press acknowledged")
    assert pressed.callback_type == 5 and pressed.ephemeral
    held_rebuilds.set()
    cited = await pressed.wait_answer(timeout=15)
    assert pressed.ephemeral and cited["content"].startswith(texts.CITE_HEADING())


async def test_page_of_a_message_deleted_meanwhile_is_dropped_quietly(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    held_rebuilds: threading.Event,
) -> None:
    """A message deleted (or a private one dismissed) while its next page was built: the edit
    Discord refuses is the end of it, with nothing said and no error logged."""
    fake = fake_discord
    async with run_lingnan(fake, log_records, seeds_copy, library) as running:
        asked = await fake.send_slash_command("ask", {"question": PAGED_QUESTION})
        answer = await asked.wait_answer(timeout=15)
        pressed = await fake.press_button(answer, label=NEXT, user=fake.alice)
        await fake.wait_until(lambda: pressed.callbacks, 5, "the press acknowledged")
        fake.deleted_messages[answer["id"]] = fake.messages.pop(answer["id"])
        held_rebuilds.set()
        refused = "PATCH /webhooks/{application_id}/{token}/messages/{message_id}"
        await fake.wait_until(
            lambda: any(r.route == refused and r.status == 404 for r in fake.requests),
            15,
            "the edit refused",
        )
        await asyncio.sleep(0.2)  # a sentence after the refused edit would come now
        problems = running.problems()
    assert not pressed.followup_ids
    assert len(problems) == 1 and "Unknown Message" in problems[0], problems


async def test_page_of_a_public_answer_the_corpus_lost_is_told_privately(
    lingnan: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ▶ whose answer the corpus no longer gives (its source filter gone) leaves the public
    answer as everyone saw it and tells the presser alone."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("ask", {"question": PAGED_QUESTION})
    answer = await asked.wait_answer(timeout=15)
    shown = dict(fake.messages[answer["id"]])
    monkeypatch.setattr(Answers, "rebuild", lambda self, *_, **__: filters_gone_answer())
    pressed = await fake.press_button(answer, label=NEXT, user=fake.alice)
    told = await pressed.wait_answer(timeout=15)
    assert told["id"] != answer["id"] and pressed.ephemeral
    assert texts.EXPIRED_BUTTONS_MESSAGE() in str(told["embeds"])
    assert fake.messages[answer["id"]] == shown
