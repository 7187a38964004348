"""Scoring a search function on a question set: where the answer ranks, what comes back empty.

Every question's outcome is kept (the rank of the first passage holding an expected phrase, or
none), so one run gives the figures for any part of the set: a half, a kind, a language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from retrieval.evaluation.questions import Question, QuestionSet

# Results read per question: MRR is taken over the first ten, as usual (MRR@10).
DEPTH = 10


@dataclass(frozen=True)
class Outcome:
    """How one question was answered."""

    question: Question
    rank: int | None  # 1-based rank of the first passage holding an expected phrase
    returned: int  # how many passages came back
    first: str  # the first passage returned ("" when none)

    @property
    def empty(self) -> bool:
        return self.returned == 0


@dataclass(frozen=True)
class Figures:
    """The figures of a group of questions."""

    questions: int
    top1: int
    top3: int
    reciprocal_rank: float
    empty: int

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.questions if self.questions else 0.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.questions if self.questions else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_rank / self.questions if self.questions else 0.0

    @property
    def empty_rate(self) -> float:
        return self.empty / self.questions if self.questions else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "top1": self.top1_rate,
            "top3": self.top3_rate,
            "mrr10": self.mrr,
            "answered_with_nothing": self.empty,
        }


@dataclass
class Evaluation:
    """How a search function did on a question set."""

    name: str
    outcomes: list[Outcome]
    off_topic: int
    answered_off_topic: list[tuple[str, str]] = field(default_factory=list)  # (question, quote)
    known_failures: list[str] = field(default_factory=list)  # known-failure questions answered

    @property
    def off_topic_empty(self) -> int:
        return self.off_topic - len(self.answered_off_topic)

    def figures(self, keep: Callable[[Question], bool] = lambda q: True) -> Figures:
        """The figures of the questions ``keep`` selects."""
        chosen = [o for o in self.outcomes if keep(o.question)]
        return Figures(
            questions=len(chosen),
            top1=sum(o.rank == 1 for o in chosen),
            top3=sum(o.rank is not None and o.rank <= 3 for o in chosen),
            reciprocal_rank=sum(1 / o.rank for o in chosen if o.rank is not None),
            empty=sum(o.empty for o in chosen),
        )

    def misses(self, keep: Callable[[Question], bool] = lambda q: True) -> list[Outcome]:
        """The selected questions whose first passage does not hold the answer."""
        return [o for o in self.outcomes if keep(o.question) and o.rank != 1]


def holds(text: str, phrases: Iterable[str]) -> bool:
    """Does ``text`` contain one of ``phrases``? (Whitespace runs compare as one space: a
    phrase copied from one line of a file is found in a passage that wraps it.)"""
    squeezed = " ".join(text.split())
    return any(" ".join(p.split()) in squeezed for p in phrases)


def evaluate(
    name: str, answer: Callable[[str], Sequence[str]], question_set: QuestionSet
) -> Evaluation:
    """Score ``answer`` (question -> ranked passage texts, best first) on ``question_set``."""
    outcomes = []
    for question in question_set.questions:
        texts = list(answer(question.ask))[:DEPTH]
        rank = next((i for i, t in enumerate(texts, start=1) if holds(t, question.expect)), None)
        outcomes.append(Outcome(question, rank, len(texts), texts[0] if texts else ""))
    result = Evaluation(name, outcomes, off_topic=len(question_set.off_topic))
    for ask in question_set.off_topic:
        texts = list(answer(ask))
        if texts:
            result.answered_off_topic.append((ask, texts[0]))
    for ask in question_set.known_off_topic:
        if answer(ask):
            result.known_failures.append(ask)
    return result
