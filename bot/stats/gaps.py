"""Coverage gaps: the unanswered and unhelpfully answered questions, grouped by shared words.

Each question becomes the set of its content words as the search index sees them (stopwords
dropped, stemmed, Chinese segmented: "robots" and "robotics" are one word). Groups form greedily:
the word shared by most of the remaining questions makes a group of every question holding it,
labelled with the words all of them share; then the next, until no word is shared. What is left
stands alone. Greedy and deterministic: the same questions always give the same groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from retrieval.languages import detect_language

MAX_LABEL_WORDS = 3
MIN_WORD_LENGTH = 2  # single letters and digits say nothing about a topic


class TokenSource(Protocol):
    """What grouping needs of retrieval's tokenizer: terms with the spans they come from."""

    def tokens(self, text: str, language: str) -> Sequence[TokenLike]: ...


class TokenLike(Protocol):
    @property
    def term(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def extra(self) -> bool: ...


@dataclass(frozen=True)
class Gap:
    """Questions sharing `words`: how many, and one of them as it was asked."""

    words: list[str]
    count: int
    example: str


def question_words(text: str, tokenizer: TokenSource) -> dict[str, str]:
    """The content terms of a question, each with the word it was written as."""
    words: dict[str, str] = {}
    for token in tokenizer.tokens(text, detect_language(text)):
        if token.extra or len(token.term) < MIN_WORD_LENGTH:
            continue
        words.setdefault(token.term, text[token.start : token.end].lower())
    return words


def group_gaps(questions: Sequence[str], tokenizer: TokenSource, limit: int = 10) -> list[Gap]:
    """The questions (most recent first) in groups of shared words, largest first."""
    words = [question_words(q, tokenizer) for q in questions]
    spelled: dict[str, Counter[str]] = {}
    for found in words:
        for term, surface in found.items():
            spelled.setdefault(term, Counter())[surface] += 1
    remaining = list(range(len(questions)))
    groups: list[Gap] = []
    while remaining:
        counts = Counter(term for i in remaining for term in words[i])
        if not counts:
            break
        best, shared_by = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if shared_by < 2:
            break
        members = [i for i in remaining if best in words[i]]
        common = set.intersection(*(set(words[i]) for i in members))
        label = [best, *sorted(common - {best}, key=lambda t: (-counts[t], t))]
        groups.append(_gap(label, members, questions, spelled))
        remaining = [i for i in remaining if i not in set(members)]
    for i in remaining:
        own = sorted(words[i])[:MAX_LABEL_WORDS]
        groups.append(_gap(own, [i], questions, spelled))
    groups.sort(key=lambda g: -g.count)  # stable: ties keep the order they were found in
    return groups[:limit]


def _gap(
    terms: list[str], members: list[int], questions: Sequence[str], spelled: dict[str, Counter[str]]
) -> Gap:
    shown = [spelled[t].most_common(1)[0][0] for t in terms[:MAX_LABEL_WORDS] if t in spelled]
    asked = Counter(questions[i] for i in members)
    # The question asked most often in the group, else its most recent one.
    example = max(members, key=lambda i: (asked[questions[i]], -i))
    return Gap(words=shown, count=len(members), example=questions[example])
