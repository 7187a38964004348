"""The hand-edited glossaries' format and the shipped files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from retrieval.tokenize import Tokenizer
from retrieval.translation.glossary import parse_glossary, read_glossaries


def test_a_line_gives_phrases_and_translations() -> None:
    """ "a, b = x, y": both phrases on the left, both translations on the right."""
    entry = parse_glossary("Hafen, Seehafen = harbour, port\n", "de", "en")[0]
    assert entry.phrases == ("Hafen", "Seehafen")
    assert entry.translations == ("harbour", "port")
    assert (entry.language, entry.other_language) == ("de", "en")


def test_comments_and_blank_lines_are_skipped() -> None:
    """Comment lines, trailing comments and blank lines make no entry."""
    entries = parse_glossary("# a = b\n\nHafen = harbour  # a port\n", "de", "en")
    assert [e.translations for e in entries] == [("harbour",)]


def test_a_malformed_line_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    """A line without "=" or with an empty side is reported, not fatal."""
    with caplog.at_level(logging.WARNING):
        entries = parse_glossary("Hafen harbour\n= port\n", "de", "en")
    assert entries == []
    assert "Glossary line 1" in caplog.text


def test_the_shipped_glossaries_cover_german_and_chinese() -> None:
    """The shipped files give German-English and Chinese-English entries."""
    pairs = {(e.language, e.other_language) for e in read_glossaries()}
    assert pairs >= {("de", "en"), ("zh", "en")}


def test_the_shipped_glossaries_write_one_language_per_side() -> None:
    """No Chinese on the English side of the shipped files, no Latin on the Chinese side."""
    for entry in read_glossaries():
        for phrase in entry.translations:
            assert not any("\u4e00" <= c <= "\u9fff" for c in phrase), phrase
        if entry.language == "zh":
            assert all(any("\u4e00" <= c <= "\u9fff" for c in p) for p in entry.phrases)


def test_every_shipped_phrase_has_terms_to_search() -> None:
    """No phrase of the shipped glossaries is made of stopwords only ("May", "US")."""
    tokenizer = Tokenizer()
    for entry in read_glossaries():
        sides = [(entry.language, entry.phrases), (entry.other_language, entry.translations)]
        for language, phrases in sides:
            for phrase in phrases:
                if language != "zh":
                    assert tokenizer.own_terms(phrase, language), phrase


def test_a_glossary_may_name_its_source(tmp_path: Path) -> None:
    """ "de-en.extra.txt" is a German-English glossary too; other names are not read."""
    (tmp_path / "de-en.extra.txt").write_text("Hafen = harbour\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Hafen = harbour\n", encoding="utf-8")
    entries = list(read_glossaries(tmp_path))
    assert [(e.language, e.other_language) for e in entries] == [("de", "en")]


def test_a_glossary_named_a_to_b_translates_one_way(tmp_path: Path) -> None:
    """ "de-to-en.txt" makes one-way entries; "de-en.txt" entries go both ways."""
    (tmp_path / "de-to-en.general.txt").write_text("gelten = apply\n", encoding="utf-8")
    (tmp_path / "de-en.txt").write_text("Hafen = harbour\n", encoding="utf-8")
    entries = {e.phrases[0]: e for e in read_glossaries(tmp_path)}
    assert entries["gelten"].one_way and entries["gelten"].other_language == "en"
    assert not entries["Hafen"].one_way
