"""BM25 with rank-bm25's scores, computed ahead of time into a sparse matrix.

``rank_bm25.BM25Okapi`` is the definition of the score: idf = ln(N - df + 0.5) - ln(df + 0.5), with
negative idfs raised to ``epsilon`` x the mean idf; each term contributes
idf x tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)); a query's score is the sum over its terms,
repeated terms counted again, unknown terms contributing nothing. ``get_scores`` evaluates this
in Python for every passage and every query term (O(terms x passages)); here every (term, passage)
contribution is computed once at build time into a CSR matrix with one row per term, so a query
is the sum of a few sparse rows; the best k are taken by ``retrieval.top_k`` (compiled with numba
when it is installed), reading only the query's postings.

The index is saved as plain numpy arrays (``.npy``) and JSON, never pickle, and reloaded only when
its fingerprint (corpus content hash, tokenizer version, parameters) matches.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from scipy import sparse
from tqdm import tqdm

from retrieval.errors import SavedIndexError
from retrieval.top_k import TopK

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_MANIFEST = "index.json"
_VOCABULARY = "vocabulary.json"
_ARRAYS = ("indptr", "indices", "data", "doc_len", "idf")
# Below this many passages a build takes well under a second; no progress bar.
_PROGRESS_MIN_PASSAGES = 20_000


class _Versioned(Protocol):
    @property
    def version(self) -> str: ...


class BM25Index:
    """An immutable BM25Okapi index over tokenized passages (passage ids are list positions)."""

    def __init__(
        self,
        *,
        vocabulary: list[str],
        indptr: np.ndarray,
        indices: np.ndarray,
        data: np.ndarray,
        doc_len: np.ndarray,
        idf: np.ndarray,
        k1: float,
        b: float,
        epsilon: float,
    ) -> None:
        self.k1 = k1
        self.b = b
        self.epsilon = epsilon
        self.vocabulary = vocabulary
        self._term_ids = {term: i for i, term in enumerate(vocabulary)}
        self._indptr = indptr
        self._indices = indices
        self._data = data
        self.doc_len = doc_len
        self._idf = idf
        self.size = len(doc_len)
        # For scoring groups of terms (``group_matches``): each passage's length norm and the
        # mean idf the epsilon floor is taken from. Computed here, whole, before any search.
        self._length_norm = _length_norm(doc_len, k1, b)
        self._mean_idf = _mean_idf(np.diff(indptr), self.size)
        # A weight is idf x a factor above 0, so it is above 0 when every idf is: not in the
        # smallest corpora, where a term in half the passages has idf 0 (or a floor below 0).
        positive = bool(len(idf) == 0 or idf.min() > 0) and k1 >= 0
        self._top_k = TopK(indptr, indices, data, self.size, positive_weights=positive)

    # ---- building -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        tokenized: Sequence[Sequence[str]],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
        progress: bool = False,
        doc_lengths: Sequence[int] | None = None,
    ) -> BM25Index:
        """Index ``tokenized`` (one list of terms per passage) with BM25Okapi's parameters.

        ``doc_lengths``: each passage's length for BM25 where it is not its number of terms
        (``Tokenizer.index_terms``: a compound's parts do not lengthen a passage)."""
        size = len(tokenized)
        term_ids: dict[str, int] = {}
        lengths = np.zeros(size, dtype=np.int64)
        flat_chunks: list[np.ndarray] = []
        bar = tqdm(
            total=size,
            desc="Indexing passages",
            unit="passage",
            # None lets tqdm hide itself when stderr is not a terminal.
            disable=None if progress and size >= _PROGRESS_MIN_PASSAGES else True,
        )
        with bar:
            batch: list[int] = []
            for position, terms in enumerate(tokenized):
                lengths[position] = len(terms)
                # Ids in order of first appearance, as rank-bm25's idf dict is filled.
                batch.extend([term_ids.setdefault(t, len(term_ids)) for t in terms])
                if len(batch) >= 1_000_000:
                    flat_chunks.append(np.asarray(batch, dtype=np.int32))
                    batch = []
                if position % 4096 == 4095:
                    bar.update(4096)
            flat_chunks.append(np.asarray(batch, dtype=np.int32))
            bar.update(size - bar.n)
        flat = np.concatenate(flat_chunks) if flat_chunks else np.zeros(0, dtype=np.int32)
        del flat_chunks
        vocabulary = list(term_ids)
        del term_ids
        return cls.from_term_ids(
            flat, lengths, vocabulary, k1=k1, b=b, epsilon=epsilon, doc_lengths=doc_lengths
        )

    @classmethod
    def from_term_ids(
        cls,
        flat: np.ndarray,
        terms_per_passage: np.ndarray,
        vocabulary: list[str],
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
        doc_lengths: Sequence[int] | np.ndarray | None = None,
    ) -> BM25Index:
        """Index passages given as term ids: ``flat`` holds every passage's ids (positions in
        ``vocabulary``) one passage after the other, ``terms_per_passage`` how many each has.

        The same index as ``build`` over the same terms when ``vocabulary`` is in order of first
        appearance, as ``build`` numbers it (the idf floor sums idfs in that order)."""
        size = len(terms_per_passage)
        lengths = np.asarray(terms_per_passage, dtype=np.int64)
        passages = np.repeat(np.arange(size, dtype=np.int32), lengths)
        # Duplicate (term, passage) pairs are summed into term frequencies on conversion.
        counts = sparse.csr_matrix(
            (np.ones(len(flat), dtype=np.int32), (flat, passages)),
            shape=(len(vocabulary), size),
        )
        del flat, passages
        counts.sum_duplicates()
        counts.sort_indices()
        if doc_lengths is not None:
            if len(doc_lengths) != size:
                raise ValueError(f"{len(doc_lengths)} lengths for {size} passages")
            lengths = np.asarray(doc_lengths, dtype=np.int64)
        idf = _idf(np.diff(counts.indptr), size, epsilon)
        data = _weights(counts, lengths, idf, k1, b)
        return cls(
            vocabulary=vocabulary,
            indptr=counts.indptr.astype(np.int64, copy=False),
            indices=counts.indices.astype(np.int32, copy=False),
            data=data,
            doc_len=lengths,
            idf=idf,
            k1=k1,
            b=b,
            epsilon=epsilon,
        )

    # ---- vocabulary -----------------------------------------------------------------------

    def __contains__(self, term: object) -> bool:
        return term in self._term_ids

    def __len__(self) -> int:
        return self.size

    def term_id(self, term: str) -> int | None:
        """The position of ``term`` in ``vocabulary`` (None for an unknown term)."""
        return self._term_ids.get(term)

    def document_frequency(self, term: str) -> int:
        """The number of passages containing ``term`` (0 for an unknown term)."""
        tid = self._term_ids.get(term)
        return 0 if tid is None else int(self._indptr[tid + 1] - self._indptr[tid])

    def idf(self, term: str) -> float:
        """BM25Okapi's idf of ``term`` (with the epsilon floor); 0 for an unknown term."""
        tid = self._term_ids.get(term)
        return 0.0 if tid is None else float(self._idf[tid])

    @property
    def max_idf(self) -> float:
        """The idf a term would have in no passage at all: the ceiling of any idf here."""
        return float(np.log(self.size + 0.5) - np.log(0.5)) if self.size else 0.0

    def postings(self, term: str) -> np.ndarray:
        """Ids of the passages containing ``term``, ascending."""
        tid = self._term_ids.get(term)
        if tid is None:
            return np.zeros(0, dtype=np.int32)
        return self._indices[self._indptr[tid] : self._indptr[tid + 1]]

    def postings_or(self, passage_bits: np.ndarray) -> np.ndarray:
        """For each term (in ``vocabulary`` order), the bitwise OR of ``passage_bits`` (one
        integer per passage) over the passages holding it: one pass over all postings."""
        if not len(self._indices):
            return np.zeros(len(self.vocabulary), dtype=passage_bits.dtype)
        return np.bitwise_or.reduceat(passage_bits[self._indices], self._indptr[:-1])

    # ---- scoring --------------------------------------------------------------------------

    def scores(self, terms: Iterable[str]) -> np.ndarray:
        """BM25Okapi scores of every passage for the query ``terms`` (= ``get_scores``)."""
        scores = np.zeros(self.size)
        for tid in self._ids(terms):
            start, end = self._indptr[tid], self._indptr[tid + 1]
            scores[self._indices[start:end]] += self._data[start:end]
        return scores

    def top_k(self, terms: Iterable[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) of the best ``k`` passages containing a query term.

        Highest score first; equal scores in passage-id order, so a question always gives the
        same ranking. Passages sharing no term with the query are never returned.
        """
        ids = self._ids(terms)
        if not ids or k <= 0 or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return self._top_k(np.asarray(ids, dtype=np.int64), k)

    def matches(self, terms: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) of every passage containing a query term, ids ascending.

        The scores are ``top_k``'s (the same sums in the same order); for callers that rank by
        more than BM25 and must see every candidate, not the best k by BM25 alone.
        """
        ids = self._ids(terms)
        if not ids or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indptr = self._indptr
        rows = np.concatenate([self._indices[indptr[t] : indptr[t + 1]] for t in ids])
        weights = np.concatenate([self._data[indptr[t] : indptr[t + 1]] for t in ids])
        if len(rows) * SPARSE_SHARE < self.size:
            # Few postings: sum per distinct passage, never touching all N passages.
            candidates, slots = np.unique(rows, return_inverse=True)
            sums = np.bincount(slots, weights=weights, minlength=len(candidates))
            return candidates.astype(np.int64), sums
        scores = np.bincount(rows, weights=weights, minlength=self.size)
        matched = np.zeros(self.size, dtype=bool)
        matched[rows] = True
        candidates = np.flatnonzero(matched)
        return candidates, scores[candidates]

    def group_matches(self, members: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) of the passages holding any member of a group scored as ONE
        term, ids ascending: a structured query (Pirkola 1998) for synonyms and translations.

        A member is a term or several terms that must all be present (a phrase such as "take
        effect": its frequency in a passage is that of its rarest word). The group's frequency in
        a passage is the sum of its members', its document frequency that of the union, and its
        idf BM25Okapi's of that frequency: a group is never rarer, hence never heavier, than its
        most precise member alone.
        """
        found = [self._member_frequencies(member) for member in members if member]
        found = [(ids, tf) for ids, tf in found if len(ids)]
        if not found or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        every = np.concatenate([ids for ids, _ in found])
        frequencies = np.concatenate([tf for _, tf in found])
        if len(every) * SPARSE_SHARE < self.size:
            ids, slots = np.unique(every, return_inverse=True)
            tf = np.bincount(slots, weights=frequencies)
        else:  # many postings: a pass over all passages beats sorting them
            summed = np.bincount(every, weights=frequencies, minlength=self.size)
            ids = union_ids([every], self.size)
            tf = summed[ids]
        df = float(len(ids))
        idf = float(np.log(self.size - df + 0.5) - np.log(df + 0.5))
        if idf < 0:
            idf = self.epsilon * self._mean_idf
        norm = self._length_norm[ids]
        return ids.astype(np.int64), idf * tf * (self.k1 + 1) / (tf + norm)

    def group_document_frequency(self, members: Sequence[Sequence[str]]) -> int:
        """The number of passages holding any member of a group (see ``group_matches``)."""
        found = [self._member_frequencies(member)[0] for member in members if member]
        found = [ids for ids in found if len(ids)]
        return len(union_ids(found, self.size)) if found else 0

    def group_idf(self, members: Sequence[Sequence[str]]) -> float:
        """The idf of a group scored as one term (see ``group_matches``); 0 when no passage
        holds any member."""
        df = float(self.group_document_frequency(members))
        if not df or not self.size:
            return 0.0
        idf = float(np.log(self.size - df + 0.5) - np.log(df + 0.5))
        return idf if idf >= 0 else self.epsilon * self._mean_idf

    def _member_frequencies(self, member: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, term frequency) of a group member: for several terms, the passages
        holding all of them, each with the least frequency among them."""
        ids: np.ndarray | None = None
        tf: np.ndarray | None = None
        for term in dict.fromkeys(member):
            tid = self._term_ids.get(term)
            if tid is None:
                return np.zeros(0, dtype=np.int64), np.zeros(0)
            start, end = int(self._indptr[tid]), int(self._indptr[tid + 1])
            term_ids = self._indices[start:end].astype(np.int64)
            term_tf = self._frequencies(tid, term_ids, self._data[start:end])
            if ids is None or tf is None:
                ids, tf = term_ids, term_tf
                continue
            common, mine, theirs = np.intersect1d(ids, term_ids, return_indices=True)
            ids, tf = common, np.minimum(tf[mine], term_tf[theirs])
        if ids is None or tf is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return ids, tf

    def _frequencies(self, tid: int, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """A term's frequency in each passage of its postings, read back from the stored
        weights (w = idf tf (k1 + 1) / (tf + norm), solved for tf): the index keeps one float
        per posting, not two."""
        idf = float(self._idf[tid])
        if idf <= 0:
            return np.ones(len(ids))
        tf = weights * self._length_norm[ids] / (idf * (self.k1 + 1) - weights)
        return np.maximum(np.rint(tf), 1.0)

    def _ids(self, terms: Iterable[str]) -> list[int]:
        lookup = self._term_ids
        return [tid for tid in (lookup.get(t) for t in terms) if tid is not None]

    # ---- saving ---------------------------------------------------------------------------

    @staticmethod
    def fingerprint(
        content_hash: str,
        tokenizer: _Versioned,
        *,
        k1: float = 1.5,
        b: float = 0.75,
        epsilon: float = 0.25,
    ) -> str:
        """What a saved index must match to be reused: corpus, tokenizer rules, parameters."""
        key = json.dumps(
            {
                "format": FORMAT_VERSION,
                "corpus": content_hash,
                "tokenizer": tokenizer.version,
                "k1": k1,
                "b": b,
                "epsilon": epsilon,
            },
            sort_keys=True,
        )
        return hashlib.sha256(key.encode()).hexdigest()

    def save(self, directory: Path, *, fingerprint: str) -> None:
        """Write the index to ``directory`` (created if needed) as .npy arrays and JSON.

        The manifest carrying the fingerprint is removed first and written last, so an
        interrupted save leaves an index that ``load`` refuses rather than a mixed one.
        """
        directory.mkdir(parents=True, exist_ok=True)
        manifest_path = directory / _MANIFEST
        manifest_path.unlink(missing_ok=True)
        arrays = {
            "indptr": self._indptr,
            "indices": self._indices,
            "data": self._data,
            "doc_len": self.doc_len,
            "idf": self._idf,
        }
        for name, array in arrays.items():
            _write_atomically(directory / f"{name}.npy", lambda f, a=array: np.save(f, a))
        _write_atomically(
            directory / _VOCABULARY,
            lambda f: f.write(json.dumps(self.vocabulary, ensure_ascii=False).encode("utf-8")),
        )
        manifest = {
            "format": FORMAT_VERSION,
            "fingerprint": fingerprint,
            "k1": self.k1,
            "b": self.b,
            "epsilon": self.epsilon,
            "passages": self.size,
            "terms": len(self.vocabulary),
            "postings": len(self._indices),
        }
        _write_atomically(manifest_path, lambda f: f.write(json.dumps(manifest).encode()))

    @classmethod
    def load(cls, directory: Path, *, expected_fingerprint: str | None = None) -> BM25Index:
        """Read a saved index; raise SavedIndexError when absent, stale or damaged."""
        manifest_path = directory / _MANIFEST
        if not manifest_path.is_file():
            raise SavedIndexError(f"no saved index in {directory}")
        try:
            manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
            if manifest.get("format") != FORMAT_VERSION:
                raise SavedIndexError("the saved index has an older format")
            if expected_fingerprint is not None and manifest["fingerprint"] != expected_fingerprint:
                raise SavedIndexError("the corpus or the index settings changed")
            # Memory-mapped: processes serving one corpus share one copy in the page cache.
            # asarray: plain read-only views of the maps (the same values, so the same scores).
            arrays = {
                name: np.asarray(
                    np.load(directory / f"{name}.npy", allow_pickle=False, mmap_mode="r")
                )
                for name in _ARRAYS
            }
            vocabulary = json.loads((directory / _VOCABULARY).read_text(encoding="utf-8"))
            index = cls(
                vocabulary=vocabulary,
                k1=float(manifest["k1"]),
                b=float(manifest["b"]),
                epsilon=float(manifest["epsilon"]),
                **arrays,
            )
        except SavedIndexError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SavedIndexError(f"the saved index in {directory} is unreadable ({exc})") from exc
        index._check(manifest)
        return index

    def _check(self, manifest: dict[str, Any]) -> None:
        consistent = (
            len(self._indptr) == len(self.vocabulary) + 1
            and len(self._idf) == len(self.vocabulary)
            and len(self._indices) == len(self._data) == int(self._indptr[-1])
            and self.size == manifest.get("passages")
            and len(self.vocabulary) == manifest.get("terms")
            and len(self._term_ids) == len(self.vocabulary)
        )
        if not consistent:
            raise SavedIndexError("the saved index is damaged (its parts do not fit together)")


def _idf(doc_freq: np.ndarray, size: int, epsilon: float) -> np.ndarray:
    """BM25Okapi's idf: ln(N - df + 0.5) - ln(df + 0.5), negatives raised to eps x mean idf."""
    if not len(doc_freq):
        return np.zeros(0)
    df = doc_freq.astype(np.float64)
    idf = np.log(size - df + 0.5) - np.log(df + 0.5)
    # rank-bm25 averages before flooring; summed in vocabulary order like its dict.
    average = float(np.add.accumulate(idf)[-1]) / len(idf)
    idf[idf < 0] = epsilon * average
    return idf


def _length_norm(lengths: np.ndarray, k1: float, b: float) -> np.ndarray:
    """k1 (1 - b + b dl / avgdl) for each passage, in ``_weights``'s operation order."""
    size = len(lengths)
    avgdl = lengths.sum() / size if size else 0.0
    doc_len = lengths.astype(np.float64)
    return k1 * (1 - b + b * doc_len / avgdl) if avgdl else np.full(size, k1 * (1 - b))


def _mean_idf(doc_freq: np.ndarray, size: int) -> float:
    """rank-bm25's mean idf before flooring (see ``_idf``)."""
    if not len(doc_freq):
        return 0.0
    df = doc_freq.astype(np.float64)
    idf = np.log(size - df + 0.5) - np.log(df + 0.5)
    return float(np.add.accumulate(idf)[-1]) / len(idf)


def _weights(
    counts: sparse.csr_matrix, lengths: np.ndarray, idf: np.ndarray, k1: float, b: float
) -> np.ndarray:
    """idf x tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)) for every stored (term, passage)."""
    size = len(lengths)
    avgdl = lengths.sum() / size if size else 0.0
    doc_len = lengths.astype(np.float64)
    # Same operation order as rank-bm25, so the floats agree to the last bits.
    norm = k1 * (1 - b + b * doc_len / avgdl) if avgdl else np.full(size, k1 * (1 - b))
    tf = counts.data.astype(np.float64)
    # In place, to hold few arrays of one float per posting at once (1M passages: 30M postings).
    denominator = norm[counts.indices]
    denominator += tf
    tf *= k1 + 1
    tf /= denominator
    del denominator
    tf *= np.repeat(idf, np.diff(counts.indptr))
    return tf


def _write_atomically(path: Path, write: Any) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as handle:
            write(handle)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# Below one posting per this many passages, a union of postings is sorted (np.unique); above,
# marked in an array over all passages: linear, and faster than sorting that many.
SPARSE_SHARE = 8


def union_ids(arrays: Sequence[np.ndarray], size: int) -> np.ndarray:
    """The distinct passage ids of ``arrays`` (each of ids below ``size``), ascending."""
    if sum(len(a) for a in arrays) * SPARSE_SHARE < size:
        return np.unique(np.concatenate(arrays)).astype(np.int64)
    marked = np.zeros(size, dtype=bool)
    for ids in arrays:
        marked[ids] = True
    return np.flatnonzero(marked)


def summed_by_id(
    found: Sequence[tuple[np.ndarray, np.ndarray]], size: int
) -> tuple[np.ndarray, np.ndarray]:
    """(ids, sums): the distinct ids of ``found``'s (ids, values) pairs, ascending, each with its
    values added up in ``found``'s order (each pair's ids distinct, below ``size``)."""
    ids = union_ids([pair_ids for pair_ids, _ in found], size)
    if len(ids) * SPARSE_SHARE < size:
        sums = np.zeros(len(ids))
        for pair_ids, values in found:
            sums[np.searchsorted(ids, pair_ids)] += values
        return ids, sums
    dense = np.zeros(size)  # many ids: sums over all passages, then read off
    for pair_ids, values in found:
        dense[pair_ids] += values
    return ids, dense[ids]
