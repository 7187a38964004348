"""Who said a quote, from the officials' statements."""

from __future__ import annotations

from bot.quote_facts import Speakers
from retrieval.models import Official, Statement
from tests.bot.fixtures import PRESS_EN


def official_saying(name: str, *spans: tuple[int, int]) -> Official:
    return Official(
        name=name,
        aliases=[],
        titles=[],
        documents=[PRESS_EN],
        statements=[
            Statement(text="…", document=PRESS_EN.id, date=None, paragraph=1, start=start, end=end)
            for start, end in spans
        ],
    )


def test_a_long_statement_begun_earlier_still_names_its_speaker() -> None:
    """A passage inside a long statement is its speaker's, though a short statement of someone
    else's, ended before the passage, begins after the long one."""
    speakers = Speakers(
        [official_saying("Long Speaker", (0, 1000)), official_saying("Brief Aside", (100, 150))]
    )
    assert speakers.of(PRESS_EN.id, 400, 600) == "Long Speaker"


def test_a_passage_two_people_share_names_nobody() -> None:
    """A passage half one official's and half another's is presented as no one's."""
    speakers = Speakers(
        [official_saying("First Speaker", (0, 500)), official_saying("Second Speaker", (500, 900))]
    )
    assert speakers.of(PRESS_EN.id, 400, 600) is None


def test_a_passage_past_every_statement_names_nobody() -> None:
    """Statements that end before a passage begins say nothing about it."""
    speakers = Speakers([official_saying("Early Speaker", (0, 100), (150, 300))])
    assert speakers.of(PRESS_EN.id, 400, 600) is None


def test_a_passage_opening_with_a_statement_names_its_speaker() -> None:
    """A statement that starts the passage names its speaker, though it covers under half."""
    speakers = Speakers([official_saying("Opening Speaker", (400, 480))])
    assert speakers.of(PRESS_EN.id, 400, 600) == "Opening Speaker"


def test_a_short_statement_inside_a_passage_names_nobody() -> None:
    """A statement covering a fifth of a passage, after its start, is a quote in passing."""
    speakers = Speakers([official_saying("Passing Speaker", (500, 540))])
    assert speakers.of(PRESS_EN.id, 400, 600) is None
