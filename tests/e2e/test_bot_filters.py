"""/ask's filters through the local Discord: only matching quotes, and the answer says which
filters it used (issue 12)."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_fake import FakeDiscord
from tests.e2e.conftest import RunningBot
from tests.e2e.expect import embed, seen

QUESTION = "Who headed the conference?"
ISO_DATE = re.compile(r", (\d{4}-\d{2}-\d{2}|undated), ")


async def ask(fake: FakeDiscord, options: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    asked = await fake.send_slash_command("ask", options)
    return asked, await asked.wait_answer(timeout=15)


async def cited_documents(running: RunningBot, answer: dict[str, Any]) -> list[Any]:
    """The documents an answer's page quotes, read from its Cite button's citations (full
    source, title and ISO date), looked up among the corpus's documents by title."""
    pressed = await running.fake.press_button(answer, label="Cite")
    citations = (await pressed.wait_answer(timeout=10))["content"]
    by_title = {d.title: d for d in running.bot.library.documents()}
    titles = re.findall(r"\u201c(.+?)\u201d, (?:\d{4}-\d{2}-\d{2}|undated)", citations)
    assert titles, citations
    return [by_title[title] for title in titles]


async def test_language_filter_quotes_only_that_language(lingnan: RunningBot) -> None:
    """language: de gives German quotes only, and the answer names the filter."""
    _, answer = await ask(lingnan.fake, {"question": QUESTION, "language": "de"})
    assert "-# Filters: German" in embed(answer)["description"]
    documents = await cited_documents(lingnan, answer)
    assert documents and {d.language for d in documents} == {"de"}


async def test_since_filter_quotes_only_later_documents(lingnan: RunningBot) -> None:
    """since: 2025 quotes only documents of 2025 on; "manufacturing" unfiltered has none."""
    _, answer = await ask(lingnan.fake, {"question": "manufacturing", "since": "2025"})
    assert "Filters: since 2025" in seen(answer)
    documents = await cited_documents(lingnan, answer)
    assert documents and all(d.date >= "2025-01-01" for d in documents)


async def test_until_filter_quotes_only_earlier_documents(lingnan: RunningBot) -> None:
    """until: 2024 quotes only documents up to the end of 2024."""
    _, answer = await ask(lingnan.fake, {"question": "manufacturing", "until": "2024"})
    assert "Filters: until 2024" in seen(answer)
    documents = await cited_documents(lingnan, answer)
    assert documents and all(d.date <= "2024-12-31" for d in documents)


async def test_source_filter_quotes_only_that_source(lingnan: RunningBot) -> None:
    """source: a word of one source's name (as typed, not chosen) quotes only that source."""
    _, answer = await ask(lingnan.fake, {"question": "GDP 2024", "source": "yangcheng"})
    assert "Filters: source \u201cLingnan on the Cloud" in seen(answer)
    documents = await cited_documents(lingnan, answer)
    assert documents and {d.source for d in documents} == {
        "Lingnan on the Cloud (Yangcheng Evening News, 羊城晚报-云上岭南)"
    }


async def test_filters_combine(lingnan: RunningBot) -> None:
    """language: en with since: 2025: English documents of 2025 only; both named."""
    options = {"question": QUESTION, "language": "en", "since": "2025"}
    _, answer = await ask(lingnan.fake, options)
    assert "Filters: English \u00b7 since 2025" in seen(answer)
    documents = await cited_documents(lingnan, answer)
    assert documents
    assert all(d.language == "en" and d.date >= "2025-01-01" for d in documents)


async def test_filters_leaving_nothing_say_so_privately(lingnan: RunningBot) -> None:
    """since: 2026: no document meets it, and the answer counts the quotes without it."""
    asked, answer = await ask(lingnan.fake, {"question": QUESTION, "since": "2026"})
    assert asked.ephemeral
    text = seen(answer)
    assert "No document of the corpus meets these filters (since 2026)." in text
    assert re.search(r"Without the filters: \d+ quotes\.", text)


async def test_a_date_that_is_none_is_one_private_sentence(lingnan: RunningBot) -> None:
    """until: "next week" is answered with one sentence naming the forms a date takes."""
    asked, answer = await ask(lingnan.fake, {"question": QUESTION, "until": "next week"})
    assert asked.ephemeral
    assert "is not a date" in seen(answer) and "2024-03" in seen(answer)


async def test_source_autocomplete_offers_the_corpus_sources(lingnan: RunningBot) -> None:
    """Typing "prov" offers both press releases' sources, those starting with it."""
    typed = await lingnan.fake.send_autocomplete(
        "ask", {"question": QUESTION, "source": "prov"}, focused="source"
    )
    names = [c["name"] for c in await typed.wait_choices(timeout=10)]
    assert names == ["Province of Guangdong", "Provinz Guangdong (ots)"]


async def test_pages_of_a_filtered_answer_keep_the_filters(lingnan: RunningBot) -> None:
    """▶ on a filtered answer (rebuilt from the button's id, as after a restart) shows page 2,
    still filtered and still saying so."""
    options = {"question": "industrial development Guangdong", "since": "2024", "until": "2024"}
    _, answer = await ask(lingnan.fake, options)
    pressed = await lingnan.fake.press_button(answer, label="\u25b6")
    page_two = await pressed.wait_answer(timeout=10)
    assert "quotes 4" in embed(page_two)["footer"]["text"]
    assert "Filters: 2024 to 2024" in seen(page_two)
    documents = await cited_documents(lingnan, page_two)
    assert documents and all(d.date.startswith("2024") for d in documents)
