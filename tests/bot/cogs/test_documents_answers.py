"""What /add and /remove answer, and the files /remove offers as the owner types."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cogs.documents_answers import (
    CHOICE_LENGTH,
    DOCUMENTS_SHOWN,
    added_answer,
    file_by_key,
    file_choice_name,
    file_key,
    matching_files,
    removed_answer,
)
from retrieval.library import CorpusFile
from retrieval.models import DocumentInfo, DocumentSummary
from tests.bot.fixtures import PRESS_CONF, PRESS_DE, PRESS_EN, WANG, FakeStats
from tests.bot.limits import HOSTILE_TEXTS, assert_safe
from tests.e2e.expect import plain


def summary(info: DocumentInfo, passages: int = 4) -> DocumentSummary:
    return DocumentSummary(**info.model_dump(), passages=passages)


def corpus_file(name: str, *infos: DocumentInfo) -> CorpusFile:
    return CorpusFile(Path("/corpus") / name, name, tuple(summary(i) for i in infos))


def test_added_answer_reports_each_document_and_its_officials() -> None:
    """The report names title, source, date, language, passages and the officials found."""
    answer = added_answer("press.txt", corpus_file("press.txt", PRESS_EN), [WANG], [], FakeStats())
    card = answer.pages[0]
    text = plain(f"{card.title} {card.description} {card.fields[0].value} {card.footer}")
    for shown in (PRESS_EN.title, PRESS_EN.source, "2025-02-06", "English", "4 passages"):
        assert shown in text, shown
    assert "Wang Weizhong" in text and "Now serving 3 documents" in text
    assert answer.ephemeral


def test_added_answer_counts_documents_beyond_the_first_few() -> None:
    """A file of many records shows the first few documents, then how many more."""
    records = [PRESS_EN.model_copy(update={"id": f"r{n}"}) for n in range(DOCUMENTS_SHOWN + 7)]
    answer = added_answer("r.jsonl", corpus_file("r.jsonl", *records), [], [], FakeStats())
    assert "and 7 more documents" in answer.pages[0].description


@pytest.mark.parametrize("label", sorted(HOSTILE_TEXTS))
def test_added_answer_stays_within_discords_limits(label: str) -> None:
    """Titles, names and notes of any length or content keep the report within the limits."""
    hostile = HOSTILE_TEXTS[label]
    info = PRESS_CONF.model_copy(update={"title": hostile or "x", "source": hostile or "y"})
    answer = added_answer(
        hostile[:300] or "x.txt",
        corpus_file("x.txt", info),
        [WANG.model_copy(update={"name": hostile or "z"})] * 30,
        [hostile] * 20,
        FakeStats(),
    )
    assert_safe(answer)


def test_removed_answer_strikes_the_documents_out() -> None:
    """The removal report lists what is no longer served, and the corpus's new size."""
    answer = removed_answer(corpus_file("press.txt", PRESS_EN, PRESS_DE), FakeStats())
    text = answer.pages[0].description
    assert text.startswith("~~") and PRESS_EN.title in plain(text) and PRESS_DE.title in text
    assert "Removed press.txt" in answer.pages[0].title


def test_choice_names_fit_discords_limit() -> None:
    """A long title is cut to Discord's 100 characters, ending in an ellipsis."""
    info = PRESS_EN.model_copy(update={"title": "Guangdong " * 30})
    shown = file_choice_name(corpus_file("press.txt", info))
    assert len(shown) == CHOICE_LENGTH and shown.endswith("\u2026")


def test_a_file_of_many_documents_is_offered_by_its_name() -> None:
    """A JSON Lines file is one choice: its name and how many documents it holds."""
    shown = file_choice_name(corpus_file("records.jsonl", PRESS_EN, PRESS_DE))
    assert shown == "records.jsonl \u00b7 2 documents"


def test_a_long_file_name_is_chosen_by_a_digest() -> None:
    """A path over 100 characters is sent as a short key that finds the same file again."""
    long = corpus_file("deep/" * 30 + "press.txt", PRESS_EN)
    short = corpus_file("press.txt", PRESS_DE)
    key = file_key(long)
    assert len(key) <= CHOICE_LENGTH
    assert file_by_key([short, long], key) is long
    assert file_by_key([short, long], "press.txt") is short
    assert file_by_key([short, long], "../press.txt") is None


def test_files_match_by_title_or_name_in_any_case() -> None:
    """What the owner types is looked for in file names and titles, case aside."""
    files = [corpus_file("press-en.txt", PRESS_EN), corpus_file("conference.txt", PRESS_CONF)]
    assert matching_files(files, "PRODUCTIVE forces") == [files[1]]
    assert matching_files(files, "press-en") == [files[0]]
    assert matching_files(files, "") == files
