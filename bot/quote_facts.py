"""What the bot reads off the corpus to show a quote well: who said it, and which words are too
common to bold. Built once per library (a reload builds it again) and kept with it."""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from retrieval.models import Official
from retrieval.scripts import CJK_CHAR
from retrieval.search.answerability import DEFAULT_COMMON_SHARE

# A passage is said by an official when their statements cover at least this share of it, or
# when it opens with their statement ("Huang further emphasized that ... . There is ..."): the
# reader sees who speaks first. A passage that only quotes them in passing is not presented as
# theirs.
SPEAKER_COVERAGE = 0.5


@dataclass(frozen=True)
class _Said:
    start: int
    end: int
    speaker: str


class Speakers:
    """Who said a span of a document, from the officials' statements (reported or transcript)."""

    def __init__(self, officials: Iterable[Official]) -> None:
        by_document: dict[str, list[_Said]] = {}
        for official in officials:
            for statement in official.statements:
                said = _Said(statement.start, statement.end, official.name)
                by_document.setdefault(statement.document, []).append(said)
        self._by_document = {
            document: sorted(spans, key=lambda s: s.start)
            for document, spans in by_document.items()
        }
        # How far the statements up to each one reach: the first whose reach passes a
        # passage's start is the first that can overlap it (an earlier, longer statement may
        # cover a passage that later, shorter ones start before).
        self._reach = {
            document: list(itertools.accumulate((s.end for s in spans), max))
            for document, spans in self._by_document.items()
        }

    def of(self, document_id: str, start: int, end: int) -> str | None:
        """The one official whose statements make up most of `start`..`end` or open it, else
        None (nobody, or several people: the card then names no one)."""
        spans = self._by_document.get(document_id)
        if not spans or end <= start:
            return None
        first = bisect.bisect_right(self._reach[document_id], start)
        covered: dict[str, int] = {}
        opens = False
        for said in spans[first:]:
            if said.start >= end:
                break
            overlap = min(end, said.end) - max(start, said.start)
            if overlap > 0:
                covered[said.speaker] = covered.get(said.speaker, 0) + overlap
                opens = opens or said.start <= start
        if len(covered) != 1:
            return None
        ((speaker, length),) = covered.items()
        return speaker if opens or length >= SPEAKER_COVERAGE * (end - start) else None


class CommonWords:
    """Words found in a large share of the passages ("Guangdong" in a corpus about Guangdong):
    bolding them would mark nothing. The share is retrieval's own for "found almost everywhere"."""

    def __init__(self, passages: Sequence[str], share: float = DEFAULT_COMMON_SHARE) -> None:
        self._texts = [text.casefold() for text in passages]
        self._limit = share * len(self._texts)
        self._known: dict[str, bool] = {}
        self._lock = threading.Lock()  # answers are built in worker threads

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.strip():
            return False
        folded = word.casefold().strip()
        with self._lock:
            if folded not in self._known:
                self._known[folded] = self._is_common(folded)
            return self._known[folded]

    def _is_common(self, word: str) -> bool:
        if len(self._texts) < 5:
            return False  # too few passages to tell what is common
        if CJK_CHAR.search(word):
            count = sum(word in text for text in self._texts)
        else:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            count = sum(pattern.search(text) is not None for text in self._texts)
        return count > self._limit


@dataclass(frozen=True)
class QuoteFacts:
    """Speakers and common words of one library's corpus."""

    speakers: Speakers
    common: CommonWords

    @classmethod
    def of(cls, officials: Iterable[Official], passages: Sequence[str]) -> QuoteFacts:
        return cls(Speakers(officials), CommonWords(passages))


NO_FACTS = QuoteFacts(Speakers(()), CommonWords(()))
