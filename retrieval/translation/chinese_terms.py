"""A Chinese dictionary phrase as an index holds it: the word itself or, where the segmenter
cuts it ("新质生产力"), its parts.

Whether the index holds a phrase is asked of every CC-CEDICT headword when a table is built,
so the cheap questions come first: the word itself in the index, then whether the segmenter
could cut it at all, then whether the index holds any stretch of it. Only then is it segmented;
segmenting does not depend on the index, so a phrase's segments are remembered for the process
(dictionary phrases only: bounded by the dictionaries).
"""

from __future__ import annotations

import functools

from retrieval.index import BM25Index
from retrieval.scripts import HAN_RUN
from retrieval.tokenize import Tokenizer, shared_jieba
from retrieval.translation.cedict import CedictGlosses

# A Chinese word (or part of one) is translated when it has at least this many characters:
# a single character has too many senses to pick from (个: size, 要: demand, 可: approve).
MIN_CHINESE_WORD = 2

Terms = tuple[str, ...]

# (tokenizer version, phrase) -> the phrase's parts as the tokenizer reads it in a question.
# The version names the tokenizer's rules and word lists: the same version, the same parts.
_QUESTION_PARTS: dict[tuple[str, str], Terms] = {}


def chinese_terms(phrase: str, tokenizer: Tokenizer, index: BM25Index) -> Terms | None:
    """The index terms of a Chinese phrase, or None unless the index holds them all."""
    if phrase in index:
        return (phrase,)
    if not may_be_cut(phrase):
        return None
    return terms_of_parts(phrase, tokenizer, index)


def may_be_cut(phrase: str) -> bool:
    """Whether passages may hold ``phrase`` as parts: a run of more than ``MIN_CHINESE_WORD``
    Chinese characters the segmenter does not know as a word (one it knows, passages hold
    whole)."""
    return (
        len(phrase) > MIN_CHINESE_WORD
        and HAN_RUN.fullmatch(phrase) is not None
        and not shared_jieba().FREQ.get(phrase)
    )


@functools.cache
def headwords_maybe_cut(cedict: CedictGlosses) -> tuple[str, ...]:
    """The headwords of ``cedict`` that ``may_be_cut``, in its order: the same for every index
    (the segmenter's dictionary does not change while the process runs)."""
    return tuple(headword for headword in cedict.headwords() if may_be_cut(headword))


def terms_of_parts(phrase: str, tokenizer: Tokenizer, index: BM25Index) -> Terms | None:
    """The parts of a phrase that ``may_be_cut``, as a question's words would be read, when
    there are several and the index holds them all; else None."""
    if not _holds_stretch(phrase, index):
        return None  # quickly: the segmenter's words are stretches of the phrase
    if not any(piece in index for piece in _segmented(phrase)):
        return None  # quickly: none of its parts in the index
    parts = _question_parts(phrase, tokenizer)
    if len(parts) < 2 or not all(part in index for part in parts):
        return None
    return tuple(dict.fromkeys(parts))


def _holds_stretch(phrase: str, index: BM25Index) -> bool:
    """Whether the index holds any stretch of ``phrase`` (cheaper than segmenting it)."""
    return any(
        phrase[start:end] in index
        for start in range(len(phrase))
        for end in range(start + 1, len(phrase) + 1)
    )


@functools.cache
def _segmented(phrase: str) -> Terms:
    """The segmenter's words of a dictionary phrase."""
    return tuple(shared_jieba().lcut(phrase))


def _question_parts(phrase: str, tokenizer: Tokenizer) -> Terms:
    """A dictionary phrase's words as a question's words are read, extra forms and
    stopwords left out."""
    key = (tokenizer.version, phrase)
    parts = _QUESTION_PARTS.get(key)
    if parts is None:
        parts = tuple(
            q.candidates[0]
            for q in tokenizer.query_terms(phrase)
            if not q.optional and not q.stopword
        )
        _QUESTION_PARTS[key] = parts  # whole, in one step: other threads may read meanwhile
    return parts
