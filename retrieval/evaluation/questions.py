"""Question sets: questions with the phrases their answer contains, and off-topic questions.

Two files share one format (a ``[[question]]`` table per question, ``[[off_topic]]`` per question
the corpus cannot answer): the seeds' set (``retrieval/data/eval/questions.toml``, ``expect`` a
phrase) and the development corpus's (``../shared/dev-corpus/questions.toml``, ``expect`` a list
of phrases, with ``kind`` and ``files``). A question is answered when a returned passage contains
any of its phrases.

The questions are split into a tuning half (odd positions in the file: 1, 3, 5 ...) and a check
half (even positions). Rules and thresholds are decided on the tuning half; the check half says
whether a change generalises. The split is by position so that it never changes with the code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

TUNING = "tuning"
CHECK = "check"
CROSS_LANGUAGE = "cross-language"


@dataclass(frozen=True)
class Question:
    ask: str
    expect: tuple[str, ...]
    language: str
    kind: str = ""
    number: int = 0  # 1-based position in its file

    @property
    def half(self) -> str:
        return TUNING if self.number % 2 == 1 else CHECK

    @property
    def cross_language(self) -> bool:
        return self.kind == CROSS_LANGUAGE


@dataclass(frozen=True)
class QuestionSet:
    questions: list[Question]
    off_topic: list[str]
    # Off-topic questions the search is known to answer (``known_failure = true`` in the file):
    # run and reported, never counted, so a weakness found stays visible without failing CI.
    known_off_topic: list[str] = field(default_factory=list)


def load_questions(path: Path) -> QuestionSet:
    """The question set in ``path`` (either format; see the module docstring)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    questions = []
    for number, entry in enumerate(data.get("question", []), start=1):
        expect = entry["expect"]
        phrases = (expect,) if isinstance(expect, str) else tuple(str(p) for p in expect)
        questions.append(
            Question(
                ask=entry["ask"],
                expect=phrases,
                language=entry.get("language", "en"),
                kind=entry.get("kind", ""),
                number=number,
            )
        )
    entries = data.get("off_topic", [])
    off_topic = [q["ask"] for q in entries if not q.get("known_failure", False)]
    known = [q["ask"] for q in entries if q.get("known_failure", False)]
    return QuestionSet(questions, off_topic, known)
