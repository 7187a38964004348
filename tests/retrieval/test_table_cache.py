"""The searcher's slowest tables from the cache: the same as built afresh, read on a restart,
built for an added file only where they are the file's own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from retrieval import file_cache, table_cache
from retrieval.alignment import TranslationPairs
from retrieval.duplicates import DuplicateGroups
from retrieval.index_store import FILES_DIRNAME, INDEX_DIRNAME
from retrieval.library import Library
from retrieval.officials.scan import DocumentScanner
from retrieval.search.answer_types import NUMBER, PERSON

# A mirror of a seed (another site reposting the release): copies to find.
MIRRORED = "hqd-conference-2025-press-release-en.txt"
ADDED = (
    "Foshan robots\n\nFoshan builds 12,000 industrial robots a year for export. Governor Wang "
    "Weizhong said the province supports robotics.\n"
)


@pytest.fixture
def corpus(seeds_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder, ignore=shutil.ignore_patterns(".*"))
    shutil.copy(folder / MIRRORED, folder / "mirror-site-repost.txt")
    return folder


def _tables(library: Library) -> tuple[object, ...]:
    """What the three tables hold, as plain values to compare."""
    searcher = library.searcher
    ids = np.arange(len(library.corpus.passages))
    features = searcher._answer_features.get()
    translated = searcher._translated.get()
    return (
        features.holds(NUMBER, ids).tolist(),
        features.holds(PERSON, ids).tolist(),
        searcher._duplicates.get().groups(),
        [(pair.first, pair.second, pair.steps) for pair in translated.pairs()],
        translated.candidates,
        [translated.counterparts(int(p)) for p in ids],
        [translated.is_original(int(p)) for p in ids],
        translated.aligned_terms(),
    )


def test_cached_tables_are_those_built_afresh(corpus: Path) -> None:
    """Built and cached on a first load, read on a restart: both as a load without a cache."""
    fresh = _tables(Library.load(corpus, use_cache=False))
    first = Library.load(corpus)
    first.warm_up()
    restarted = Library.load(corpus)
    assert fresh[2], "the mirror's copies are found"
    assert fresh[3], "the seeds' translations are found"
    assert _tables(first) == fresh
    assert _tables(restarted) == fresh


def test_restart_builds_no_table(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A restart's warm-up reads copies, translations and answer flags: nothing is scanned,
    aligned or compared again."""
    Library.load(corpus).warm_up()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(DuplicateGroups, "build", refuse)
    monkeypatch.setattr(TranslationPairs, "build", refuse)
    monkeypatch.setattr(DocumentScanner, "scan", refuse)
    Library.load(corpus).warm_up()


def test_added_file_alone_is_scanned_for_answer_flags(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a document scans that document for names, not the others again; the flags are
    those of a load without a cache."""
    Library.load(corpus).warm_up()
    (corpus / "foshan.txt").write_text(ADDED, encoding="utf-8")
    scanned: list[str] = []
    original = DocumentScanner.scan

    def counting(self: DocumentScanner, document: object) -> object:
        scanned.append(document.path.name)  # type: ignore[attr-defined]
        return original(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(DocumentScanner, "scan", counting)
    added = Library.load(corpus)
    added.warm_up()
    assert set(scanned) == {"foshan.txt"}
    assert _tables(added) == _tables(Library.load(corpus, use_cache=False))


@pytest.mark.parametrize(
    ("pattern", "damage"), [(r"\[\[", "[[999999,"), (r"(?<=[\[,])\d+(?=[,\]])", "Infinity")]
)
def test_damaged_table_entry_is_built_again_with_a_warning(
    corpus: Path, caplog: pytest.LogCaptureFixture, pattern: str, damage: str
) -> None:
    """A copies or translations entry that does not fit (a row too long, a number too large to
    be an id) is logged and built again."""
    fresh = _tables(Library.load(corpus, use_cache=False))
    Library.load(corpus).warm_up()
    files = corpus / INDEX_DIRNAME / FILES_DIRNAME
    for kind in ("copies-*.json", "translations-*.json"):
        (entry,) = files.glob(kind)
        text = entry.read_text(encoding="utf-8")
        entry.write_text(re.sub(pattern, damage, text, count=1), encoding="utf-8")
    restarted = Library.load(corpus)
    assert _tables(restarted) == fresh
    damaged = [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]
    assert any("copies-" in message for message in damaged)
    assert any("translations-" in message for message in damaged)


def test_tidying_keeps_the_tables_a_restart_has_not_read_yet(corpus: Path) -> None:
    """A load tidies the cache before the tables are first needed: their entries stay."""
    Library.load(corpus).warm_up()
    restarted = Library.load(corpus)  # tidies, reads no table
    files = corpus / INDEX_DIRNAME / FILES_DIRNAME
    assert len(list(files.glob("copies-*.json"))) == 1
    assert len(list(files.glob("translations-*.json"))) == 1
    assert len(list(files.glob("*.answers-*.npz"))) == len(restarted.files())


def test_tables_of_older_code_are_not_called_damaged(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """After an upgrade (other code), the tables are built under other names: the old ones
    are unused, not read and reported as damaged."""
    Library.load(corpus).warm_up()
    upgraded = lambda: "other code"  # noqa: E731
    monkeypatch.setattr(file_cache, "code_digest", upgraded)
    monkeypatch.setattr(table_cache, "code_digest", upgraded)
    caplog.clear()
    Library.load(corpus).warm_up()
    assert not [r for r in caplog.records if "is damaged" in r.getMessage()]


def test_added_file_alone_has_its_anchors_found(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a document finds the written anchors of its passages only; the translations
    found are those of a load without a cache."""
    Library.load(corpus).warm_up()
    (corpus / "foshan.txt").write_text(ADDED, encoding="utf-8")
    anchored: list[str] = []
    original = table_cache.written_anchors

    def counting(text: str, language: str, tokenizer: object) -> set[str]:
        anchored.append(text)
        return original(text, language, tokenizer)  # type: ignore[arg-type]

    monkeypatch.setattr(table_cache, "written_anchors", counting)
    added = Library.load(corpus)
    added.warm_up()
    foshan = [p.text for p in added.corpus.passages if p.document_id == "foshan"]
    assert anchored == foshan
    monkeypatch.undo()
    assert _tables(added) == _tables(Library.load(corpus, use_cache=False))


@pytest.mark.parametrize("damage", ['"not a list"', "[[1, 2]]", "[]"])
def test_damaged_anchors_entry_is_found_again_with_a_warning(
    corpus: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    """Anchors of the wrong shape or number are logged and found again: the translations are
    those of a load without a cache."""
    fresh = _tables(Library.load(corpus, use_cache=False))
    Library.load(corpus).warm_up()
    files = corpus / INDEX_DIRNAME / FILES_DIRNAME
    for entry in files.glob("*.anchors-*.json"):
        text = entry.read_text(encoding="utf-8")
        entry.write_text(re.sub(r'"data":.*\}$', f'"data":{damage}}}', text), encoding="utf-8")
    for entry in files.glob("translations-*.json"):
        entry.unlink()
    restarted = Library.load(corpus)
    assert _tables(restarted) == fresh
    assert any(".anchors-" in r.getMessage() for r in caplog.records if "damaged" in r.getMessage())


def test_added_file_alone_is_read_into_copy_tokens(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a document reads its passages into copy-detection tokens, not the others' again;
    the copies found are those of a load without a cache."""
    Library.load(corpus).warm_up()
    (corpus / "foshan.txt").write_text(ADDED, encoding="utf-8")
    read: list[str] = []
    original = table_cache.passage_tokens

    def counting(text: str) -> tuple[list[str], bool]:
        read.append(text)
        return original(text)

    monkeypatch.setattr(table_cache, "passage_tokens", counting)
    added = Library.load(corpus)
    added.warm_up()
    assert read == [p.text for p in added.corpus.passages if p.document_id == "foshan"]
    monkeypatch.undo()
    assert _tables(added) == _tables(Library.load(corpus, use_cache=False))


def test_damaged_copy_tokens_are_read_again_with_a_warning(
    corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Copy-detection tokens pointing outside their file's vocabulary are logged and read
    again from the passages: the copies are those of a load without a cache."""
    fresh = _tables(Library.load(corpus, use_cache=False))
    Library.load(corpus).warm_up()
    files = corpus / INDEX_DIRNAME / FILES_DIRNAME
    for entry in files.glob("*.copy-tokens.npz"):
        with np.load(entry) as stored:
            arrays = {name: stored[name] for name in stored.files}
        arrays["ids"] = arrays["ids"] + 10**6
        np.savez(entry, **arrays)
    for entry in files.glob("copies-*.json"):
        entry.unlink()
    assert _tables(Library.load(corpus)) == fresh
    messages = [r.getMessage() for r in caplog.records if "damaged" in r.getMessage()]
    assert any(".copy-tokens" in message for message in messages)


def test_one_language_corpus_finds_no_anchors(write_corpus_en: Path) -> None:
    """A corpus in one language has no translations: no passage's anchors are found or kept."""
    library = Library.load(write_corpus_en)
    library.warm_up()
    files = write_corpus_en / INDEX_DIRNAME / FILES_DIRNAME
    assert not list(files.glob("*.anchors-*.json"))
    assert library.searcher._translated.get().pairs() == []


@pytest.fixture
def write_corpus_en(tmp_path: Path) -> Path:
    folder = tmp_path / "english"
    folder.mkdir()
    (folder / "foshan.txt").write_text(ADDED, encoding="utf-8")
    (folder / "zhuhai.txt").write_text(
        "Zhuhai bridge\n\nThe Zhuhai bridge carried 30,000 cars in 2024.\n", encoding="utf-8"
    )
    return folder
