"""Every file's tokens in one cache entry, written by each index build and read by the next.

Rebuilding the index after a document is added read one token entry per file (3,898 at 200 MB)
and looked each file's terms up one by one (seven million look-ups): two thirds of the build.
The pack holds the same per-file arrays side by side, each file's terms as numbers into one
vocabulary, so the next build takes the files it still has from one read and numbers every term
with a few array operations (``retrieval.token_cache``). A file that is not in the pack (added
or changed since) is read from its own entry or tokenized, as before.

The pack is named by the cache's versions (the code, the reading rules) and the tokenizer's
(its word lists, the officials' names in characters), as each file's own token entries are. It
is checked as it is read; a damaged pack is logged and the build reads the files' own entries
instead.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np

from retrieval.file_cache import FileCache
from retrieval.term_numbering import integers
from retrieval.tokenize import Tokenizer


@dataclass(frozen=True)
class FileTokens:
    """One file's passages' tokens: ``terms`` numbers the file's own vocabulary (in order of
    first appearance) in some vocabulary; ``ids`` are positions in ``terms``, passage after
    passage; ``counts`` the ids per passage, ``lengths`` each passage's BM25 length."""

    terms: np.ndarray  # int32
    ids: np.ndarray  # int32
    counts: np.ndarray  # int64
    lengths: np.ndarray  # int64


@dataclass(frozen=True)
class TokenPack:
    """The tokens of the files of one build, by file key, their terms numbering ``vocabulary``."""

    vocabulary: list[str]
    files: dict[str, FileTokens]


def pack_entry(cache: FileCache, tokenizer: Tokenizer) -> str:
    """The pack's entry name in ``cache`` for ``tokenizer``."""
    digest = hashlib.sha256(f"{cache.versions};{tokenizer.version}".encode()).hexdigest()
    return f"tokens-pack-{digest[:24]}.npz"


def write_pack(
    cache: FileCache, name: str, vocabulary: list[str], files: dict[str, FileTokens]
) -> None:
    """Write ``files`` (in order) as the pack ``name``."""
    keys = list(files)
    tokens = list(files.values())
    arrays = {
        "keys": _json_bytes(keys),
        "vocabulary": _json_bytes(vocabulary),
        "term_offsets": _offsets([len(t.terms) for t in tokens]),
        "id_offsets": _offsets([len(t.ids) for t in tokens]),
        "passage_offsets": _offsets([len(t.counts) for t in tokens]),
        "terms": _joined([t.terms for t in tokens], np.int32),
        "ids": _joined([t.ids for t in tokens], np.int32),
        "counts": _joined([t.counts for t in tokens], np.int64),
        "lengths": _joined([t.lengths for t in tokens], np.int64),
    }
    cache.write_arrays(name, arrays)


def read_pack(cache: FileCache, name: str) -> TokenPack | None:
    """The pack ``name``, or None when there is none or it is damaged (logged)."""
    arrays = cache.read_arrays(name)
    if arrays is None:
        return None
    try:
        return _checked(arrays)
    except (KeyError, ValueError, TypeError, UnicodeDecodeError) as error:
        cache.damaged(name, error)
        return None


def _checked(arrays: dict[str, np.ndarray]) -> TokenPack:
    keys = json.loads(arrays["keys"].tobytes().decode("utf-8"))
    vocabulary = json.loads(arrays["vocabulary"].tobytes().decode("utf-8"))
    if not (isinstance(keys, list) and isinstance(vocabulary, list)):
        raise ValueError("keys and vocabulary must be lists")
    if set(map(type, keys)) - {str} or set(map(type, vocabulary)) - {str}:
        raise ValueError("keys and terms must be strings")
    if len(set(vocabulary)) != len(vocabulary) or len(set(keys)) != len(keys):
        raise ValueError("a term or a file is in the pack twice")
    names = ("terms", "ids", "counts", "lengths", "term_offsets", "id_offsets", "passage_offsets")
    if not all(integers(arrays[name]) for name in names):
        raise ValueError("arrays of whole numbers expected")
    # Checked before narrowing: a number beyond int32 must not wrap into a valid one.
    terms, ids = arrays["terms"], arrays["ids"]
    counts = arrays["counts"].astype(np.int64, copy=False)
    lengths = arrays["lengths"].astype(np.int64, copy=False)
    term_at = _checked_offsets(arrays["term_offsets"], len(keys), len(terms))
    id_at = _checked_offsets(arrays["id_offsets"], len(keys), len(ids))
    passage_at = _checked_offsets(arrays["passage_offsets"], len(keys), len(counts))
    if len(lengths) != len(counts) or (lengths < 0).any():
        raise ValueError("lengths do not fit the passages")
    if len(terms) and not (0 <= int(terms.min()) and int(terms.max()) < len(vocabulary)):
        raise ValueError("a term outside the vocabulary")
    # Each file's ids point into its own terms, and its passages' counts add up to its ids.
    own_terms = np.repeat(np.diff(term_at), np.diff(id_at))
    if len(ids) and not (int(ids.min()) >= 0 and bool((ids < own_terms).all())):
        raise ValueError("a token outside its file's terms")
    terms, ids = terms.astype(np.int32, copy=False), ids.astype(np.int32, copy=False)
    summed = np.concatenate([[0], np.cumsum(counts)])
    per_file = summed[passage_at[1:]] - summed[passage_at[:-1]]
    if (counts < 0).any() or not np.array_equal(per_file, np.diff(id_at)):
        raise ValueError("passages' counts do not add up to their file's tokens")
    files = {
        key: FileTokens(
            terms[term_at[n] : term_at[n + 1]],
            ids[id_at[n] : id_at[n + 1]],
            counts[passage_at[n] : passage_at[n + 1]],
            lengths[passage_at[n] : passage_at[n + 1]],
        )
        for n, key in enumerate(keys)
    }
    return TokenPack(vocabulary, files)


def _checked_offsets(offsets: np.ndarray, files: int, total: int) -> np.ndarray:
    offsets = offsets.astype(np.int64, copy=False)
    if len(offsets) != files + 1 or offsets[0] != 0 or offsets[-1] != total:
        raise ValueError("offsets do not fit the arrays")
    if (np.diff(offsets) < 0).any():
        raise ValueError("offsets out of order")
    return offsets


def _offsets(sizes: list[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]).astype(np.int64)


def _joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype)


def _json_bytes(values: list[str]) -> np.ndarray:
    return np.frombuffer(json.dumps(values, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
