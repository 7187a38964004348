"""The best k passages of a query over an index's postings (CSR: one row of passages per term).

Compiled with numba (``retrieval.top_k_numba``) when it imports; otherwise in numpy, with the same
results to the last bit: both add each passage's contributions in query-term order from 0, as
``rank_bm25.get_scores`` does, and both rank by score, then passage id.
"""

from __future__ import annotations

import functools
import importlib
import logging
import threading
from collections.abc import Callable

import numpy as np

log = logging.getLogger(__name__)

Kernel = Callable[
    [np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, np.ndarray, bool],
    tuple[np.ndarray, np.ndarray],
]


@functools.cache
def compiled_kernel() -> Kernel | None:
    """numba's kernel, or None (logged once) when numba is missing or cannot compile here."""
    try:
        top_k_numba = importlib.import_module("retrieval.top_k_numba")
    except Exception as exc:  # ImportError, or numba refusing this numpy or platform
        log.warning("numba is unavailable (%s): the index ranks with numpy, slower", exc)
        return None
    return top_k_numba.top_k


class TopK:
    """Ranks the passages of one index; safe to call from several threads at once."""

    def __init__(
        self,
        indptr: np.ndarray,
        indices: np.ndarray,
        data: np.ndarray,
        size: int,
        *,
        compiled: bool = True,
        positive_weights: bool = False,
    ) -> None:
        """``positive_weights``: every weight in ``data`` is above 0 (the compiled kernel then
        skips a pass; see ``retrieval.top_k_numba``)."""
        self._indptr = indptr
        self._indices = indices
        self._data = data
        self._size = size
        self._positive_weights = positive_weights
        # numba is imported (about 0.3 s) and the kernel loaded at the first query, not here.
        self._use_compiled = compiled
        # The compiled kernel's scratch: one array of zeros per passage for each thread.
        self._scratch = threading.local()

    @property
    def compiled(self) -> bool:
        """Whether queries run compiled (imports numba when not done yet)."""
        return self._use_compiled and compiled_kernel() is not None

    def __call__(self, term_ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) of the best ``k`` passages holding a term of ``term_ids``
        (repeated ids count again), highest score first, equal scores by passage id."""
        kernel = compiled_kernel() if self._use_compiled else None
        if kernel is None:
            return top_k_numpy(self._indptr, self._indices, self._data, term_ids, k, self._size)
        scores = getattr(self._scratch, "scores", None)
        if scores is None:
            scores = self._scratch.scores = np.zeros(self._size)
        return kernel(
            self._indptr, self._indices, self._data, term_ids, k, scores, self._positive_weights
        )


def top_k_numpy(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    term_ids: np.ndarray,
    k: int,
    size: int,
) -> tuple[np.ndarray, np.ndarray]:
    """``TopK`` without numba: the postings gathered, summed with ``bincount``, cut by
    ``argpartition``."""
    rows = np.concatenate([indices[indptr[t] : indptr[t + 1]] for t in term_ids])
    weights = np.concatenate([data[indptr[t] : indptr[t + 1]] for t in term_ids])
    # bincount adds each passage's contributions in posting (query-term) order from 0.
    if len(rows) * 8 < size:
        # Few postings: sum per distinct passage, never touching all passages.
        candidates, slots = np.unique(rows, return_inverse=True)
        candidate_scores = np.bincount(slots, weights=weights, minlength=len(candidates))
    else:
        scores = np.bincount(rows, weights=weights, minlength=size)
        matched = np.zeros(size, dtype=bool)
        matched[rows] = True
        candidates = np.flatnonzero(matched)
        candidate_scores = scores[candidates]
    if len(candidates) > k:
        best = np.argpartition(-candidate_scores, k - 1)[:k]
        threshold = candidate_scores[best].min()
        # Keep every passage tied with the k-th so the tie-break below sees them all.
        keep = candidate_scores >= threshold
        candidates, candidate_scores = candidates[keep], candidate_scores[keep]
    order = np.lexsort((candidates, -candidate_scores))[:k]
    return candidates[order].astype(np.int64), candidate_scores[order]
