"""Loaded documents held compactly: the text once, paragraphs as columns, the same values."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import Corpus
from retrieval.derived import Spans
from retrieval.documents import Document, Paragraph
from retrieval.models import DocumentInfo

TEXT = "Title\n\nFirst paragraph. 第一段。\n\nSecond \ud800 paragraph."
INFO = DocumentInfo(id="doc", title="Title", source="test", language="en")


def _document() -> Document:
    first, second = TEXT.index("First"), TEXT.index("Second")
    paragraphs = [
        Paragraph(1, first, TEXT.index("\n\nSecond"), TEXT[first : TEXT.index("\n\nSecond")], "en"),
        Paragraph(2, second, len(TEXT), TEXT[second:], "en"),
    ]
    return Document(INFO, Path("doc.txt"), TEXT, "utf-8", paragraphs, ["en"])


def test_document_gives_back_its_text_and_paragraphs() -> None:
    """Text (a lone surrogate too) and paragraphs read back as they were given."""
    document = _document()
    assert document.text == TEXT
    assert [p.text for p in document.paragraphs] == [
        "First paragraph. 第一段。",
        "Second \ud800 paragraph.",
    ]
    assert all(p.text == TEXT[p.start : p.end] for p in document.paragraphs)


def test_paragraph_within_a_text_equals_one_given_its_own() -> None:
    """A paragraph sliced from its document's text is the paragraph holding that text."""
    start = TEXT.index("First")
    own = Paragraph(1, start, start + 16, TEXT[start : start + 16], "en")
    within = Paragraph.within(TEXT, 1, start, start + 16, "en")
    assert within == own
    assert hash(within) == hash(own)
    assert within.text == "First paragraph."


def test_spans_round_trip_through_json() -> None:
    """Columns written as JSON read back to the same rows."""
    rows = [(1, 0, 5, "en", None), (2, 7, 20, "zh", 3), (2, 21, 30, "en", None)]
    spans = Spans.from_json(Spans.of(rows).to_json())
    assert list(spans.rows()) == rows


def test_spans_that_do_not_fit_are_refused() -> None:
    """Columns of different lengths, or a language code outside the table, are an error."""
    data = Spans.of([(1, 0, 5, "en", None)]).to_json()
    with pytest.raises(ValueError):
        Spans.from_json({**data, "end": [5, 6]})
    with pytest.raises(ValueError):
        Spans.from_json({**data, "language": [1]})
    assert not Spans.of([(1, 0, 50, "en", None)]).fit(10)


def test_seed_documents_keep_their_paragraph_texts(seed_corpus: Corpus) -> None:
    """Every loaded paragraph's text is its document's text at its offsets."""
    for document in seed_corpus.documents:
        text = document.text
        assert all(p.text == text[p.start : p.end] for p in document.paragraphs)
