"""/timeline through the local Discord: a topic's quotes oldest first, each once, paged (issue
12). The corpus is the seeds plus a copy of ../shared/dev-corpus/docs, read at run time."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.discord_fake import FakeDiscord, buttons
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed, plain

DEV_DOCS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus" / "docs"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NEXT = "\u25b6"
# "**16 Jan 2025** · source — sentence" (the date's spaces do not break).
LINE = re.compile(
    r"^\*\*(\d{1,2}\u00a0[A-Z][a-z]{2}\u00a0\d{4}|undated)\*\* \u00b7 (.+?) \u2014 (.+)$"
)


@pytest.fixture
async def with_dev_corpus(
    fake_discord: FakeDiscord, log_records: LogCollector, tmp_path: Path
) -> AsyncIterator[RunningBot]:
    """The bot over the seeds plus a copy of the development corpus's documents."""
    if not DEV_DOCS.is_dir():
        pytest.skip("needs ../shared/dev-corpus/docs")
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(DEV_DOCS, corpus / "dev")
    async with run_lingnan(fake_discord, log_records, corpus) as running:
        yield running
        problems = running.problems()
    assert not problems, "\n".join(problems)


async def every_page(fake: FakeDiscord, answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The answer's pages, turned with ▶ until it is disabled."""
    pages = [answer]
    while any(b.get("label") == NEXT and not b.get("disabled") for b in buttons(pages[-1])):
        pressed = await fake.press_button(pages[-1], label=NEXT)
        pages.append(await pressed.wait_answer(timeout=15))
    return pages


def timeline_lines(page: dict[str, Any]) -> list[re.Match[str]]:
    lines = embed(page)["description"].split("\n")
    assert lines[0].startswith("-# Oldest first"), lines[0]
    matches = [LINE.match(line) for line in lines[1:]]
    assert all(matches), lines
    return [m for m in matches if m]


@pytest.mark.timeout(120)
async def test_governor_timeline_is_dated_oldest_first_without_repeats(
    with_dev_corpus: RunningBot,
) -> None:
    """/timeline governor: dated lines in date order, then any undated ones; no sentence twice."""
    fake = with_dev_corpus.fake
    asked = await fake.send_slash_command("timeline", {"topic": "governor"})
    answer = await asked.wait_answer(timeout=60)
    assert not asked.ephemeral
    lines = [line for page in await every_page(fake, answer) for line in timeline_lines(page)]
    dated = [m for m in lines if m[1] != "undated"]
    assert len(dated) >= 3
    days = [dt.datetime.strptime(m[1].replace("\u00a0", " "), "%d %b %Y") for m in dated]
    assert days == sorted(days)
    assert lines[: len(dated)] == dated, "undated lines come last"
    sentences = [plain(m[3]) for m in lines]
    assert len(sentences) == len(set(sentences)), sentences
    assert any("Wang Weizhong" in s for s in sentences)


async def test_a_topic_the_corpus_lacks_is_said_privately(lingnan: RunningBot) -> None:
    """/timeline on the Eiffel tower: one private sentence, no empty timeline."""
    asked = await lingnan.fake.send_slash_command("timeline", {"topic": "Eiffel tower"})
    answer = await asked.wait_answer(timeout=15)
    assert asked.ephemeral
    assert "no passage on \u201cEiffel tower\u201d" in plain(embed(answer)["description"])
