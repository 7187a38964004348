"""Answers an analyst can read and cite (issue 11), checked on what the local Discord receives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.discord_fake import FakeDiscord, buttons
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed, seen

GDP_QUESTION = "What GDP does Guangdong expect for 2024?"
PAGED_QUESTION = "industrial development Guangdong"
NEXT = "\u25b6"


async def ask(fake: FakeDiscord, question: str) -> tuple[Any, dict[str, Any]]:
    asked = await fake.send_slash_command("ask", {"question": question})
    return asked, await asked.wait_answer(timeout=15)


def quote_blocks(description: str) -> list[list[str]]:
    """The answer's blocks (separated by blank lines), each as its lines."""
    return [block.split("\n") for block in description.split("\n\n")]


async def test_every_quote_has_one_short_citation_line(lingnan: RunningBot) -> None:
    """Each quote is followed by exactly one subtext line: number, source, date, paragraph,
    title; the date cannot break across lines; nothing else follows the quote."""
    _, answer = await ask(lingnan.fake, GDP_QUESTION)
    blocks = quote_blocks(embed(answer)["description"])
    quotes = [b for b in blocks if b[0].startswith("> ")]
    assert quotes
    for number, block in enumerate(quotes, start=1):
        *quoted, line = block
        assert all(q.startswith("> ") for q in quoted), block
        assert re.match(rf"-# \*\*{number}\*\* · ", line), line
        assert re.search(r" · \d{1,2}\u00a0[A-Z][a-z]{2}\u00a0\d{4} · \u00b6\u00a0\d+", line), line


async def test_gdp_answer_shows_the_figure_in_bold_first(lingnan: RunningBot) -> None:
    """The GDP question's first quote states the 14 trillion, in bold; "Guangdong", found
    almost everywhere in the corpus, is never bold."""
    _, answer = await ask(lingnan.fake, GDP_QUESTION)
    description = embed(answer)["description"]
    first = quote_blocks(description)[0]
    assert "**14 trillion yuan**" in " ".join(first)
    assert "**Guangdong**" not in description


async def test_notes_are_one_line_under_the_quotes(lingnan: RunningBot) -> None:
    """How the question was read (here: GDP also searched in Chinese) is one subtext line at
    the end, never above the first quote."""
    _, answer = await ask(lingnan.fake, GDP_QUESTION)
    description = embed(answer)["description"]
    assert description.startswith("> ")
    last = description.split("\n")[-1]
    assert last.startswith("-# Also searched as: ")
    assert description.count("Also searched as") == 1


async def test_governor_answer_never_gives_huang_kunmings_words_to_the_governor(
    lingnan: RunningBot, library: Any
) -> None:
    """A quote said by an official names that official; no quote of Huang Kunming's stands
    in the governor's answer without his name on it."""
    _, answer = await ask(lingnan.fake, "What did the governor say about robotics?")
    huang = library.officials.lookup("Huang Kunming").official
    spans = {(s.document, s.start) for s in huang.statements}
    results = library.search("What did the governor say about robotics?", top_k=3).results
    for block, result in zip(quote_blocks(embed(answer)["description"]), results, strict=False):
        if (result.document.id, result.start) in spans:
            assert "said by Huang Kunming" in block[-1]
    assert "said by Wang Weizhong" in embed(answer)["description"]


async def test_nothing_found_is_private_short_and_leaves_no_public_message(
    lingnan: RunningBot,
) -> None:
    """Nothing found: the public "thinking" message is deleted and the asker alone gets one
    sentence and three example questions, eight lines at most."""
    fake = lingnan.fake
    asked = await fake.send_slash_command("ask", {"question": "Who won the football match?"})
    answer = await asked.wait_answer(timeout=15)
    assert asked.ephemeral
    assert asked.original_message_id in fake.deleted_messages
    lines = [line for line in embed(answer)["description"].split("\n") if line.strip()]
    assert len(lines) + 1 <= 8  # with the title
    assert sum(line.startswith("• </ask:") for line in lines) == 3
    assert not buttons(answer)


async def test_help_and_hints_mention_the_synced_commands(lingnan: RunningBot) -> None:
    """/help writes each command as a mention with the id Discord gave it."""
    fake = lingnan.fake
    ids = {c["name"]: c["id"] for c in await fake.wait_commands(fake.guild.id)}
    asked = await fake.send_slash_command("help")
    text = str(embed(await asked.wait_answer(timeout=15)))
    for name in ("ask", "official", "officials", "sources", "help"):
        assert f"</{name}:{ids[name]}>" in text
    assert "`/ask" not in text


async def test_cite_sends_a_private_citation_to_paste(lingnan: RunningBot, library: Any) -> None:
    """Cite answers privately with the page's citations in a code block: full source, title,
    ISO date, paragraph and the page's clean address; a link button opens the first source."""
    fake = lingnan.fake
    _, answer = await ask(fake, GDP_QUESTION)
    first = library.search(GDP_QUESTION, top_k=15).results[0]
    source = next(b for b in buttons(answer) if b.get("style") == 5)
    assert source["url"].startswith(str(first.document.url))
    pressed = await fake.press_button(answer, label="Cite", user=fake.bob)
    cited = await pressed.wait_answer(timeout=10)
    assert pressed.ephemeral
    content = cited["content"]
    assert "```" in content and ":~:text=" not in content
    expected = f"{first.document.source}, \u201c{first.document.title}\u201d, {first.document.date}"
    assert expected in content and str(first.document.url) in content


async def test_page_button_works_after_the_bot_restarted(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Path
) -> None:
    """An answer's ▶ pressed after the bot restarted shows page two: the button carries what
    it needs and the new process rebuilds the page. The asker-only rule holds."""
    fake = fake_discord
    async with run_lingnan(fake, log_records, seeds_copy, library):
        _, answer = await ask(fake, PAGED_QUESTION)
    async with run_lingnan(fake, log_records, seeds_copy, library) as again:
        refused = await fake.press_button(answer, label=NEXT, user=fake.bob)
        assert "Only the person who asked" in seen(await refused.wait_answer(timeout=10))
        pressed = await fake.press_button(answer, label=NEXT, user=fake.alice)
        page_two = await pressed.wait_answer(timeout=10)
        assert page_two["id"] == answer["id"] and pressed.callback_type == 6
        results = library.search(PAGED_QUESTION, top_k=15).results
        assert results[3].text[:40] in seen(page_two).replace("\u2026", "")
        assert "2 / " in str(buttons(page_two))
        problems = again.problems()
    assert not problems, problems
