"""The per-file cache: a restart reads what changed only, and serves what a fresh load would."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import corpus as corpus_module
from retrieval.file_cache import FileCache
from retrieval.index_store import FILES_DIRNAME, INDEX_DIRNAME, POINTER_FILE
from retrieval.library import Library
from retrieval.officials.build import build_officials
from retrieval.officials.scan import DocumentScan, DocumentScanner
from retrieval.officials.statements import KnownOfficial, Speech, StatementFinder
from retrieval.officials.vocabulary import load_vocabulary
from retrieval.officials_cache import document_scans
from retrieval.tokenize import Tokenizer

WriteCorpus = Callable[[Mapping[str, str | bytes]], Path]

FILES: dict[str, str] = {
    "shenzhen.txt": "Shenzhen opens a chip centre\n\nShenzhen opened a semiconductor centre on "
    "Monday. It will train 2,000 engineers a year.\n",
    "foshan.txt": "Foshan robots\n\nFoshan builds industrial robots for export. Governor Wang "
    "Weizhong said the province supports robotics.\n",
    "guangzhou.md": "---\ntitle: Guangzhou port\ndate: 2024-05-01\n---\nGuangzhou port handled "
    "more containers than ever. 广州港集装箱吞吐量创新高。\n",
}
QUESTIONS = ("semiconductor engineers", "robots export", "Guangzhou containers", "广州港", "Wang")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read (not taken from the cache) by every load after it."""
    names: list[str] = []
    original = corpus_module._file_sources

    def counting(path: Path, relative: str, data: bytes, warn: Any) -> Iterator[Any]:
        names.append(relative)
        return original(path, relative, data, warn)

    monkeypatch.setattr(corpus_module, "_file_sources", counting)
    return names


def _entries(folder: Path) -> set[str]:
    return {path.name for path in (folder / INDEX_DIRNAME / FILES_DIRNAME).iterdir()}


def test_restart_reads_no_file(write_corpus: WriteCorpus, reads: list[str]) -> None:
    """A second load of an unchanged folder takes every file from the cache."""
    folder = write_corpus(FILES)
    Library.load(folder)
    assert sorted(reads) == sorted(FILES)
    reads.clear()
    again = Library.load(folder)
    assert reads == []
    assert again.stats.index_from_cache
    assert len(again.corpus.documents) == len(FILES)


def test_changed_file_alone_is_read_again(write_corpus: WriteCorpus, reads: list[str]) -> None:
    """Editing one file re-reads that file only; its new text is found."""
    folder = write_corpus(FILES)
    Library.load(folder)
    reads.clear()
    (folder / "foshan.txt").write_text(FILES["foshan.txt"] + "\nFoshan also makes drones.\n")
    library = Library.load(folder)
    assert reads == ["foshan.txt"]
    assert "drones" in library.search("drones").results[0].text


def test_added_file_tokenizes_only_its_passages(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    """Adding a document reads and tokenizes that document only; the index is rebuilt."""
    folder = write_corpus(FILES)
    Library.load(folder)
    reads.clear()
    tokenized: list[str] = []
    original = Tokenizer.index_terms

    def counting(self: Tokenizer, text: str, language: str) -> tuple[list[str], int]:
        tokenized.append(text)
        return original(self, text, language)

    monkeypatch.setattr(Tokenizer, "index_terms", counting)
    (folder / "zhuhai.txt").write_text("Zhuhai bridge\n\nThe Zhuhai bridge carried more cars.\n")
    library = Library.load(folder)
    assert reads == ["zhuhai.txt"]
    added = [p.text for p in library.corpus.passages if p.document_id == "zhuhai"]
    assert tokenized == added
    assert not library.stats.index_from_cache
    assert "Zhuhai" in library.search("Zhuhai bridge cars").results[0].text


def test_removed_file_entries_are_removed(write_corpus: WriteCorpus) -> None:
    """The cache entries of a file no longer in the folder are deleted by the next load."""
    folder = write_corpus(FILES)
    Library.load(folder)
    cache = FileCache(folder)
    removed = cache.key("foshan.txt", FILES["foshan.txt"].encode())
    kept = cache.key("shenzhen.txt", FILES["shenzhen.txt"].encode())
    assert any(name.startswith(removed) for name in _entries(folder))
    (folder / "foshan.txt").unlink()
    Library.load(folder)
    after = _entries(folder)
    assert not any(name.startswith(removed) for name in after)
    # documents, officials scans, speeches, tokens
    assert len([name for name in after if name.startswith(kept)]) == 4


def test_damaged_entry_is_ignored_with_a_warning_and_rebuilt(
    write_corpus: WriteCorpus, reads: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A cache entry that is not valid JSON is logged, the file read again, the entry rewritten."""
    folder = write_corpus(FILES)
    Library.load(folder)
    key = FileCache(folder).key("shenzhen.txt", FILES["shenzhen.txt"].encode())
    entry = folder / INDEX_DIRNAME / FILES_DIRNAME / f"{key}.json"
    entry.write_bytes(b'{"versions": "x", "data": [')
    reads.clear()
    with caplog.at_level(logging.WARNING, logger="retrieval.file_cache"):
        library = Library.load(folder)
    assert reads == ["shenzhen.txt"]
    assert any("damaged" in record.getMessage() for record in caplog.records)
    assert library.search("semiconductor engineers").results
    reads.clear()
    Library.load(folder)
    assert reads == []


def test_damaged_tokens_entry_is_rebuilt(write_corpus: WriteCorpus) -> None:
    """Tokens that do not fit their file's passages are tokenized again, not indexed."""
    folder = write_corpus(FILES)
    fresh = Library.load(folder, use_cache=False)
    Library.load(folder)
    for path in (folder / INDEX_DIRNAME / FILES_DIRNAME).glob("*.npz"):
        np.savez(path, vocabulary=np.zeros(3, dtype=np.uint8), ids=np.arange(5))
    (folder / INDEX_DIRNAME / POINTER_FILE).unlink()  # the index must be built again
    library = Library.load(folder)
    assert not library.stats.index_from_cache
    assert library.searcher.index.vocabulary == fresh.searcher.index.vocabulary


def test_cached_load_answers_as_a_fresh_one(seeds_dir: Path, tmp_path: Path) -> None:
    """On the seeds: documents, officials, index and answers are the same from the cache (the
    index also when rebuilt from cached tokens) as loaded afresh."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    fresh = Library.load(folder, use_cache=False)
    Library.load(folder)
    (folder / INDEX_DIRNAME / POINTER_FILE).unlink()  # rebuilt from the cached tokens
    from_tokens = Library.load(folder)
    restarted = Library.load(folder)
    assert not from_tokens.stats.index_from_cache
    assert restarted.stats.index_from_cache
    questions = (*QUESTIONS, "What did Huang Kunming say?", "Wer leitete die Konferenz?")
    for library in (from_tokens, restarted):
        assert [d.info for d in library.corpus.documents] == [
            d.info for d in fresh.corpus.documents
        ]
        assert library.corpus.passages == fresh.corpus.passages
        assert library.officials.all() == fresh.officials.all()
        assert library.warnings == fresh.warnings
        assert library.searcher.index.vocabulary == fresh.searcher.index.vocabulary
        terms = fresh.searcher.index.vocabulary[:50]
        assert np.array_equal(
            library.searcher.index.scores(terms), fresh.searcher.index.scores(terms)
        )
        for question in questions:
            assert library.search(question) == fresh.search(question)


def test_saved_index_is_memory_mapped(write_corpus: WriteCorpus) -> None:
    """A reused index reads its arrays from the saved files, not from copies in memory."""
    folder = write_corpus(FILES)
    Library.load(folder)
    index = Library.load(folder).searcher.index
    assert isinstance(index.doc_len.base, np.memmap)
    assert not index.doc_len.flags.writeable


def test_restarted_officials_hold_the_corpus_documents(write_corpus: WriteCorpus) -> None:
    """Officials read from the cache name the corpus's own document metadata, not copies."""
    folder = write_corpus(FILES)
    fresh = Library.load(folder, use_cache=False)
    Library.load(folder)
    restarted = Library.load(folder)
    assert restarted.officials.all() == fresh.officials.all()
    documents = [d for official in restarted.officials.all() for d in official.documents]
    assert documents
    assert all(d is restarted.corpus.document(d.id).info for d in documents)


def test_adding_a_document_gives_what_a_fresh_load_gives(seeds_dir: Path, tmp_path: Path) -> None:
    """On the seeds plus one added file: officials (built again from the other files' cached
    scans), passages, index and answers are those of a load from the texts."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    Library.load(folder)
    (folder / "foshan.txt").write_text(FILES["foshan.txt"], encoding="utf-8")
    added = Library.load(folder)
    fresh = Library.load(folder, use_cache=False)
    assert not added.stats.index_from_cache
    assert added.officials.all() == fresh.officials.all()
    assert added.corpus.passages == fresh.corpus.passages
    assert added.searcher.index.vocabulary == fresh.searcher.index.vocabulary
    for question in (*QUESTIONS, "What did Huang Kunming say?"):
        assert added.search(question) == fresh.search(question)


def test_adding_a_document_finds_speeches_in_it_alone(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other documents' speeches are read from the cache when the officials they name are
    unchanged; the directory is that of a load from the texts."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    Library.load(folder)
    (folder / "foshan.txt").write_text(FILES["foshan.txt"], encoding="utf-8")
    searched = _count_speech_searches(monkeypatch)
    added = Library.load(folder)
    assert searched == ["foshan.txt"]
    monkeypatch.undo()
    assert added.officials.all() == Library.load(folder, use_cache=False).officials.all()


def test_speeches_are_found_again_when_an_official_named_changes(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document naming an official whose names changed (a new spelling in an added file)
    has its speeches found again, not read from an entry made for the old names."""
    folder = write_corpus(FILES)
    Library.load(folder)
    (folder / "wang.txt").write_text(
        "王伟中省长表示，广东将支持机器人产业。Governor Wang Weizhong visited Foshan.\n",
        encoding="utf-8",
    )
    searched = _count_speech_searches(monkeypatch)
    added = Library.load(folder)
    assert sorted(searched) == ["foshan.txt", "wang.txt"]
    monkeypatch.undo()
    assert added.officials.all() == Library.load(folder, use_cache=False).officials.all()


def test_statements_of_the_relevant_officials_are_those_of_all(seeds_dir: Path) -> None:
    """A document's speeches found among the officials it names are those found among all
    officials: what lets the cache keep them by those officials."""
    library = Library.load(seeds_dir, use_cache=False)
    vocabulary = load_vocabulary()
    finder = StatementFinder(vocabulary)
    counts: list[tuple[int, int, int]] = []

    def checking(
        scans: Sequence[DocumentScan], known: Sequence[KnownOfficial]
    ) -> Iterator[tuple[DocumentScan, list[Speech]]]:
        for scan in scans:
            speeches = finder.speeches(scan, known)
            relevant = finder.relevant(scan, known)
            assert finder.speeches(scan, relevant) == speeches
            counts.append((len(relevant), len(known), len(speeches)))
            yield scan, speeches

    build_officials(library.corpus.documents, vocabulary, find_speeches=checking)
    assert len(counts) == len(library.corpus.documents)
    assert all(relevant < known for relevant, known, _ in counts)
    assert sum(speeches for _, _, speeches in counts)


def test_damaged_statements_entry_is_logged_and_found_again(
    write_corpus: WriteCorpus, caplog: pytest.LogCaptureFixture
) -> None:
    """A statements entry naming an official the document does not name, or offsets beyond its
    text, or a figure too large to be one, is logged and found again: never a crash."""
    folder = write_corpus(FILES)
    fresh = Library.load(folder, use_cache=False).officials.all()
    Library.load(folder)
    files = folder / INDEX_DIRNAME / FILES_DIRNAME
    damages = (
        lambda row: [["nobody", *row[1:]]],
        lambda row: [[row[0], row[1], row[2], 10**9, *row[4:]]],
        lambda row: [[row[0], row[1], 1e999, *row[3:]]],
    )
    for damage in damages:
        for entry in files.glob("*.speeches-*.json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            for item in data["data"]:
                if item["speeches"]:
                    item["speeches"] = damage(item["speeches"][0])
            entry.write_text(json.dumps(data), encoding="utf-8")
        _drop_directory(folder)
        caplog.clear()
        assert Library.load(folder).officials.all() == fresh
        assert any(".speeches-" in r.getMessage() for r in caplog.records)


def test_statements_are_found_again_when_the_catalog_changes_a_language(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document the catalog gives another language has its statements found again."""
    folder = write_corpus(FILES)
    Library.load(folder)
    (folder / "catalog.toml").write_text('["foshan.txt"]\nlanguage = "de"\n', encoding="utf-8")
    searched = _count_speech_searches(monkeypatch)
    changed = Library.load(folder)
    assert "foshan.txt" in searched
    monkeypatch.undo()
    assert changed.officials.all() == Library.load(folder, use_cache=False).officials.all()


def test_damaged_directory_entry_of_the_wrong_shape_is_rebuilt(write_corpus: WriteCorpus) -> None:
    """A directory entry whose officials are strings, not records, is rebuilt, not a crash."""
    folder = write_corpus(FILES)
    fresh = Library.load(folder, use_cache=False).officials.all()
    Library.load(folder)
    (entry,) = (folder / INDEX_DIRNAME / FILES_DIRNAME).glob("officials-*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["data"]["officials"] = ["ab"]
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert Library.load(folder).officials.all() == fresh


def _drop_directory(folder: Path) -> None:
    """Remove the cached officials directory, so that the next load builds it again."""
    for entry in (folder / INDEX_DIRNAME / FILES_DIRNAME).glob("officials-*.json"):
        entry.unlink()


def _count_speech_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the name of each file whose document is searched for speeches."""
    searched: list[str] = []
    original = StatementFinder.speeches

    def counting(self: StatementFinder, scan: DocumentScan, officials: Any) -> Any:
        searched.append(Path(scan.document.path).name)  # type: ignore[attr-defined]
        return original(self, scan, officials)

    monkeypatch.setattr(StatementFinder, "speeches", counting)
    return searched


TRADITIONAL = {
    "hongkong.txt": "廣東發展\n\n廣東省省長王偉中表示，廣東將支持機器人產業發展。"
    "大灣區經濟持續增長。\n",
    **FILES,
}


def test_traditional_script_scan_restored_is_the_scan_made(write_corpus: WriteCorpus) -> None:
    """A traditional-script document's scan read from the cache (its folded characters kept
    as runs) is the scan made from its text."""
    folder = write_corpus(TRADITIONAL)
    library = Library.load(folder)
    cache = FileCache(folder)
    for name in TRADITIONAL:
        cache.key(name, (folder / name).read_bytes(), folder / name)
    documents = library.corpus.documents
    restored = list(document_scans(documents, cache))
    scanner = DocumentScanner(load_vocabulary())
    made = [scanner.scan(document) for document in documents]
    assert cache.reads == len(documents)
    assert [scan.simplified or scan.document.text for scan in restored] == [
        scan.simplified or scan.document.text for scan in made
    ]
    assert any("广东" in scan.simplified for scan in restored)
    assert [(s.mentions, s.titles, s.sentences) for s in restored] == [
        (s.mentions, s.titles, s.sentences) for s in made
    ]


@pytest.mark.parametrize("runs", [[[10**6, "广"]], [[3, "广"], [1, "东"]], "广东", [["0", "广"]]])
def test_damaged_folded_runs_are_scanned_again(
    write_corpus: WriteCorpus, runs: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Folded-character runs that do not fit the text (beyond it, out of order, of the wrong
    type) are logged and the document scanned again: the directory is a fresh load's."""
    folder = write_corpus(TRADITIONAL)
    fresh = Library.load(folder, use_cache=False).officials.all()
    Library.load(folder)
    for entry in (folder / INDEX_DIRNAME / FILES_DIRNAME).glob("*.officials-*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        for item in data["data"]:
            item["simplified"] = runs
        entry.write_text(json.dumps(data), encoding="utf-8")
    _drop_directory(folder)
    caplog.clear()
    assert Library.load(folder).officials.all() == fresh
    messages = [record.getMessage() for record in caplog.records]
    assert any(".officials-" in message and "damaged" in message for message in messages)


@pytest.mark.parametrize(
    "damage",
    [
        lambda row: [row[0], row[1], row[2], 10**9, row[4]],
        lambda row: [row[0], row[1], 1.5, row[3], row[4]],
        lambda row: ["no-such-document", *row[1:]],
        lambda row: [*row[:4], "rumoured"],
        lambda row: row[:3],
    ],
)
def test_damaged_directory_statement_is_rebuilt(
    write_corpus: WriteCorpus, damage: Callable[[list[Any]], list[Any]]
) -> None:
    """A directory entry's statement that does not fit its document (beyond its text, not a
    whole number, another document, no kind, too short) is rebuilt, not a crash."""
    folder = write_corpus(FILES)
    fresh = Library.load(folder, use_cache=False).officials.all()
    assert any(official.statements for official in fresh)
    Library.load(folder)
    (entry,) = (folder / INDEX_DIRNAME / FILES_DIRNAME).glob("officials-*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    for official in data["data"]["officials"]:
        official["statements"] = [damage(row) for row in official["statements"]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert Library.load(folder).officials.all() == fresh


def test_restarted_statements_are_those_found(seeds_dir: Path, tmp_path: Path) -> None:
    """The seeds' officials after a restart (statements restored from where they stand) are
    those of a load from the texts, text and date of every statement included."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    Library.load(folder)
    restarted = Library.load(folder).officials.all()
    fresh = Library.load(folder, use_cache=False).officials.all()
    assert sum(len(official.statements) for official in fresh) > 10
    assert [o.statements for o in restarted] == [o.statements for o in fresh]
    assert restarted == fresh
