"""Spam injected inside real sentences never reaches a quote; the text around it still does."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.cleaning import Kind, segment
from retrieval.content_blocks import content_blocks
from retrieval.corpus import Corpus, load_corpus
from retrieval.metadata import extract_metadata
from retrieval.spam import has_spam_vocabulary

WriteCorpus = Callable[[dict[str, str | bytes]], Path]

ENGLISH_PAGE = """# Nansha opens a new container terminal

The new container terminal in Nansha opened on Monday, the port authority said. Mayor Lin \
HaoRiverside EscortMing cut the ribbon at the ceremony, which drew hundreds of guests. The \
terminal will handle two million containers a year.

Harbour Escorts

Officials expect trade through the port to grow by 8 percent this year; in 2023 the governor \
toured the Foshan Ceramic FactorySG Casinos Group plant and praised its exports; in 2024 he \
visited the Zhuhai shipyard.
"""

CHINESE_PAGE = """市交通局局长王建国一行到Jadewin金冠豪庭体育考察

4月8日下午,市交通局局长王建国一行到Jadewin金冠豪庭体育考察港口物流项目。考察组察看了自动化码头\
控制中心和冷链仓库,了解了航线开通和货运量增长等情况。

交流会上,王建国指出,港口是城市开放的重要门户,要求Jadewin金冠Jadewin金冠豪庭体育加快智慧码头改造,\
进一步拓展东南亚航线,为外贸企业降低物流成本。

Jadewin金冠豪庭体育官网
"""


def kept_text(text: str) -> list[str]:
    """The content blocks of ``text`` as the corpus keeps them (title included)."""
    segments = segment(text)
    title = extract_metadata(text, segments).title_segment
    return [text[block.start : block.end] for block in content_blocks(text, segments, title)]


def test_escort_injection_in_english_takes_its_sentence_only() -> None:
    """The sentence (or ;-clause) a glued escort or casino token sits in goes; the rest stays."""
    assert kept_text(ENGLISH_PAGE) == [
        "Nansha opens a new container terminal",
        "The new container terminal in Nansha opened on Monday, the port authority said.",
        "The terminal will handle two million containers a year.",
        "Officials expect trade through the port to grow by 8 percent this year;",
        "in 2024 he visited the Zhuhai shipyard.",
    ]


def test_gambling_brand_in_chinese_takes_its_clauses_only() -> None:
    """A Chinese brand injection takes its comma clause and too short a rest, no more."""
    assert kept_text(CHINESE_PAGE) == [
        "考察组察看了自动化码头控制中心和冷链仓库,了解了航线开通和货运量增长等情况。",
        "交流会上,王建国指出,港口是城市开放的重要门户,",
        "进一步拓展东南亚航线,为外贸企业降低物流成本。",
    ]


def test_title_and_lines_holding_injected_spam_are_spam() -> None:
    """A title line with a gambling brand, a brand's site line and an escort line are spam."""
    found = {item.text: item.reason for item in segment(CHINESE_PAGE + "\n" + ENGLISH_PAGE)}
    assert found["市交通局局长王建国一行到Jadewin金冠豪庭体育考察"] == "spam"
    assert found["Jadewin金冠豪庭体育官网"] == "spam"
    assert found["Harbour Escorts"] == "spam"


def test_cut_segments_keep_exact_offsets() -> None:
    """Every segment of a cut paragraph is a verbatim span; the brand stands in spam ones only."""
    segments = segment(CHINESE_PAGE)
    for item in segments:
        assert CHINESE_PAGE[item.start : item.end] == item.text
    spam = [item for item in segments if item.kind is Kind.BOILERPLATE]
    assert any("Jadewin" in item.text for item in spam)
    assert not any("Jadewin" in item.text for item in segments if item.is_content)


def test_passages_of_a_spammed_page_quote_no_spam(write_corpus: WriteCorpus) -> None:
    """Loaded as a corpus, the pages give verbatim passages without a trace of the spam."""
    folder = write_corpus({"port-en.txt": ENGLISH_PAGE, "visit-zh.txt": CHINESE_PAGE})
    corpus = load_corpus(folder)
    texts = {document.info.id: document.text for document in corpus.documents}
    for passage in corpus.passages:
        assert texts[passage.document_id][passage.start : passage.end] == passage.text
        assert not has_spam_vocabulary(passage.text), passage.text
    assert any("王建国" in passage.text for passage in corpus.passages)
    assert all("Jadewin" not in document.info.title for document in corpus.documents)


# --- the development corpus (read at run time, never copied) ----------------------------------

DEV_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"


@pytest.fixture(scope="module")
def dev_corpus() -> tuple[Corpus, dict[str, Any]]:
    """The dev corpus and its officials list, loaded once."""
    if not (DEV_CORPUS / "docs").is_dir() or not (DEV_CORPUS / "officials.toml").is_file():
        pytest.skip(f"no development corpus at {DEV_CORPUS} (it lives outside the repository)")
    with (DEV_CORPUS / "officials.toml").open("rb") as handle:
        officials = tomllib.load(handle)
    return load_corpus(DEV_CORPUS / "docs"), officials


def _spam_tokens(officials: dict[str, Any]) -> list[str]:
    """The names of the officials list's ``not_officials`` that are spam, by spam vocabulary."""
    return [name for name in officials["not_officials"] if has_spam_vocabulary(name)]


def test_no_dev_corpus_passage_quotes_injected_spam(
    dev_corpus: tuple[Corpus, dict[str, Any]],
) -> None:
    """No passage, paragraph or title of the dev corpus holds a spam token the list names."""
    corpus, officials = dev_corpus
    tokens = _spam_tokens(officials)
    assert tokens, "the officials list names no spam token any more: nothing is checked"
    quoted = [
        (token, passage.document_id)
        for passage in corpus.passages
        for token in tokens
        if token in passage.text
    ]
    quoted += [
        (token, document.info.id)
        for document in corpus.documents
        for token in tokens
        if token in document.info.title
        or any(token in paragraph.text for paragraph in document.paragraphs)
    ]
    assert quoted == []


def test_officials_of_spammed_dev_files_are_still_quoted(
    dev_corpus: tuple[Corpus, dict[str, Any]],
) -> None:
    """Each official named in a file that carries spam still stands in a passage of it."""
    corpus, officials = dev_corpus
    tokens = _spam_tokens(officials)
    spammed = {
        document.info.id
        for document in corpus.documents
        if any(token in document.text for token in tokens)
    }
    assert spammed, "no dev file carries a listed spam token: nothing is checked"
    missing = []
    for official in officials["official"]:
        names = [official["name"], *official.get("aliases", [])]
        for file_name in official["files"]:
            document_id = Path(file_name).stem
            if document_id not in spammed:
                continue
            passages = [p.text for p in corpus.passages if p.document_id == document_id]
            if not any(name in text for text in passages for name in names):
                missing.append((official["name"], document_id))
    assert missing == []
