"""What /official and /officials answer."""

from __future__ import annotations

import pytest

from bot.cards import Answer
from bot.cogs.official_answers import official_answer, officials_answer
from bot.command_mentions import PLAIN_COMMANDS
from retrieval.models import (
    Official,
    OfficialLookup,
    OfficialTitle,
    Statement,
)
from tests.bot.fixtures import (
    HUANG,
    WANG,
)
from tests.bot.limits import (
    HOSTILE_TEXTS,
    assert_safe,
    hostile_document,
)


def lookup_answer(query: str, lookup: OfficialLookup) -> Answer:
    return official_answer(query, lookup, PLAIN_COMMANDS)


def directory_answer(found: list[Official]) -> Answer:
    return officials_answer(found, PLAIN_COMMANDS)


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_official_answer_within_limits_for_hostile_text(kind: str) -> None:
    """An official with hostile names, titles and statements still fits every limit."""
    text = HOSTILE_TEXTS[kind] or "?"
    document = hostile_document(text)
    official = Official(
        name=text[:300],
        aliases=[text[:200]] * 12,
        titles=[OfficialTitle(title=text, document=document.id, date=None)] * 30,
        documents=[document] * 30,
        statements=[
            Statement(text=text, document=document.id, date=None, paragraph=1, start=0, end=1)
        ]
        * 10,
    )
    answer = lookup_answer(text, OfficialLookup(official=official))
    assert_safe(answer)
    assert len(answer.pages) == 4


def test_official_answer_shows_titles_documents_statements() -> None:
    """An official's card has titles with source and date, documents and statements."""
    card = lookup_answer("Wang Weizhong", OfficialLookup(official=WANG)).pages[0]
    assert card.title == "Wang Weizhong"
    fields = {f.name: f.value for f in card.fields}
    assert "Governor of Guangdong \u2014 news aktuell (ots), 2025-02-06" in fields["Titles"]
    assert all(document.title in fields["Documents"] for document in WANG.documents)
    assert "> Governor Wang Weizhong headed the event." in fields["Statement 1"]
    assert "王伟中" in card.description


def test_official_answer_pages_statements_three_at_a_time() -> None:
    """Seven statements make three pages; titles and documents only on the first."""
    answer = lookup_answer("Huang Kunming", OfficialLookup(official=HUANG))
    assert len(answer.pages) == 3
    assert [f.name for f in answer.pages[0].fields][:2] == ["Titles", "Documents"]
    assert [f.name.split(" ·")[0] for f in answer.pages[2].fields] == ["Statement 7"]


def test_official_answer_tells_reported_statements_from_transcript_sentences() -> None:
    """Sentences of an official's own speech are counted apart and labelled as transcript."""
    spoken = HUANG.statements[0].model_copy(update={"kind": "transcript"})
    official = HUANG.model_copy(update={"statements": [spoken, *HUANG.statements[1:]]})
    card = lookup_answer("Huang", OfficialLookup(official=official)).pages[0]
    assert "6 statements reported · 1 sentence from the transcript" in card.description
    labels = [f.name for f in card.fields if f.name.startswith("Statement")]
    assert labels[0].endswith("from the speech transcript")
    assert not labels[1].endswith("from the speech transcript")


def test_official_without_statements_says_so_on_one_page() -> None:
    """An official the corpus names but never quotes gets one page that says so."""
    quiet = WANG.model_copy(update={"statements": []})
    answer = lookup_answer("Wang Weizhong", OfficialLookup(official=quiet))
    [card] = answer.pages
    assert [f.name for f in card.fields] == ["Titles", "Documents", "Statements"]
    assert card.fields[-1].value == "The corpus quotes no statement by them."
    assert card.footer == "no statements"


def test_empty_directory_says_so() -> None:
    """A corpus that names no officials gets a sentence, not an empty page."""
    [card] = directory_answer([]).pages
    assert (card.title, card.description) == ("Officials", "The corpus names no officials yet.")


def test_unknown_official_lists_closest_names() -> None:
    """An unknown name gets the closest names."""
    answer = lookup_answer(
        "Wang", OfficialLookup(official=None, suggestions=["Wang Weizhong", "Wang Yueqin"])
    )
    assert not answer.found
    assert "\u2022 Wang Weizhong\n\u2022 Wang Yueqin" in answer.pages[0].description
