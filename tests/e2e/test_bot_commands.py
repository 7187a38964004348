"""Each command as a user would use it, checked on what Discord receives."""

from __future__ import annotations

from typing import Any

import pytest

from bot.answer_parts import short_date
from bot.citations import short_source
from bot.cogs.ask_answers import MAX_ANSWER_PAGES
from tests.discord_fake import blocks_every_ping, button_labels, buttons, routes
from tests.e2e.conftest import RunningBot
from tests.e2e.expect import embed, opening, plain, reply_problems, seen

QUESTION = "artificial intelligence and robotics"
NEXT = "\u25b6"
PAGES_OF = MAX_ANSWER_PAGES


def expected_results(library: Any, question: str, per_page: int = 3) -> list[Any]:
    """What the library itself ranks first for `question`: the quotes the answer must carry."""
    return library.search(question, top_k=per_page * PAGES_OF).results


def assert_quotes(message: dict[str, Any], results: list[Any]) -> None:
    text = seen(message)
    for result in results:
        assert opening(result.text) in text, f"quote {opening(result.text)!r} not in {text!r}"
        document = result.document
        assert plain(short_source(document.source)) in text
        assert " ".join(short_date(document.date).split()) in text
        assert opening(document.title, 40) in text


async def test_ask_answers_with_quotes_sources_and_dates(lingnan: RunningBot, library: Any) -> None:
    """/ask answers in public with the library's top quotes, each with source, title and date."""
    asked = await lingnan.fake.send_slash_command("ask", {"question": QUESTION})
    answer = await asked.wait_answer(timeout=15)
    results = expected_results(library, QUESTION)
    assert results, "the seeds corpus must answer the example question"
    assert_quotes(answer, results[:3])
    assert not asked.ephemeral
    assert asked.callback_type in (4, 5)  # answered or deferred within Discord's 3 seconds


async def test_ask_quote_links_to_its_sentence(lingnan: RunningBot, library: Any) -> None:
    """Where the document has a URL, the answer links to the quoted text on that page."""
    question = "new quality productive forces"  # answered from documents with a URL
    answer = await (
        await lingnan.fake.send_slash_command("ask", {"question": question})
    ).wait_answer(timeout=15)
    with_url = [r for r in expected_results(library, question)[:3] if r.document.url]
    assert with_url, "the question must be answered from documents with a URL"
    description = embed(answer)["description"]
    for result in with_url:
        assert f"]({result.document.url}#:~:text=" in description


async def test_next_page_button_shows_the_next_quotes(lingnan: RunningBot, library: Any) -> None:
    """The asker's next-page button edits the answer in place to the next three quotes."""
    fake = lingnan.fake
    question = "industrial development Guangdong"
    results = expected_results(library, question)
    assert len(results) > 3, "the question must have more than one page of quotes"
    answer = await (await fake.send_slash_command("ask", {"question": question})).wait_answer(
        timeout=15
    )
    assert len(buttons(answer)) >= 2, button_labels(answer)
    pressed = await fake.press_button(answer, label=NEXT, user=fake.alice)
    page_two = await pressed.wait_answer(timeout=10)
    assert page_two["id"] == answer["id"]
    assert pressed.callback_type == 6
    assert_quotes(page_two, results[3:6])
    assert opening(results[0].text) not in seen(page_two)


async def test_button_of_someone_else_is_refused_politely(lingnan: RunningBot) -> None:
    """Another user's press gets a private one-sentence refusal and leaves the answer as it was."""
    fake = lingnan.fake
    answer = await (
        await fake.send_slash_command("ask", {"question": "industrial development Guangdong"})
    ).wait_answer(timeout=15)
    before = fake.messages[answer["id"]]
    pressed = await fake.press_button(answer, label=NEXT, user=fake.bob)
    refusal = await pressed.wait_answer(timeout=10)
    assert pressed.ephemeral and refusal["id"] != answer["id"]
    assert not reply_problems(refusal), reply_problems(refusal)
    assert fake.messages[answer["id"]] == before


async def test_official_autocomplete_then_lookup(lingnan: RunningBot, library: Any) -> None:
    """Typing a name offers the directory's matches; choosing one shows titles with sources."""
    fake = lingnan.fake
    official = max(library.officials.all(), key=lambda o: len(o.titles))
    typed = official.name[:4]
    completion = await fake.send_autocomplete("official", {"name": typed}, focused="name")
    choices = await completion.wait_choices()
    assert official.name in [c["value"] for c in choices]
    assert len(choices) <= 25
    answer = await (await fake.send_slash_command("official", {"name": official.name})).wait_answer(
        timeout=15
    )
    text = seen(answer)
    assert official.name in text
    for title in official.titles[:1]:
        assert opening(title.title, 30) in text
        assert " ".join(short_date(title.date).split()) in text


async def test_officials_lists_the_directory(lingnan: RunningBot, library: Any) -> None:
    """/officials shows the directory's first names in order, paged when long."""
    fake = lingnan.fake
    answer = await (await fake.send_slash_command("officials")).wait_answer(timeout=15)
    names = [o.name for o in library.officials.all()]
    text = seen(answer)
    assert names[0] in text
    if len(names) > 15:
        assert buttons(answer), "a long directory is paged"


async def test_sources_lists_every_document(lingnan: RunningBot, library: Any) -> None:
    """/sources names each document with its source and date."""
    answer = await (await lingnan.fake.send_slash_command("sources")).wait_answer(timeout=15)
    text = seen(answer)
    documents = library.documents()
    shown = [d for d in documents if opening(d.title, 40) in text]
    assert len(shown) == min(len(documents), 5)
    for document in shown:
        assert (document.date or "undated") in text


async def test_help_is_private_and_has_examples(lingnan: RunningBot) -> None:
    """/help answers privately with what the bot does and example questions."""
    asked = await lingnan.fake.send_slash_command("help")
    answer = await asked.wait_answer(timeout=15)
    assert asked.ephemeral
    assert "/ask" in seen(answer)


async def test_mention_gets_the_same_answer_as_ask(lingnan: RunningBot) -> None:
    """@lingnan with a question is answered as a reply carrying the same quotes as /ask."""
    fake = lingnan.fake
    said = await fake.send_message(QUESTION)
    reply = await said.wait_reply(timeout=15)
    assert reply["message_reference"]["message_id"] == said.id
    asked = await fake.send_slash_command("ask", {"question": QUESTION}, user=fake.bob)
    answer = await asked.wait_answer(timeout=15)
    assert embed(reply)["description"] == embed(answer)["description"]
    (sent,) = fake.requests_to(routes.CHANNEL_MESSAGE_CREATE)
    assert blocks_every_ping(sent.json)


async def test_cooldown_answers_privately_with_the_wait(
    fake_discord: Any, log_records: Any, library: Any, seeds_copy: Any
) -> None:
    """With the cooldown on, the question over the limit gets a private sentence with the wait."""
    from tests.e2e.conftest import run_lingnan

    async with run_lingnan(
        fake_discord, log_records, seeds_copy, library, cooldown_rate=1, cooldown_seconds=60
    ) as running:
        first = await fake_discord.send_slash_command("ask", {"question": QUESTION})
        await first.wait_answer(timeout=15)
        second = await fake_discord.send_slash_command("ask", {"question": QUESTION})
        refusal = await second.wait_answer(timeout=10)
        assert second.ephemeral
        assert not reply_problems(refusal), reply_problems(refusal)
        assert any(ch.isdigit() for ch in seen(refusal)), "the refusal says how long to wait"
        other = await fake_discord.send_slash_command(
            "ask", {"question": QUESTION}, user=fake_discord.bob
        )
        assert not (await other.wait_answer(timeout=15)).get("flags", 0) & 64
        assert not running.problems()


async def test_mention_of_the_bots_role_gets_one_clear_reply(lingnan: RunningBot) -> None:
    """ "@lingnan" completed to the bot's role is answered once, clearly, pinging no one."""
    said = await lingnan.fake.send_message(QUESTION, mention_bot_role=True)
    reply = await said.wait_reply(timeout=15)
    assert len(said.reply_ids) == 1
    assert not reply_problems(reply), reply_problems(reply)


async def test_reload_is_for_the_owner_only(lingnan: RunningBot) -> None:
    """/reload by the application's owner reloads the corpus; anyone else gets one sentence."""
    fake = lingnan.fake
    refused = await fake.send_slash_command("reload", user=fake.bob)
    refusal = await refused.wait_answer(timeout=10)
    assert refused.ephemeral and not reply_problems(refusal), reply_problems(refusal)
    reloaded = await fake.send_slash_command("reload", user=fake.owner)
    report = await reloaded.wait_answer(timeout=30)
    assert reloaded.ephemeral
    assert str(lingnan.bot.library.stats.documents) in seen(report)


async def page_through(fake: Any, first: dict[str, Any], user: Any) -> list[dict[str, Any]]:
    """Every page of a paged answer, pressing its next button (the last enabled one) until it
    is disabled."""
    pages = [first]
    for _ in range(50):
        current = fake.messages[first["id"]]
        forward = next((b for b in buttons(current) if b.get("label") == NEXT), None)
        if forward is None or forward.get("disabled"):
            return pages
        pressed = await fake.press_button(current, custom_id=forward["custom_id"], user=user)
        pages.append(await pressed.wait_answer(timeout=10))
    raise AssertionError("more than 50 pages")


async def test_officials_pages_cover_the_whole_directory(lingnan: RunningBot, library: Any) -> None:
    """Paging /officials to the end shows every official in the directory."""
    fake = lingnan.fake
    first = await (await fake.send_slash_command("officials")).wait_answer(timeout=15)
    shown = " ".join(seen(page) for page in await page_through(fake, first, fake.alice))
    missing = [o.name for o in library.officials.all() if o.name not in shown]
    assert not missing


async def test_sources_pages_cover_every_document(lingnan: RunningBot, library: Any) -> None:
    """Paging /sources to the end shows every document with its date."""
    fake = lingnan.fake
    first = await (await fake.send_slash_command("sources")).wait_answer(timeout=15)
    shown = " ".join(seen(page) for page in await page_through(fake, first, fake.alice))
    for document in library.documents():
        assert opening(document.title, 40) in shown
        assert (document.date or "undated") in shown


async def test_ask_pages_reach_every_result_then_stop(lingnan: RunningBot, library: Any) -> None:
    """Paging an answer shows all ranked quotes once each, and the last page's next is off."""
    fake = lingnan.fake
    question = "industrial development Guangdong"
    first = await (await fake.send_slash_command("ask", {"question": question})).wait_answer(
        timeout=15
    )
    pages = await page_through(fake, first, fake.alice)
    results = expected_results(library, question)
    assert len(pages) == -(-len(results) // 3)
    for number, page in enumerate(pages):
        assert_quotes(page, results[number * 3 : number * 3 + 3])
    last_page = buttons(fake.messages[first["id"]])
    assert next(b for b in last_page if b.get("label") == NEXT).get("disabled")


async def test_every_official_can_be_looked_up(lingnan: RunningBot, library: Any) -> None:
    """/official answers for each name in the directory, with that name and a dated source."""
    fake = lingnan.fake
    for official in library.officials.all():
        asked = await fake.send_slash_command("official", {"name": official.name})
        text = seen(await asked.wait_answer(timeout=15))
        assert official.name in text
        dates = {t.date for t in official.titles} | {d.date for d in official.documents}
        shown = {" ".join(short_date(date).split()) for date in dates if date}
        assert any(date in text for date in shown), official.name


@pytest.mark.parametrize("typed", ["Hu", "huang", "Zh", "黄", "xi", "Kunming"])
async def test_autocomplete_offers_what_the_directory_completes(
    lingnan: RunningBot, library: Any, typed: str
) -> None:
    """Autocomplete choices are the directory's own completions, in its order."""
    completion = await lingnan.fake.send_autocomplete("official", {"name": typed}, focused="name")
    choices = await completion.wait_choices()
    assert [c["value"] for c in choices] == library.officials.complete(typed, 25)


async def test_mention_in_another_channel_is_answered_there(lingnan: RunningBot) -> None:
    """A mention in #policy gets its reply in #policy."""
    fake = lingnan.fake
    said = await fake.send_message(QUESTION, channel="policy")
    reply = await said.wait_reply(timeout=15)
    assert reply["channel_id"] == fake.guild.channel("policy").id


@pytest.mark.parametrize("typed", ["黄坤明", "huang kunming", "Huang Kunmin", "Huang"])
async def test_official_by_other_spellings(lingnan: RunningBot, library: Any, typed: str) -> None:
    """/official by characters, case, typo or surname shows what the directory finds."""
    lookup = library.officials.lookup(typed)
    answer = await (await lingnan.fake.send_slash_command("official", {"name": typed})).wait_answer(
        timeout=15
    )
    text = seen(answer)
    if lookup.official is not None:
        assert lookup.official.name in text
    else:
        assert lookup.suggestions and all(name in text for name in lookup.suggestions[:3])
