"""Quotable passages: one to three whole sentences of a paragraph, verbatim, with offsets.

A passage never crosses a paragraph nor joins a line of its own (a headline, a byline above the
body) to other text, never exceeds ``MAX_CHARS`` unless a single sentence does (then that
sentence is cut at clause boundaries: ; , ， ； 、 : —), and a sentence that already
occurred earlier in the same document (a repeated title, a lead repeated in the body) is left
out. Sentences are grouped to keep passages near ``TARGET_CHARS``: long enough to carry their
context, short enough to quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from retrieval.folding import squeezed
from retrieval.languages import detect_language
from retrieval.models import Passage
from retrieval.scripts import CJK_CHAR
from retrieval.sentences import has_final_stop, split_sentences

MAX_CHARS = 500
MAX_SENTENCES = 3
TARGET_CHARS = 300
_LATIN = re.compile(r"[A-Za-z]{2,}")
_MIN_CLAUSE_CHARS = 120  # a cut leaves at least this much in front of it
_MARK_PENALTY = 40  # characters of distance from the ideal cut that a stronger mark is worth
# Clause boundaries, strongest first: a cut after a semicolon reads better than after a comma.
_CLAUSE_MARKS = (";；", ":：—–", ",，、")


class ParagraphSpan(Protocol):
    """What passage building needs of a paragraph (``corpus.Paragraph`` satisfies it)."""

    # Read-only properties, so that frozen dataclasses satisfy the protocol.
    @property
    def number(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def language(self) -> str: ...


def build_passages(
    document_id: str,
    text: str,
    paragraphs: Iterable[ParagraphSpan],
    first_id: int = 0,
    *,
    page_starts: Sequence[int] = (),
) -> list[Passage]:
    """Split the paragraphs of one document into passages numbered from ``first_id``.

    ``page_starts``: for a paged document (a PDF), the offset where each page begins; each
    passage then carries the page it starts on."""
    seen: set[str] = set()
    passages: list[Passage] = []
    for paragraph in paragraphs:
        body = text[paragraph.start : paragraph.end]
        mixed_script = (
            not body.isascii() and bool(CJK_CHAR.search(body)) and bool(_LATIN.search(body))
        )
        for run in _sentence_runs(text, paragraph, seen):
            for start, end in _group(text, run):
                passage_text = text[start:end]
                language = paragraph.language
                if mixed_script:  # a page mixing English and Chinese: each passage has its own
                    language = detect_language(passage_text)
                passages.append(
                    Passage(
                        id=first_id + len(passages),
                        document_id=document_id,
                        paragraph=paragraph.number,
                        start=start,
                        end=end,
                        text=passage_text,
                        language=language,
                        page=bisect.bisect_right(page_starts, start) if page_starts else None,
                    )
                )
    return passages


def _sentence_runs(
    text: str, paragraph: ParagraphSpan, seen: set[str]
) -> list[list[tuple[int, int]]]:
    """The paragraph's sentences as absolute spans, in runs of contiguous unseen sentences."""
    runs: list[list[tuple[int, int]]] = [[]]
    body = text[paragraph.start : paragraph.end]
    for start, end in split_sentences(body, paragraph.language):
        start += paragraph.start
        end += paragraph.start
        key = squeezed(text[start:end])
        if key in seen:
            runs.append([])  # a repeated sentence breaks the run: passages stay contiguous
            continue
        seen.add(key)
        own_line = _ends_own_line(text, start, end, paragraph.end)
        if own_line:
            runs.append([])  # a headline or byline shares no passage with the body
        runs[-1].extend(_clauses(text, start, end))
        if own_line:
            runs.append([])
    return [run for run in runs if run]


def _ends_own_line(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the sentence text[start:end] is a line without a final stop: a headline, a
    byline or a dateline that ``split_sentences`` cut off at its line break."""
    if has_final_stop(text[start:end]):
        return False
    after = end
    while after < limit and text[after] in " \t\r":
        after += 1
    return after < limit and text[after] == "\n"


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than MAX_CHARS at clause marks into pieces of similar length."""
    pieces = []
    while end - start > MAX_CHARS:
        remaining = end - start
        target = remaining / -(-remaining // MAX_CHARS)  # equal shares of ceil(n / MAX) pieces
        cut = _clause_cut(text, start, start + MAX_CHARS, start + target)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _clause_cut(text: str, start: int, limit: int, target: float) -> int:
    """Position just after the clause mark in text[start:limit] best placed near ``target``.

    A stronger mark (";" over ":" over ",") may stand a little farther from the target.
    """
    best: tuple[float, int] | None = None
    for position in range(start + _MIN_CLAUSE_CHARS, limit):
        char = text[position]
        for strength, marks in enumerate(_CLAUSE_MARKS):
            if char in marks:
                cost = abs(position + 1 - target) + strength * _MARK_PENALTY
                if best is None or cost < best[0]:
                    best = (cost, position + 1)
    if best is not None:
        return best[1]
    space = text.rfind(" ", start + _MIN_CLAUSE_CHARS, limit)
    return space + 1 if space != -1 else limit  # unbroken CJK text: a hard cut is all there is


def _reading_length(text: str, start: int, end: int) -> int:
    return (end - start) + len(CJK_CHAR.findall(text, start, end))


def _group(text: str, run: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Partition a run of sentences into passages of 1-3 sentences, near TARGET_CHARS.

    Dynamic programming over the run: each passage costs its squared distance from the target
    length (double above it), so the grouping is balanced instead of greedy (no stranded
    one-line tail).
    """
    count = len(run)
    # Reading length: a Chinese character carries about as much as two Latin letters.
    weights = [0]
    for start, end in run:
        weights.append(weights[-1] + _reading_length(text, start, end))
    best_cost = [0.0] + [float("inf")] * count
    best_split = [0] * (count + 1)
    for end in range(1, count + 1):
        for size in range(1, MAX_SENTENCES + 1):
            begin = end - size
            if begin < 0:
                break
            length = run[end - 1][1] - run[begin][0]
            if size > 1 and length > MAX_CHARS:
                break
            excess = weights[end] - weights[begin] - TARGET_CHARS
            # Going over the target costs twice as much as staying under: quotes stay short.
            cost = best_cost[begin] + excess * excess * (2 if excess > 0 else 1)
            if cost < best_cost[end]:
                best_cost[end] = cost
                best_split[end] = begin
    groups = []
    end = count
    while end > 0:
        begin = best_split[end]
        groups.append((run[begin][0], run[end - 1][1]))
        end = begin
    groups.reverse()
    return groups
