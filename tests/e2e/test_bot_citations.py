"""What the local Discord receives for citations and the buttons that rebuild an answer: a
PDF quote's page, long and escaped questions under Cite and ▶, the speaker in /official's Cite,
and a mention's public nothing-found reply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from tests.discord_fake import FakeDiscord, buttons
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed
from tests.retrieval.pdf_maker import make_pdf

NEXT = "\u25b6"
LONG_QUESTION = ("industrial development Guangdong manufacturing " * 7)[:300].strip()
UNDERSCORED_QUESTION = "industrial development Guangdong " + "_" * 200
PDF_PAGES = [
    ["Harbour freight report", "The report covers the freight handled at the river harbours."],
    ["Warehouses along the river banks were repaired after the spring floods."],
    ["The customs office opened a second hall for inspections of containers."],
    [
        "Twelve refrigerated berths for fishing boats will open at the eastern harbour.",
        "Each berth keeps the catch cold until the trucks arrive.",
    ],
]


async def press(fake: FakeDiscord, message: dict[str, Any], label: str) -> dict[str, Any]:
    pressed = await fake.press_button(message, label=label, user=fake.alice)
    return await pressed.wait_answer(timeout=15)


@pytest.mark.parametrize("question", [LONG_QUESTION, UNDERSCORED_QUESTION], ids=["300", "__"])
async def test_cite_and_pages_work_under_a_question_the_title_cannot_hold(
    lingnan: RunningBot, question: str
) -> None:
    """A 300-character question, or one of escaped underscores, is cut in the title; its
    buttons still rebuild the answer: ▶ shows page 2, Cite sends the citations."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("ask", {"question": question}, user=fake.alice)
    answer = await asked.wait_answer(timeout=15)
    assert embed(answer)["title"].endswith("\u2026\u201d")
    page_two = await press(fake, answer, NEXT)
    assert texts.EXPIRED_BUTTONS_MESSAGE() not in str(page_two)
    assert page_two["id"] == answer["id"]
    assert "page 2/" in embed(page_two)["footer"]["text"]
    cited = await press(fake, page_two, "Cite")
    assert cited["content"].startswith(texts.CITE_HEADING()) and "```" in cited["content"]
    # The whole question, which the title could not hold, is under the answer.
    assert embed(page_two)["footer"]["text"].endswith(f"\n\u201c{question}\u201d")


async def test_officials_cite_names_who_spoke(lingnan: RunningBot) -> None:
    """/official's Cite names the official before each statement's source, as /ask's does."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("official", {"name": "Wang Weizhong"})
    card = await asked.wait_answer(timeout=15)
    cited = await press(fake, card, "Cite")
    lines = [line for line in cited["content"].split("\n") if line.startswith("[")]
    assert lines and all(line.split("] ", 1)[1].startswith("Wang Weizhong, ") for line in lines)


async def test_a_mentions_nothing_found_is_one_short_public_sentence(lingnan: RunningBot) -> None:
    """A mention cannot be answered privately: in a server, nothing found is the sentence and
    one line pointing to /help's examples, not the private answer's list of examples."""
    said = await lingnan.fake.send_message("Who won the football match?")
    reply = await said.wait_reply(timeout=15)
    lines = embed(reply)["description"].split("\n")
    assert len(lines) == 2, lines
    assert lines[0].endswith("(lingnan quotes, it never guesses).")
    assert lines[1].startswith("-# </help:") and "example questions" in lines[1]
    assert not buttons(reply)


@pytest.fixture
async def pdf_bot(
    fake_discord: FakeDiscord, log_records: LogCollector, tmp_path: Path
) -> AsyncIterator[RunningBot]:
    """The bot serving one invented four-page PDF."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    pdf = make_pdf(PDF_PAGES, information={"Title": "Harbour freight report"})
    (folder / "harbour-freight.pdf").write_bytes(pdf)
    async with run_lingnan(fake_discord, log_records, folder) as running:
        yield running
        problems = running.problems()
    assert not problems, "\n".join(problems)


async def test_a_pdf_quote_names_its_page(pdf_bot: RunningBot) -> None:
    """A quote from page 4 of a PDF says "p. 4" in the line under it and in Cite's text."""
    fake = pdf_bot.fake
    asked = await fake.send_slash_command("ask", {"question": "refrigerated berths for fishing"})
    answer = await asked.wait_answer(timeout=30)
    first_block = embed(answer)["description"].split("\n\n")[0]
    assert "refrigerated berths" in first_block
    assert " · p.\u00a04 · " in first_block.split("\n")[-1]
    cited = await press(fake, answer, "Cite")
    assert "p. 4" in cited["content"].split("\n")[2]
