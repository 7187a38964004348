"""The search index built from each file's passages' tokens, cached per file.

Tokenizing is most of an index build. A file's tokens are kept as numpy arrays under its cache
key and the tokenizer's version (rules, word lists, and the officials' names in Chinese
characters, which jieba keeps whole): adding a document tokenizes that document only, and the
index is built again from the cached tokens. Term ids are numbered as ``BM25Index.build``
numbers them (order of first appearance across the corpus), so the index and its scores are
the same as one built from the texts.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

import numpy as np

from retrieval.corpus import Corpus
from retrieval.file_cache import FileCache
from retrieval.index import BM25Index
from retrieval.models import Passage
from retrieval.tokenize import Tokenizer


def tokenized_index(
    corpus: Corpus,
    tokenizer: Tokenizer,
    cache: FileCache | None,
    *,
    k1: float = 1.5,
    b: float = 0.75,
) -> BM25Index:
    """The BM25 index of the corpus's passages, from cached tokens where a file has them."""
    term_ids: dict[str, int] = {}
    chunks: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    suffix = entry_suffix(tokenizer)
    for path, group in itertools.groupby(
        corpus.passages, key=lambda passage: corpus.document(passage.document_id).path
    ):
        passages = list(group)
        key = cache.keys.get(path) if cache is not None else None
        name = f"{key}{suffix}"
        arrays = cache.read_arrays(name) if cache is not None and key is not None else None
        local = _restored(arrays, len(passages)) if arrays is not None else None
        if cache is not None and arrays is not None and local is None:
            cache.damaged(name, ValueError("it does not fit the file's passages"))
        if local is None:
            local = _tokenized(passages, tokenizer)
            if cache is not None and key is not None:
                cache.write_arrays(name, _arrays(*local))
        vocabulary, ids, file_counts, file_lengths = local
        chunks.append(_global_ids(vocabulary, term_ids)[ids])
        counts.append(file_counts)
        lengths.append(file_lengths)
    return BM25Index.from_term_ids(
        np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32),
        np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64),
        list(term_ids),
        k1=k1,
        b=b,
        doc_lengths=np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64),
    )


def _global_ids(vocabulary: list[str], term_ids: dict[str, int]) -> np.ndarray:
    """The corpus-wide id of each term of a file's ``vocabulary``, numbering the terms new to
    ``term_ids`` next in order of first appearance: what ``setdefault`` term by term gives,
    with the look-ups done by ``map`` in C (a corpus of 200 MB has seven million file-terms)."""
    new = list(dict.fromkeys(term for term in vocabulary if term not in term_ids))
    term_ids.update(zip(new, range(len(term_ids), len(term_ids) + len(new)), strict=True))
    return np.fromiter(map(term_ids.__getitem__, vocabulary), dtype=np.int32, count=len(vocabulary))


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
