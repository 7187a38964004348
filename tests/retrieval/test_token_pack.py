"""The pack of every file's tokens: the next build reads it and indexes what the texts give."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pytest

from retrieval.file_cache import FileCache
from retrieval.index import BM25Index
from retrieval.index_store import FILES_DIRNAME, INDEX_DIRNAME, POINTER_FILE
from retrieval.library import Library

WriteCorpus = Callable[[Mapping[str, str | bytes]], Path]

FILES = {
    "a.txt": "Shenzhen chips\n\nShenzhen opened a semiconductor centre. It trains engineers.\n",
    "b.txt": "Foshan robots\n\nFoshan builds robots for export. 佛山机器人出口增长。\n",
    "c.txt": "Zhuhai bridge\n\nThe Zhuhai bridge carried more cars than ever.\n",
}
ADDED = "Jiangmen port\n\nJiangmen port handled containers. 江门港集装箱。 Robots too.\n"


def _same_index(first: BM25Index, second: BM25Index) -> None:
    """The same terms in the same order, lengths, postings and scores, bit for bit."""
    assert first.vocabulary == second.vocabulary
    assert np.array_equal(first.doc_len, second.doc_len)
    for term in first.vocabulary:
        assert np.array_equal(first.postings(term), second.postings(term)), term
        assert np.array_equal(first.scores([term]), second.scores([term])), term


def _pack(folder: Path) -> list[Path]:
    return list((folder / INDEX_DIRNAME / FILES_DIRNAME).glob("tokens-pack-*.npz"))


def _read_names(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the name of every arrays entry read from the file cache."""
    names: list[str] = []
    original = FileCache.read_arrays

    def recording(self: FileCache, name: str) -> dict[str, np.ndarray] | None:
        names.append(name)
        return original(self, name)

    monkeypatch.setattr(FileCache, "read_arrays", recording)
    return names


@pytest.mark.parametrize("added_name", ["0-first.txt", "b2.txt", "z-last.txt"])
def test_added_file_is_indexed_from_the_pack_as_from_the_texts(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch, added_name: str
) -> None:
    """A file added before, among or after the others: the others' tokens come from the pack
    (no tokens entry of theirs is read), and the index is the one built from the texts."""
    folder = write_corpus(FILES)
    Library.load(folder)
    assert len(_pack(folder)) == 1
    (folder / added_name).write_text(ADDED, encoding="utf-8")
    names = _read_names(monkeypatch)
    added = Library.load(folder)
    monkeypatch.undo()
    added_key = FileCache(folder).key(added_name, ADDED.encode())
    assert [name for name in names if ".tokens-" in name] == [
        name for name in names if name.startswith(f"{added_key}.tokens-")
    ]
    assert any(name.startswith("tokens-pack-") for name in names)
    _same_index(added.searcher.index, Library.load(folder, use_cache=False).searcher.index)


def test_changed_and_removed_files_are_not_taken_from_the_pack(write_corpus: WriteCorpus) -> None:
    """A file changed since the pack was written is tokenized again, a removed one left out."""
    folder = write_corpus(FILES)
    Library.load(folder)
    (folder / "a.txt").write_text(ADDED, encoding="utf-8")
    (folder / "c.txt").unlink()
    changed = Library.load(folder)
    _same_index(changed.searcher.index, Library.load(folder, use_cache=False).searcher.index)
    assert "zhuhai" not in changed.searcher.index


def _duplicate_term(arrays: dict[str, np.ndarray]) -> None:
    vocabulary = json.loads(arrays["vocabulary"].tobytes())
    arrays["vocabulary"] = np.frombuffer(
        json.dumps([*vocabulary, vocabulary[0]]).encode(), np.uint8
    )


DAMAGES: dict[str, Callable[[dict[str, np.ndarray]], None]] = {
    "ids beyond the terms": lambda a: a.update(ids=a["ids"] + 10**6),
    "ids as a table": lambda a: a.update(ids=np.stack([a["ids"], a["ids"]])),
    "ids beyond int32": lambda a: a.update(ids=a["ids"].astype(np.int64) + 2**32),
    "counts as floats": lambda a: a.update(counts=a["counts"].astype(float)),
    "negative lengths": lambda a: a.update(lengths=-a["lengths"]),
    "a term twice": _duplicate_term,
    "no offsets": lambda a: a.__delitem__("id_offsets"),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_damaged_pack_is_logged_and_the_files_entries_read(
    write_corpus: WriteCorpus,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[dict[str, np.ndarray]], None],
) -> None:
    """A pack whose arrays do not fit each other is logged as damaged; the index is still
    the texts' one, built from each file's own entry."""
    folder = write_corpus(FILES)
    Library.load(folder)
    (pack,) = _pack(folder)
    with np.load(pack) as stored:
        arrays = {name: stored[name] for name in stored.files}
    damage(arrays)
    np.savez(pack, **arrays)
    (folder / INDEX_DIRNAME / POINTER_FILE).unlink()  # the index must be built again
    with caplog.at_level(logging.WARNING, logger="retrieval.file_cache"):
        library = Library.load(folder)
    assert any("tokens-pack-" in record.getMessage() for record in caplog.records)
    _same_index(library.searcher.index, Library.load(folder, use_cache=False).searcher.index)


def test_a_restart_keeps_the_pack(write_corpus: WriteCorpus) -> None:
    """A restart reads the saved index, not the pack, and leaves the pack in place."""
    folder = write_corpus(FILES)
    Library.load(folder)
    before = _pack(folder)
    restarted = Library.load(folder)
    assert restarted.stats.index_from_cache
    assert _pack(folder) == before


def test_seeds_with_a_file_added_index_as_the_texts(seeds_dir: Path, tmp_path: Path) -> None:
    """On the seeds (English, German, Chinese) plus one file: the same index as the texts'."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    Library.load(folder)
    (folder / "added.txt").write_text(ADDED, encoding="utf-8")
    added = Library.load(folder)
    _same_index(added.searcher.index, Library.load(folder, use_cache=False).searcher.index)


def test_truncated_pack_is_logged_and_the_files_entries_read(
    write_corpus: WriteCorpus, caplog: pytest.LogCaptureFixture
) -> None:
    """A pack cut short (a disk filled up) is no zip archive: logged, not a crash."""
    folder = write_corpus(FILES)
    Library.load(folder)
    (pack,) = _pack(folder)
    pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    (folder / INDEX_DIRNAME / POINTER_FILE).unlink()
    library = Library.load(folder)
    assert any("tokens-pack-" in record.getMessage() for record in caplog.records)
    _same_index(library.searcher.index, Library.load(folder, use_cache=False).searcher.index)


@pytest.mark.parametrize(
    "damage",
    [lambda a: a.update(counts=np.array(3)), lambda a: a.update(ids=np.stack([a["ids"]] * 2))],
    ids=["counts a scalar", "ids a table"],
)
def test_damaged_file_tokens_are_tokenized_again(
    write_corpus: WriteCorpus, damage: Callable[[dict[str, np.ndarray]], None]
) -> None:
    """A file's own tokens entry of the wrong shape is tokenized again, not a crash."""
    folder = write_corpus(FILES)
    Library.load(folder)
    files = folder / INDEX_DIRNAME / FILES_DIRNAME
    for entry in [*files.glob("*.tokens-*.npz"), *_pack(folder)]:
        if entry.name.startswith("tokens-pack-"):
            entry.unlink()
            continue
        with np.load(entry) as stored:
            arrays = {name: stored[name] for name in stored.files}
        damage(arrays)
        np.savez(entry, **arrays)
    (folder / INDEX_DIRNAME / POINTER_FILE).unlink()
    library = Library.load(folder)
    _same_index(library.searcher.index, Library.load(folder, use_cache=False).searcher.index)
