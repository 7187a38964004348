"""Candidate word pairs from aligned passages: a glossary source for query translation.

Two words that keep turning up together on the two sides of aligned passages ("Gouverneur" /
"governor") may translate each other. Their association is Dice's coefficient over the
aligned steps: twice the steps holding both, over the steps holding each. Only words found
together in ``min_together`` steps or more are paired (with a few aligned documents, two words
met once are as likely a coincidence as a translation), and only when each is the other's one
best association: all the words of one step are associated alike, so ties pair nothing.
Figures and codes are left out (they are the anchors the alignment already matched).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from retrieval.tokenize import Tokenizer


@dataclass(frozen=True)
class AlignedText:
    """The two sides of one aligned step: each side's language and text."""

    language: str
    text: str
    other_language: str
    other_text: str


@dataclass(frozen=True)
class AlignedTerm:
    """A word and a candidate translation, as written most often, with their association."""

    language: str
    word: str
    other_language: str
    other: str
    dice: float
    together: int  # aligned steps holding both


def aligned_terms(
    steps: Iterable[AlignedText],
    tokenizer: Tokenizer,
    min_together: int,
    min_dice: float,
) -> list[AlignedTerm]:
    """Word pairs of aligned steps by Dice's coefficient, best first (see the docstring);
    each pair once, the language first in alphabetical order."""
    surfaces: dict[tuple[str, str], Counter[str]] = {}
    alone: Counter[tuple[str, str]] = Counter()
    together: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()
    for step in steps:
        sides = sorted([(step.language, step.text), (step.other_language, step.other_text)])
        terms = [_content_terms(text, language, tokenizer, surfaces) for language, text in sides]
        alone.update(terms[0])
        alone.update(terms[1])
        together.update((first, second) for first in terms[0] for second in terms[1])
    dice = {
        pair: (2 * count / (alone[pair[0]] + alone[pair[1]]), count)
        for pair, count in together.items()
        if count >= min_together
    }
    # Each word's best association, and whether another word ties with it.
    best: dict[tuple[str, str], tuple[float, int]] = {}
    tied: set[tuple[str, str]] = set()
    for (first, second), score in dice.items():
        for word in (first, second):
            if word not in best or score > best[word]:
                best[word] = score
                tied.discard(word)
            elif score == best[word]:
                tied.add(word)
    found = [
        AlignedTerm(
            first[0],
            surfaces[first].most_common(1)[0][0],
            second[0],
            surfaces[second].most_common(1)[0][0],
            score,
            count,
        )
        for (first, second), (score, count) in dice.items()
        if score >= min_dice
        # Mutual and unique: each is the other's one best (words of one step tie).
        and best[first] == best[second] == (score, count)
        and not tied & {first, second}
    ]
    return sorted(found, key=lambda t: (-t.dice, -t.together, t.language, t.word, t.other))


def _content_terms(
    text: str,
    language: str,
    tokenizer: Tokenizer,
    surfaces: dict[tuple[str, str], Counter[str]],
) -> set[tuple[str, str]]:
    """The (language, index term) of a text's words (no figures, codes or compound parts),
    noting how each is written."""
    terms: set[tuple[str, str]] = set()
    for token in tokenizer.tokens(text, language):
        if token.extra or any(char.isdigit() for char in token.term) or len(token.term) < 2:
            continue
        key = (language, token.term)
        terms.add(key)
        surfaces.setdefault(key, Counter())[text[token.start : token.end].lower()] += 1
    return terms
