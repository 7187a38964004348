"""The person-editable overrides file: corrections win, mistakes in it never break loading."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.officials import OfficialsDirectory

EN = "hqd-conference-2025-press-release-en"


@pytest.fixture(scope="module")
def corpus(seeds_copy: Path) -> Corpus:
    return load_corpus(seeds_copy)


def with_overrides(corpus: Corpus, tmp_path: Path, text: str) -> OfficialsDirectory:
    path = tmp_path / "officials-overrides.toml"
    path.write_text(text, encoding="utf-8")
    return OfficialsDirectory.from_corpus(corpus, path)


def test_not_officials_removes_a_name_in_any_spelling(corpus: Corpus, tmp_path: Path):
    """A name under not_officials is dropped, whatever spelling the file uses."""
    directory = with_overrides(corpus, tmp_path, 'not_officials = ["YANG yinkai"]\n')
    assert directory.lookup("Yang Yinkai").official is None
    assert len(directory) == 11
    assert directory.warnings == []


def test_override_adds_title_alias_and_statement(corpus: Corpus, tmp_path: Path):
    """An [[official]] entry adds to what extraction found, with the document's date."""
    sentence = "The aim is to develop high -quality new productive forces."
    directory = with_overrides(
        corpus,
        tmp_path,
        f"""
[[official]]
name = "wang weizhong"
aliases = ["王伟中"]
titles = [{{ title = "Governor of Guangdong Province", document = "{EN}" }}]
statements = [{{ document = "{EN}", text = "{sentence}" }}]
""",
    )
    wang = directory.lookup("王伟中").official
    assert wang is not None and wang.name == "Wang Weizhong"
    assert "王伟中" in wang.aliases
    added = [t for t in wang.titles if t.title == "Governor of Guangdong Province"]
    assert added and added[0].date == corpus.document(EN).info.date
    quoted = [s for s in wang.statements if s.text == sentence]
    assert quoted
    assert corpus.document(EN).text[quoted[0].start : quoted[0].end] == sentence


def test_override_adds_an_official_extraction_missed(corpus: Corpus, tmp_path: Path):
    """A name the corpus gives no title for can be made an official by the file."""
    directory = with_overrides(
        corpus,
        tmp_path,
        f"""
[[official]]
name = "Zhou Xiaoming"
titles = [{{ title = "mayor of Foshan", document = "{EN}" }}]
""",
    )
    zhou = directory.lookup("Zhou Xiaoming").official
    assert zhou is not None
    assert zhou.main_title == "mayor of Foshan"
    assert [d.id for d in zhou.documents] == [EN]


def test_statement_not_in_the_document_is_refused_with_a_warning(corpus: Corpus, tmp_path: Path):
    """A statement that is not verbatim in its document is skipped and reported."""
    directory = with_overrides(
        corpus,
        tmp_path,
        f"""
[[official]]
name = "Wang Weizhong"
statements = [{{ document = "{EN}", text = "Words Wang Weizhong never said." }}]
""",
    )
    wang = directory.lookup("Wang Weizhong").official
    assert wang is not None
    assert all(s.text != "Words Wang Weizhong never said." for s in wang.statements)
    assert len(directory.warnings) == 1
    assert "not in" in directory.warnings[0]


def test_unknown_document_is_refused_with_a_warning(corpus: Corpus, tmp_path: Path):
    """A title citing a document that does not exist is skipped and reported."""
    directory = with_overrides(
        corpus,
        tmp_path,
        """
[[official]]
name = "Wang Weizhong"
titles = [{ title = "Governor", document = "no-such-document" }]
""",
    )
    assert any("no-such-document" in warning for warning in directory.warnings)


def test_broken_file_is_ignored_with_a_warning(
    corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """Invalid TOML leaves the extracted directory intact, warns and logs the detail."""
    with caplog.at_level(logging.WARNING, logger="retrieval.officials"):
        directory = with_overrides(corpus, tmp_path, "not_officials = [unclosed\n")
    assert len(directory) == 12
    assert len(directory.warnings) == 1
    assert "officials-overrides.toml" in directory.warnings[0]
    assert "officials-overrides.toml" in caplog.text


def test_malformed_entry_is_skipped_and_the_rest_applied(corpus: Corpus, tmp_path: Path):
    """One bad [[official]] entry is reported; the good ones still apply."""
    directory = with_overrides(
        corpus,
        tmp_path,
        """
not_officials = ["Meng Fanli"]

[[official]]
aliases = ["no name here"]
""",
    )
    assert directory.lookup("Meng Fanli").official is None
    assert any("entry 1" in warning for warning in directory.warnings)


def test_missing_file_is_reported(corpus: Corpus, tmp_path: Path):
    """A path to a file that does not exist applies nothing and says so."""
    directory = OfficialsDirectory.from_corpus(corpus, tmp_path / "absent.toml")
    assert len(directory) == 12
    assert any("does not exist" in warning for warning in directory.warnings)


def test_titles_that_are_not_a_list_skip_the_entry(corpus: Corpus, tmp_path: Path) -> None:
    """ "titles = 5" or "statements = 5" skips that entry with a warning instead of raising."""
    directory = with_overrides(
        corpus,
        tmp_path,
        """
[[official]]
name = "Wang Weizhong"
titles = 5

[[official]]
name = "Wang Weizhong"
statements = "not a list"
""",
    )
    assert len(directory) == 12
    assert [w.split(": ", 1)[1] for w in directory.warnings] == [
        "official entry 1 was ignored: each title needs a title and a document id.",
        "official entry 2 was ignored: each statement needs a document id and a text.",
    ]
