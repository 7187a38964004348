"""The relevance floor: does a passage answer the question at all?

Each word of the question weighs its idf (see ``query_words``). A passage is answerable only if
the words its context holds carry more than ``min_coverage`` of the question's weight. "What is
the capital of France?" is not answered by a passage on capital investment: "France" is absent
from the corpus and outweighs "capital".

A question naming a person and asking more ("What did Huang Kunming say about football?") must
also find what it asks about them: a passage must hold more than ``min_topic_coverage`` of the
weight of the words that do not name them, so a rare (hence heavy) name cannot carry it alone.

A passage holding only words found almost everywhere in the corpus ("Guangdong", "high") is
no answer either, however much of the question's weight they carry: it is carried by chance.

A passage in another language than the question's is judged on the words its language could
hold (``term_languages``): a word no dictionary carries into that language weighs less there.

A word only the next paragraph holds (``Context.holds_next``) counts for a share of its weight:
it is the passage's likely context, not its certain one.

A pure function over arrays: per-word weights, and per word and candidate passage whether the
passage holds the word (``Question.holds``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_MIN_COVERAGE = 0.5
# In a question naming a person, the share of the weight of its other words (what it asks about
# them) that a passage must hold besides. Lower than the floor, since a name is what the
# question is mostly about: "张劲松提到了哪些招商计划?" (0.45: 招商 known, 计划 not) is
# answered; "What did Huang Kunming say about the World Cup?" (0.36: "world" known, "cup" not)
# is not.
DEFAULT_MIN_TOPIC_COVERAGE = 0.4


# A word in more than this share of the passages ("Guangdong" in a corpus about Guangdong) is
# found almost everywhere: a passage holding no other word of the question is no answer.
DEFAULT_COMMON_SHARE = 0.2


@dataclass(frozen=True)
class Floor:
    """The shares of the question's weight (0 to 1) a passage must hold more than, and the
    share of the passages above which a word is too common to carry an answer alone."""

    min_coverage: float = DEFAULT_MIN_COVERAGE
    min_topic_coverage: float = DEFAULT_MIN_TOPIC_COVERAGE
    common_share: float = DEFAULT_COMMON_SHARE
    # The share of its weight a word counts for when a passage holds it only in translation:
    # a dictionary's senses are looser than the asker's own word. Set with the ranking on the
    # dev tuning half: at 1 the cross-language questions gain, the off-topic ones are answered.
    translated_share: float = 0.7
    # The share of its weight a word counts for when only the paragraph after a short one holds
    # it (see ``Context``). Set on the dev tuning half with ``SHORT_PARAGRAPH_PASSAGES``: at 1
    # no answer more, one off-topic question more answered.
    next_paragraph_share: float = 0.7


def covered_weight(weights: np.ndarray, holds: np.ndarray) -> np.ndarray:
    """For each candidate (column of ``holds``), the weight of the words (rows) it holds."""
    covered = np.zeros(holds.shape[1])
    for weight, row in zip(weights.tolist(), holds, strict=True):
        if weight > 0:
            covered += weight * row
    return covered


def answerable(
    weights: np.ndarray,
    holds: np.ndarray,
    names_person: np.ndarray,
    floor: Floor,
    common: np.ndarray | None = None,
    translated_only: np.ndarray | None = None,
    judged: np.ndarray | None = None,
    next_only: np.ndarray | None = None,
) -> np.ndarray:
    """For each candidate passage: does it clear the floor?

    ``weights``: the weight of each word of the question; ``holds``: words x candidates, does
    the candidate's context hold the word; ``names_person``: does the word name a person the
    question is about; ``common``: is the word found almost everywhere in the corpus (a
    passage holding only such words is no answer, when the question has others);
    ``translated_only``: words x candidates, held only through a translation (counted at
    ``floor.translated_share``); ``judged``: words x candidates, the weight each word counts
    for the candidate, held or not (``Question.judged``: less in a language that could not hold
    it; by default every word's whole weight), so the shares are of what it could hold;
    ``next_only``: words x candidates, held only by the paragraph after the candidate's (counted
    at ``floor.next_paragraph_share``, in the whole and in the topic; ``holds`` includes them;
    they never make a passage of common words alone telling).
    """
    if judged is None:
        judged = np.broadcast_to(weights[:, None], holds.shape)
    total = judged.sum(axis=0)
    covered = (judged * holds).sum(axis=0)
    if translated_only is not None and floor.translated_share < 1:
        covered -= (1 - floor.translated_share) * (judged * translated_only).sum(axis=0)
    if next_only is not None and floor.next_paragraph_share < 1:
        covered -= (1 - floor.next_paragraph_share) * (judged * next_only).sum(axis=0)
    passes = (total > 0) & (covered > floor.min_coverage * total)
    topic = ~names_person
    topic_weight = judged[topic].sum(axis=0)
    if names_person.any():
        # A candidate whose language could hold none of the topic's words is judged on the rest.
        topic_covered = (judged[topic] * holds[topic]).sum(axis=0)
        if next_only is not None and floor.next_paragraph_share < 1:
            discount = (judged[topic] * next_only[topic]).sum(axis=0)
            topic_covered -= (1 - floor.next_paragraph_share) * discount
        passes &= (topic_weight <= 0) | (topic_covered > floor.min_topic_coverage * topic_weight)
    if common is not None:
        telling = ~common & (weights > 0)
        if telling.any():
            own = holds if next_only is None else holds & ~next_only
            passes &= own[telling].any(axis=0)
    return passes
