"""Each file's tokens as cached, numbering its own terms; and numbering the terms of many files
as one pass over all of them would.

A file's cached tokens number its own vocabulary. The corpus-wide number of a term is its
order of first appearance across the files (what ``BM25Index.build`` and copy detection
number). Looking each file's terms up one by one took seconds at 200 MB; here the files' terms
are put in one space of numbers, and the order of first appearance is found with ``np.unique``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np


class TermSpace:
    """Numbers for terms across files: first those of a known vocabulary, then new ones."""

    def __init__(self, known: Sequence[str] = ()) -> None:
        self.terms = list(known)
        self._numbers: dict[str, int] | None = None  # made when a file's terms are strings

    def numbered(self, vocabulary: list[str]) -> np.ndarray:
        """The numbers in this space of a file's ``vocabulary`` (int32), new terms added."""
        if self._numbers is None:
            self._numbers = {term: number for number, term in enumerate(self.terms)}
        numbers = self._numbers
        missing = set(vocabulary).difference(numbers)
        for term in dict.fromkeys(filter(missing.__contains__, vocabulary)):
            numbers[term] = len(self.terms)
            self.terms.append(term)
        return np.fromiter(map(numbers.__getitem__, vocabulary), np.int32, len(vocabulary))

    def in_order_of_appearance(self, files: Sequence[np.ndarray]) -> tuple[list[str], np.ndarray]:
        """The terms the files use (each file's terms as numbers of this space, in the file's
        own order of first appearance), in order of first appearance across the files in
        order: as ``BM25Index.build`` numbers them, so that its idf floor (a mean of idfs) is
        summed in the same order. With, for each number of this space, the term's number in
        that order (-1: no file uses it)."""
        joined = np.concatenate(files) if len(files) else np.zeros(0, dtype=np.int32)
        used, first = np.unique(joined, return_index=True)
        ordered = used[np.argsort(first, kind="stable")]
        renumbered = np.full(len(self.terms), -1, dtype=np.int32)
        renumbered[ordered] = np.arange(len(ordered), dtype=np.int32)
        return [self.terms[number] for number in ordered], renumbered


# One file's tokens as cached: its vocabulary in order of first appearance, the term ids of
# its passages one after the other, the ids per passage, and one more value per passage.
LocalTokens = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]


def local_tokens(passages: Sequence[tuple[list[str], int]], extra_dtype: type) -> LocalTokens:
    """A file's ``LocalTokens`` from each passage's (terms, value)."""
    local: dict[str, int] = {}
    ids: list[int] = []
    counts = np.zeros(len(passages), dtype=np.int64)
    extra: np.ndarray = np.zeros(len(passages), dtype=extra_dtype)
    for position, (terms, value) in enumerate(passages):
        ids.extend([local.setdefault(term, len(local)) for term in terms])
        counts[position] = len(terms)
        extra[position] = value
    return list(local), np.asarray(ids, dtype=np.int32), counts, extra


def local_token_arrays(tokens: LocalTokens, extra_name: str) -> dict[str, np.ndarray]:
    """``tokens`` as the arrays of a cache entry (the vocabulary as UTF-8 JSON)."""
    vocabulary, ids, counts, extra = tokens
    words = json.dumps(vocabulary, ensure_ascii=False).encode("utf-8")
    return {
        "vocabulary": np.frombuffer(words, dtype=np.uint8),
        "ids": ids,
        "counts": counts,
        extra_name: extra,
    }


def restored_local_tokens(
    arrays: dict[str, np.ndarray], passages: int, extra_name: str, extra_dtype: type
) -> LocalTokens | None:
    """What ``local_token_arrays`` stored for a file of ``passages``, or None when it does
    not fit them (a damaged entry)."""
    try:
        vocabulary = json.loads(arrays["vocabulary"].tobytes().decode("utf-8"))
        ids, counts, extra = arrays["ids"], arrays["counts"], arrays[extra_name]
    except (KeyError, ValueError, UnicodeDecodeError):
        return None
    fits = (
        isinstance(vocabulary, list)
        and set(map(type, vocabulary)) <= {str}
        and integers(ids)
        and integers(counts)
        and extra.ndim == 1
        and extra.dtype == np.dtype(extra_dtype)
        and len(counts) == len(extra) == passages
        and bool((counts >= 0).all())
        and int(counts.sum()) == len(ids)
        and (not len(ids) or (int(ids.min()) >= 0 and int(ids.max()) < len(vocabulary)))
    )
    if not fits:
        return None
    return vocabulary, ids.astype(np.int32, copy=False), counts.astype(np.int64, copy=False), extra


def integers(array: np.ndarray) -> bool:
    """Whether a stored array is a row of whole numbers (not a scalar, a table or floats)."""
    return array.ndim == 1 and array.dtype.kind in "iu"
