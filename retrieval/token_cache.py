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

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from retrieval.corpus import Corpus
from retrieval.file_cache import FileCache
from retrieval.index import BM25Index
from retrieval.models import Passage
from retrieval.term_numbering import (
    LocalTokens,
    TermSpace,
    local_token_arrays,
    local_tokens,
    restored_local_tokens,
)
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
    space = TermSpace(pack.vocabulary if pack is not None else [])
    files: list[tuple[str | None, FileTokens]] = []
    for path, passages in corpus.passages_by_file():
        key = cache.keys.get(path) if cache is not None else None
        packed = pack.files.get(key) if pack is not None and key is not None else None
        if packed is None or len(packed.counts) != len(passages):
            terms, ids, counts, lengths = _file_tokens(passages, tokenizer, cache, key)
            packed = FileTokens(space.numbered(terms), ids, counts, lengths)
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


def _file_tokens(
    passages: Sequence[Passage], tokenizer: Tokenizer, cache: FileCache | None, key: str | None
) -> LocalTokens:
    """One file's tokens from its own cache entry, else tokenized (and cached)."""
    name = f"{key}{entry_suffix(tokenizer)}"
    arrays = cache.read_arrays(name) if cache is not None and key is not None else None
    local = (
        restored_local_tokens(arrays, len(passages), "lengths", np.int64)
        if arrays is not None
        else None
    )
    if cache is not None and arrays is not None and local is None:
        cache.damaged(name, ValueError("it does not fit the file's passages"))
    if local is None:
        local = _tokenized(passages, tokenizer)
        if cache is not None and key is not None:
            cache.write_arrays(name, local_token_arrays(local, "lengths"))
    return local


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)


def entry_suffix(tokenizer: Tokenizer) -> str:
    """How the name of a file's tokens ends (see ``FileCache.keep``)."""
    return f".tokens-{tokenizer.version}.npz"


def _tokenized(passages: Sequence[Passage], tokenizer: Tokenizer) -> LocalTokens:
    """One file's passages' tokens, each passage's BM25 length the value kept beside them."""
    return local_tokens(
        [tokenizer.index_terms(passage.text, passage.language) for passage in passages], np.int64
    )
