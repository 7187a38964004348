"""The search index built from each file's passages' tokens, cached per file.

Tokenizing is most of an index build. A file's tokens are kept as numpy arrays under its cache
key and the tokenizer's version (rules, word lists, and the officials' names in Chinese
characters, which jieba keeps whole): adding a document tokenizes that document only, and the
index is built again from the cached tokens: from the last build's pack of every file's tokens
(``retrieval.token_pack``) for the files it holds, from each file's own entry for the others.
Term ids are numbered as ``BM25Index.build`` numbers them (order of first appearance across the
corpus), so the index and its scores are the same as one built from the texts.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from retrieval.corpus import Corpus
from retrieval.file_cache import FileCache
from retrieval.index import BM25Index
from retrieval.models import Passage
from retrieval.token_pack import FileTokens, pack_entry, read_pack, write_pack
from retrieval.tokenize import Tokenizer


def tokenized_index(
    corpus: Corpus,
    tokenizer: Tokenizer,
    cache: FileCache | None,
    *,
    k1: float = 1.5,
    b: float = 0.75,
) -> BM25Index:
    """The BM25 index of the corpus's passages, from cached tokens where a file has them: the
    last build's pack (``retrieval.token_pack``), else the file's own entry."""
    pack_name = pack_entry(cache, tokenizer) if cache is not None else None
    pack = read_pack(cache, pack_name) if cache is not None and pack_name is not None else None
    # Every file's terms are numbered in one space: the pack's vocabulary, then new terms.
    space = _TermSpace(pack.vocabulary if pack is not None else [])
    files: list[tuple[str | None, FileTokens]] = []
    for path, group in itertools.groupby(
        corpus.passages, key=lambda passage: corpus.document(passage.document_id).path
    ):
        passages = list(group)
        key = cache.keys.get(path) if cache is not None else None
        packed = pack.files.get(key) if pack is not None and key is not None else None
        if packed is None or len(packed.counts) != len(passages):
            packed = space.numbered(_file_tokens(passages, tokenizer, cache, key))
        files.append((key, packed))
    vocabulary, renumbered = space.in_order_of_appearance([tokens.terms for _, tokens in files])
    if cache is not None and pack_name is not None and all(key for key, _ in files):
        numbered = {
            str(key): replace(tokens, terms=renumbered[tokens.terms]) for key, tokens in files
        }
        write_pack(cache, pack_name, vocabulary, numbered)
    flat = [renumbered[tokens.terms][tokens.ids] for _, tokens in files]
    return BM25Index.from_term_ids(
        np.concatenate(flat) if flat else np.zeros(0, dtype=np.int32),
        _joined([tokens.counts for _, tokens in files]),
        vocabulary,
        k1=k1,
        b=b,
        doc_lengths=_joined([tokens.lengths for _, tokens in files]),
    )


class _TermSpace:
    """Numbers for terms across files: first those of a known vocabulary, then new ones."""

    def __init__(self, known: list[str]) -> None:
        self.terms = list(known)
        self._numbers: dict[str, int] | None = None  # made when a file's terms are strings

    def numbered(self, tokens: tuple[list[str], np.ndarray, np.ndarray, np.ndarray]) -> FileTokens:
        """A file's tokens with its vocabulary (strings) as numbers of this space."""
        vocabulary, ids, counts, lengths = tokens
        if self._numbers is None:
            self._numbers = {term: number for number, term in enumerate(self.terms)}
        numbers = self._numbers
        missing = set(vocabulary).difference(numbers)
        for term in dict.fromkeys(filter(missing.__contains__, vocabulary)):
            numbers[term] = len(self.terms)
            self.terms.append(term)
        terms = np.fromiter(map(numbers.__getitem__, vocabulary), np.int32, len(vocabulary))
        return FileTokens(terms, ids, counts, lengths)

    def in_order_of_appearance(self, files: list[np.ndarray]) -> tuple[list[str], np.ndarray]:
        """The terms the files use, in order of first appearance (files in order, each file's
        terms in its own order of first appearance): what ``BM25Index.build`` numbers, so the
        idf floor is summed in the same order. With, for each number of this space, the
        term's number in that vocabulary (-1: no file uses it)."""
        joined = np.concatenate(files) if files else np.zeros(0, dtype=np.int32)
        used, first = np.unique(joined, return_index=True)
        ordered = used[np.argsort(first, kind="stable")]
        renumbered = np.full(len(self.terms), -1, dtype=np.int32)
        renumbered[ordered] = np.arange(len(ordered), dtype=np.int32)
        return [self.terms[number] for number in ordered], renumbered


def _file_tokens(
    passages: Sequence[Passage], tokenizer: Tokenizer, cache: FileCache | None, key: str | None
) -> _Tokens:
    """One file's tokens from its own cache entry, else tokenized (and cached)."""
    name = f"{key}{entry_suffix(tokenizer)}"
    arrays = cache.read_arrays(name) if cache is not None and key is not None else None
    local = _restored(arrays, len(passages)) if arrays is not None else None
    if cache is not None and arrays is not None and local is None:
        cache.damaged(name, ValueError("it does not fit the file's passages"))
    if local is None:
        local = _tokenized(passages, tokenizer)
        if cache is not None and key is not None:
            cache.write_arrays(name, _arrays(*local))
    return local


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)


def entry_suffix(tokenizer: Tokenizer) -> str:
    """How the name of a file's tokens ends (see ``FileCache.keep``)."""
    return f".tokens-{tokenizer.version}.npz"


_Tokens = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]


def _tokenized(passages: Sequence[Passage], tokenizer: Tokenizer) -> _Tokens:
    """One file's passages as (its vocabulary in order of first appearance, term ids, terms
    per passage, BM25 length per passage)."""
    local: dict[str, int] = {}
    ids: list[int] = []
    counts = np.zeros(len(passages), dtype=np.int64)
    lengths = np.zeros(len(passages), dtype=np.int64)
    for position, passage in enumerate(passages):
        terms, length = tokenizer.index_terms(passage.text, passage.language)
        ids.extend([local.setdefault(term, len(local)) for term in terms])
        counts[position] = len(terms)
        lengths[position] = length
    return list(local), np.asarray(ids, dtype=np.int32), counts, lengths


def _arrays(
    vocabulary: list[str], ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray
) -> dict[str, np.ndarray]:
    words = json.dumps(vocabulary, ensure_ascii=False).encode("utf-8")
    return {
        "vocabulary": np.frombuffer(words, dtype=np.uint8),
        "ids": ids,
        "counts": counts,
        "lengths": lengths,
    }


def _restored(arrays: dict[str, np.ndarray], passages: int) -> _Tokens | None:
    """What ``_arrays`` stored, or None when it does not fit ``passages`` passages."""
    try:
        vocabulary = json.loads(arrays["vocabulary"].tobytes().decode("utf-8"))
        ids = arrays["ids"].astype(np.int32, copy=False)
        counts = arrays["counts"].astype(np.int64, copy=False)
        lengths = arrays["lengths"].astype(np.int64, copy=False)
    except (KeyError, ValueError, UnicodeDecodeError):
        return None
    fits = (
        isinstance(vocabulary, list)
        and set(map(type, vocabulary)) <= {str}
        and len(counts) == len(lengths) == passages
        and int(counts.sum()) == len(ids)
        and (not len(ids) or (int(ids.min()) >= 0 and int(ids.max()) < len(vocabulary)))
    )
    return (vocabulary, ids, counts, lengths) if fits else None
