"""Each command's callback and what it replies, through fake interactions and messages."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands

from bot import texts
from bot.buttons import PageButton
from bot.client import LingnanBot
from bot.cogs.ask import ask_cooldown, question_from_mention
from bot.cogs.ask_answers import MAX_ANSWER_PAGES
from bot.cogs.officials import choices_for
from bot.errors import NotOwner
from bot.settings import Settings
from retrieval.errors import CorpusError
from retrieval.models import DocumentSummary, SearchResponse
from tests.bot.fakes import BOT_ID, FakeInteraction, FakeMessage, as_interaction, bot_with_commands
from tests.bot.fixtures import FakeLibrary, FakeStats, robotics_response

QUESTION = "What did the governor say about robotics?"
ASKER = 111
OWNER = 4242


def make_settings(**values: object) -> Settings:
    defaults: dict[str, object] = {"quotes_per_answer": 2, "cooldown_rate": 0, "owner_ids": [OWNER]}
    defaults.update(values)
    return Settings(_env_file=None, **defaults)  # type: ignore[arg-type]


@pytest.fixture
def library() -> FakeLibrary:
    return FakeLibrary(responses={QUESTION: robotics_response(QUESTION)})


@pytest.fixture
async def bot(library: FakeLibrary) -> AsyncIterator[LingnanBot]:
    bot = await bot_with_commands(make_settings(), library)
    yield bot
    bot._connection.user = None
    await bot.close()


def cog_command(
    bot: LingnanBot, cog_name: str, command: str
) -> tuple[Any, app_commands.Command[Any, ..., Any]]:
    """The cog and one of its commands; the cog is Any because discord.py types a command's
    callback as either bound (cog first) or not."""
    cog = bot.get_cog(cog_name)
    assert cog is not None
    return cog, getattr(cog, command)


def assert_no_pings(options: dict[str, object]) -> None:
    mentions = options["allowed_mentions"]
    assert isinstance(mentions, discord.AllowedMentions)
    assert mentions.to_dict() == {"parse": []}  # nobody, no role, no everyone
    assert mentions.replied_user is False


async def test_ask_defers_then_answers_with_quotes(bot: LingnanBot) -> None:
    """/ask defers at once, then follows up with the first page of quotes and page buttons."""
    cog, command = cog_command(bot, "Ask", "ask")
    interaction = FakeInteraction(bot, ASKER)
    await command.callback(cog, as_interaction(interaction), question=QUESTION)
    defer, followup = interaction.calls
    assert defer.name == "defer" and defer.options["thinking"] is True
    assert followup.name == "followup"
    assert followup.embed.title == f"\u201c{QUESTION}\u201d"
    assert "**robotics**" in (followup.embed.description or "")
    assert_no_pings(followup.options)
    view = followup.options["view"]
    pages = [item for item in view.children if isinstance(item, PageButton)]
    assert [button.asker for button in pages] == [ASKER, ASKER]
    assert view.children[1].label == "1 / 2"


async def test_ask_searches_off_the_event_loop(bot: LingnanBot, library: FakeLibrary) -> None:
    """The search runs in a worker thread, asking for enough results to fill the pages and
    for the matched words of the first page only (the one shown)."""
    seen_threads: list[int] = []
    highlighted: list[object] = []
    original = library.search

    def recording_search(
        query: str, top_k: int = 3, filters: object = None, *, highlight: range | None = None
    ) -> SearchResponse:
        seen_threads.append(threading.get_ident())
        highlighted.append(highlight)
        return original(query, top_k)

    library.search = recording_search  # type: ignore[method-assign]
    cog, command = cog_command(bot, "Ask", "ask")
    await command.callback(cog, as_interaction(FakeInteraction(bot, ASKER)), question=QUESTION)
    assert seen_threads and seen_threads[0] != threading.get_ident()
    assert library.queries == [(QUESTION, 2 * MAX_ANSWER_PAGES)]
    assert highlighted == [range(0, 2)]


async def test_ask_with_no_match_says_so(bot: LingnanBot) -> None:
    """A question the corpus cannot answer gets the plain nothing-found answer, no buttons."""
    cog, command = cog_command(bot, "Ask", "ask")
    interaction = FakeInteraction(bot, ASKER)
    await command.callback(cog, as_interaction(interaction), question="best pizza in Naples")
    followup = interaction.calls[-1]
    assert followup.embed.title == "Nothing in the corpus answers this"
    assert followup.options["ephemeral"] is True
    assert "view" not in followup.options


async def test_official_shows_the_official(bot: LingnanBot) -> None:
    """/official with a known name answers with that official's card, paged."""
    cog, command = cog_command(bot, "Officials", "official")
    interaction = FakeInteraction(bot, ASKER, "official")
    await command.callback(cog, as_interaction(interaction), name="Huang Kunming")
    followup = interaction.calls[-1]
    assert followup.embed.title == "Huang Kunming (黄坤明)"
    assert any(isinstance(i, PageButton) for i in followup.options["view"].children)
    assert_no_pings(followup.options)


async def test_official_unknown_name_gets_closest(bot: LingnanBot) -> None:
    """An unknown name is answered with the closest names (never titled "not found")."""
    cog, command = cog_command(bot, "Officials", "official")
    interaction = FakeInteraction(bot, ASKER, "official")
    await command.callback(cog, as_interaction(interaction), name="Wang Wei")
    embed = interaction.calls[-1].embed
    assert embed.title == texts.CLOSEST_OFFICIALS_TITLE()
    assert "Wang Weizhong" in (embed.description or "")


async def test_official_autocomplete_offers_matching_names(bot: LingnanBot) -> None:
    """Autocomplete answers with the directory's completions as choices."""
    cog = bot.get_cog("Officials")
    choices = await cog.official_name_autocomplete(FakeInteraction(bot, ASKER), "wa")  # type: ignore[union-attr]
    assert [c.value for c in choices] == ["Wang Weizhong"]


def test_autocomplete_choices_respect_discord_limits() -> None:
    """At most 25 choices, each name and value at most 100 characters."""
    choices = choices_for([f"{'x' * 150} {n}" for n in range(40)])
    assert len(choices) == 25
    assert all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)


async def test_officials_lists_the_directory(bot: LingnanBot) -> None:
    """/officials answers with the directory."""
    cog, command = cog_command(bot, "Officials", "officials")
    interaction = FakeInteraction(bot, ASKER, "officials")
    await command.callback(cog, as_interaction(interaction))
    description = interaction.calls[-1].embed.description or ""
    assert "**Huang Kunming**" in description and "**Zhang Jinsong**" in description


async def test_sources_lists_the_documents(bot: LingnanBot, library: FakeLibrary) -> None:
    """/sources answers with every document of the library."""
    cog, command = cog_command(bot, "Sources", "sources")
    interaction = FakeInteraction(bot, ASKER, "sources")
    await command.callback(cog, as_interaction(interaction))
    description = interaction.calls[-1].embed.description or ""
    for document in library.documents():
        assert document.title in description


async def test_help_is_private(bot: LingnanBot) -> None:
    """/help defers privately and answers with the commands and examples."""
    cog, command = cog_command(bot, "Sources", "help")
    interaction = FakeInteraction(bot, ASKER, "help")
    await command.callback(cog, as_interaction(interaction))
    defer, followup = interaction.calls
    assert defer.options["ephemeral"] is True
    assert followup.options["ephemeral"] is True
    assert [f.name for f in followup.embed.fields] == ["Commands", "Example questions"]


async def test_reload_swaps_in_the_new_library(
    bot: LingnanBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/reload loads the corpus again and reports the new counts, privately."""
    fresh = FakeLibrary(stats=FakeStats(documents=7, passages=300, officials=12))
    monkeypatch.setattr("bot.client.load_library", lambda folder, **_: fresh)
    cog, command = cog_command(bot, "Admin", "reload")
    interaction = FakeInteraction(bot, OWNER, "reload")
    await command.callback(cog, as_interaction(interaction))
    followup = interaction.calls[-1]
    assert followup.options["ephemeral"] is True
    assert "7 documents, 300 passages and 12 officials" in (followup.embed.description or "")
    assert bot.library is fresh


async def test_reload_failure_keeps_the_old_library(
    bot: LingnanBot, library: FakeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus that cannot be loaded leaves the old one served and says why in one sentence."""

    def broken(folder: object, **_: float) -> FakeLibrary:
        raise CorpusError("The corpus folder nowhere does not exist.")

    monkeypatch.setattr("bot.client.load_library", broken)
    cog, command = cog_command(bot, "Admin", "reload")
    interaction = FakeInteraction(bot, OWNER, "reload")
    await command.callback(cog, as_interaction(interaction))
    assert interaction.calls[-1].content == (
        "The corpus could not be reloaded: The corpus folder nowhere does not exist. "
        "The previous one is still served."
    )
    assert bot.library is library


async def test_reload_refuses_non_owners(bot: LingnanBot) -> None:
    """The owner check refuses anyone else; the error handler says so privately."""
    from bot.cogs.admin import owner_only

    interaction = FakeInteraction(bot, ASKER, "reload")
    with pytest.raises(NotOwner) as raised:
        await owner_only(as_interaction(interaction))
    await bot.tree.on_error(as_interaction(interaction), raised.value)
    [reply] = interaction.calls
    assert reply.content == texts.NOT_OWNER_MESSAGE()
    assert reply.options["ephemeral"] is True


async def test_ask_cooldown_answers_politely_with_the_wait(library: FakeLibrary) -> None:
    """Past the rate, /ask is refused privately with the seconds to wait."""
    bot = await bot_with_commands(make_settings(cooldown_rate=1, cooldown_seconds=60), library)
    try:
        first = FakeInteraction(bot, ASKER)
        assert ask_cooldown(as_interaction(first)) is True
        second = FakeInteraction(bot, ASKER)
        with pytest.raises(app_commands.CommandOnCooldown) as raised:
            ask_cooldown(as_interaction(second))
        await bot.tree.on_error(as_interaction(second), raised.value)
        [reply] = second.calls
        assert reply.options["ephemeral"] is True
        assert reply.content is not None and "wait 60 seconds" in reply.content
        assert ask_cooldown(as_interaction(FakeInteraction(bot, 333))) is True
    finally:
        await bot.close()


async def test_unexpected_error_is_one_sentence_and_logged(
    bot: LingnanBot, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug is answered with one private sentence; the traceback goes to the log only."""
    interaction = FakeInteraction(bot, ASKER)
    await interaction.response.defer(thinking=True)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        error = app_commands.CommandInvokeError(SimpleNamespace(name="ask"), exc)  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, logger="bot.client"):
        await bot.tree.on_error(as_interaction(interaction), error)
    reply = interaction.calls[-1]
    assert reply.name == "followup"
    assert reply.content == texts.INTERNAL_ERROR_MESSAGE()
    assert "boom" not in reply.content
    assert any(record.exc_info and "boom" in str(record.exc_info[1]) for record in caplog.records)


def mention(content: str, *, author_id: int = ASKER, mentioned: bool = True) -> FakeMessage:
    return FakeMessage(
        content=content,
        author=SimpleNamespace(id=author_id, bot=False),
        mentions=[SimpleNamespace(id=BOT_ID)] if mentioned else [],
    )


async def test_mention_gets_the_same_answer_as_ask(bot: LingnanBot, library: FakeLibrary) -> None:
    """A message mentioning the bot is answered, as a reply, with the /ask answer."""
    message = mention(f"<@{BOT_ID}> {QUESTION}")
    await bot.get_cog("Ask").on_message(message)  # type: ignore[union-attr]
    [reply] = message.replies
    assert reply.embed.title == f"\u201c{QUESTION}\u201d"
    assert reply.options["mention_author"] is False
    assert_no_pings(reply.options)
    assert library.queries[0][0] == QUESTION
    assert library.highlights == [range(0, 2)]  # the page the reply shows, as /ask's
    assert message.typing_entered == 1


async def test_direct_message_needs_no_mention(bot: LingnanBot, library: FakeLibrary) -> None:
    """In a direct message every message is a question."""
    message = mention(QUESTION, mentioned=False)
    message.channel_type = discord.ChannelType.private
    await bot.get_cog("Ask").on_message(message)  # type: ignore[union-attr]
    [reply] = message.replies
    assert reply.embed.title == f"\u201c{QUESTION}\u201d"


async def test_messages_without_a_mention_are_ignored(bot: LingnanBot) -> None:
    """Only messages that mention the bot itself are answered (not @everyone, not bots)."""
    cog = bot.get_cog("Ask")
    plain = mention(QUESTION, mentioned=False)
    everyone = mention(f"@everyone {QUESTION}", mentioned=False)
    from_bot = mention(f"<@{BOT_ID}> hi")
    from_bot.author = SimpleNamespace(id=5, bot=True)
    for message in (plain, everyone, from_bot):
        await cog.on_message(message)  # type: ignore[union-attr]
        assert message.replies == []


async def test_mentions_share_the_ask_cooldown(library: FakeLibrary) -> None:
    """After /ask uses the allowance, a mention gets the cooldown sentence, tidied away later."""
    bot = await bot_with_commands(make_settings(cooldown_rate=1, cooldown_seconds=30), library)
    try:
        ask_cooldown(as_interaction(FakeInteraction(bot, ASKER)))
        message = mention(f"<@{BOT_ID}> {QUESTION}")
        await bot.get_cog("Ask").on_message(message)  # type: ignore[union-attr]
        [reply] = message.replies
        assert reply.content is not None and "please wait 30 seconds" in reply.content
        assert reply.options["delete_after"] == pytest.approx(30, abs=1)
        assert library.queries == []
    finally:
        bot._connection.user = None
        await bot.close()


async def test_bare_mention_asks_for_a_question(bot: LingnanBot, library: FakeLibrary) -> None:
    """A mention with no words gets a prompt with example questions, no search."""
    message = mention(f"<@{BOT_ID}>")
    await bot.get_cog("Ask").on_message(message)  # type: ignore[union-attr]
    [reply] = message.replies
    assert reply.embed.title == "What would you like to know?"
    assert library.queries == []


BLANK_QUESTION = (
    "Please type a question after /ask, e.g. /ask What is planned for the low-altitude economy?"
)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("", BLANK_QUESTION),
        ("   \t ", BLANK_QUESTION),
        ("x" * 301, "Please keep the question under 300 characters (this one has 301)."),
    ],
)
async def test_ask_refuses_blank_or_overlong_questions_privately(
    bot: LingnanBot, library: FakeLibrary, question: str, sentence: str
) -> None:
    """A blank or over-long question (a modified client) gets one private sentence, no search."""
    cog, command = cog_command(bot, "Ask", "ask")
    interaction = FakeInteraction(bot, ASKER)
    await command.callback(cog, as_interaction(interaction), question=question)
    [reply] = interaction.calls
    assert reply.name == "send_message" and reply.options["ephemeral"] is True
    assert reply.content == sentence
    assert library.queries == []


async def test_official_refuses_blank_names_privately(bot: LingnanBot) -> None:
    """/official with a blank name gets one private sentence."""
    cog, command = cog_command(bot, "Officials", "official")
    interaction = FakeInteraction(bot, ASKER, "official")
    await command.callback(cog, as_interaction(interaction), name=" ")
    [reply] = interaction.calls
    assert reply.options["ephemeral"] is True
    assert reply.content is not None and "Please type a name" in reply.content


def test_question_from_mention_strips_only_the_bot() -> None:
    """The bot's user and role mentions are removed; other text stays."""
    content = f"<@!{BOT_ID}> what did <@123456789012345678> say? <@&77>"
    assert question_from_mention(content, BOT_ID, 77) == "what did <@123456789012345678> say?"


async def test_sources_with_empty_corpus(library: FakeLibrary) -> None:
    """An empty corpus gets a sentence, not an error."""
    library.documents = lambda: list[DocumentSummary]()  # type: ignore[method-assign]
    bot = await bot_with_commands(make_settings(), library)
    try:
        cog, command = cog_command(bot, "Sources", "sources")
        interaction = FakeInteraction(bot, ASKER, "sources")
        await command.callback(cog, as_interaction(interaction))
        assert interaction.calls[-1].embed.description == "The corpus folder holds no documents."
    finally:
        await bot.close()


async def test_ask_of_only_a_mention_is_refused_privately(
    bot: LingnanBot, library: FakeLibrary
) -> None:
    """A question of only a mention and a zero-width space is blank: one private sentence."""
    cog, command = cog_command(bot, "Ask", "ask")
    interaction = FakeInteraction(bot, ASKER)
    await command.callback(
        cog, as_interaction(interaction), question="<@123456789012345678> \u200b"
    )
    [reply] = interaction.calls
    assert reply.options["ephemeral"] is True
    assert reply.content is not None and "Please type a question" in reply.content
    assert library.queries == []
