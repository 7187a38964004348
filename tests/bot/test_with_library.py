"""The bot on the real Library loaded from the seeds: answers found, cited and within limits."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from bot.answers import Answers
from bot.cards import Answer, card_length
from bot.examples import load_examples
from bot.markdown import discord_len, to_plain
from bot.page_source import PageSource
from bot.settings import Settings
from retrieval.library import Library
from tests.bot.fakes import FakeInteraction, bot_with_commands


@pytest.fixture(scope="module")
def answers(library: Library) -> Answers:
    return Answers(lambda: library, quotes_per_answer=3, examples=load_examples())


def assert_fits(answer: Answer) -> None:
    for card in answer.pages:
        assert discord_len(card.title) <= 256
        assert discord_len(card.description) <= 4096
        assert len(card.fields) <= 25
        assert all(discord_len(f.value) <= 1024 for f in card.fields)
        assert card_length(card) <= 6000


@pytest.mark.parametrize("example", load_examples(), ids=lambda e: e.question)
def test_every_example_question_finds_quotes(answers: Answers, example: object) -> None:
    """Each example question the bot suggests is answered from the seeds, with bold matches."""
    answer = answers.ask(example.question)  # type: ignore[attr-defined]
    assert answer.found, example
    assert "**" in answer.pages[0].description
    assert_fits(answer)


def test_quotes_are_verbatim_passages(answers: Answers, library: Library) -> None:
    """Every quote shown is a passage's exact text from its document."""
    response = library.search("artificial intelligence and robotics", top_k=3)
    answer = answers.ask("artificial intelligence and robotics")
    plain = to_plain(answer.pages[0].description).replace("**", "")
    for result in response.results:
        document = library.corpus.document(result.document.id)
        assert document.text[result.start : result.end] == result.text
        assert " ".join(result.text.split()) in " ".join(plain.split())


def test_text_fragments_point_at_the_quote(library: Library) -> None:
    """The text fragment's start words begin the quote and its end words end it."""
    from bot.markdown import text_fragment_url

    linked = [r for r in library.search("low-altitude economy", top_k=5).results if r.document.url]
    assert linked, "the question must reach documents with a URL"
    for result in linked:
        url = result.document.url
        assert url is not None
        directive = text_fragment_url(url, result.text).split(":~:text=", 1)[1]
        parts = [unquote(p) for p in directive.split(",")]
        flat = " ".join(result.text.split())
        assert flat.startswith(parts[0])
        assert flat.endswith(parts[-1])


def test_text_fragments_open_at_their_own_passage(library: Library) -> None:
    """A long quote's opening words occur nowhere earlier in its document."""
    from bot.markdown import text_fragment_url

    checked = 0
    for passage in library.corpus.passages:
        directive = text_fragment_url("https://example.com/", passage.text).split(":~:text=")[1]
        if "," not in directive:
            continue  # a short quote, matched whole
        checked += 1
        start = unquote(directive.split(",")[0]).casefold()
        document = " ".join(library.corpus.document(passage.document_id).text.split()).casefold()
        own = document.find(" ".join(passage.text.split()).casefold())
        assert document.find(start) == own, start
    assert checked, "the seeds must hold quotes long enough for a start,end fragment"


def test_nonsense_finds_nothing_and_says_so(answers: Answers) -> None:
    """A question the corpus cannot answer gets the nothing-found answer with suggestions."""
    answer = answers.ask("zzqx vvwk plorb")
    assert not answer.found
    assert "no passage that answers" in answer.pages[0].description


def test_every_official_card_fits(answers: Answers, library: Library) -> None:
    """Every official in the directory renders within Discord's limits."""
    for official in library.officials.all():
        answer = answers.official(official.name)
        assert answer.found
        assert_fits(answer)


def test_directory_sources_and_help_fit(answers: Answers) -> None:
    """The directory, sources and help render within the limits, naming what the seeds hold."""
    for answer in (answers.officials(), answers.sources(), answers.help()):
        assert_fits(answer)
    assert "Sources (5 documents)" in answers.sources().pages[0].title


async def test_ask_command_on_the_real_library(library: Library) -> None:
    """/ask through the cog, on the seeds, answers with quotes."""
    bot = await bot_with_commands(Settings(_env_file=None, cooldown_rate=0), library)
    try:
        cog = bot.get_cog("Ask")
        interaction = FakeInteraction(bot)
        await cog.ask.callback(cog, interaction, question="Wer leitete die Konferenz?")  # type: ignore[union-attr]
        embed = interaction.calls[-1].embed
        assert "**leitete**" in (embed.description or "")
    finally:
        await bot.close()


async def test_autocomplete_on_the_real_directory(library: Library) -> None:
    """Autocomplete offers directory names for a prefix, within Discord's limits."""
    bot = await bot_with_commands(Settings(_env_file=None), library)
    try:
        cog = bot.get_cog("Officials")
        choices = await cog.official_name_autocomplete(FakeInteraction(bot), "Hua")  # type: ignore[union-attr]
        assert "Huang Kunming" in [c.value for c in choices]
        assert len(choices) <= 25 and all(len(c.name) <= 100 for c in choices)
    finally:
        await bot.close()


class HighlightsAsked:
    """The library, recording the results each search is asked to highlight."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self.asked: list[range | None] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._library, name)

    def search(self, *args: object, highlight: range | None = None, **keywords: object) -> object:
        self.asked.append(highlight)
        return self._library.search(*args, highlight=highlight, **keywords)  # type: ignore[arg-type]


PAGED_QUESTION = "industrial development Guangdong"


def _bold_quotes(card_description: str) -> bool:
    return any("**" in line for line in card_description.split("\n") if line.startswith(">"))


def test_a_page_pressed_is_the_page_highlighted(library: Library) -> None:
    """Rebuilt for a page button, an answer has that page's quotes highlighted, not others'."""
    recorded = HighlightsAsked(library)
    answers = Answers(lambda: recorded, quotes_per_answer=3, examples=[])  # type: ignore[arg-type, return-value]
    origin = answers.ask(PAGED_QUESTION).origin
    assert origin is not None
    recorded.asked.clear()
    answer = answers.rebuild(origin, per_page=3, shown_page=1)
    assert recorded.asked == [range(3, 6)]
    assert _bold_quotes(answer.pages[1].description)


def test_a_page_past_the_last_highlights_the_last(library: Library) -> None:
    """A page pressed past the answer's last (fewer results now) highlights the last page,
    the one the button shows instead."""
    recorded = HighlightsAsked(library)
    answers = Answers(lambda: recorded, quotes_per_answer=5, examples=[])  # type: ignore[arg-type, return-value]
    answer = answers.ask("manufacturing", shown_page=4)
    last = len(answer.pages) - 1
    assert last < 4, "the question must have fewer than five pages of five"
    assert recorded.asked == [range(20, 25), range(last * 5, last * 5 + 5)]
    assert _bold_quotes(answer.pages[last].description)


def test_the_note_under_a_page_speaks_of_that_page(answers: Answers) -> None:
    """ "Found through" stands under the page whose quote a translation found, not under a
    page pressed later whose quotes all match the question's own words."""
    first = answers.ask(PAGED_QUESTION, shown_page=0)
    second = answers.ask(PAGED_QUESTION, shown_page=1)
    assert "Found through" in first.pages[0].description
    assert "Found through" not in second.pages[1].description


def test_only_the_page_shown_is_formatted(answers: Answers) -> None:
    """Asked for the page shown, an /ask answer formats that page's card alone; the console's
    answer (no page named) formats each page as it is read."""
    answer = answers.ask(PAGED_QUESTION, shown_page=1)
    assert isinstance(answer.pages, PageSource) and len(answer.pages) > 2
    assert answer.pages.built == {1}
    past_the_end = answers.ask(PAGED_QUESTION, shown_page=9)
    assert isinstance(past_the_end.pages, PageSource)
    assert past_the_end.pages.built == {len(past_the_end.pages) - 1}  # the page a button shows
    console = answers.ask(PAGED_QUESTION)
    assert isinstance(console.pages, PageSource) and console.pages.built == set()
