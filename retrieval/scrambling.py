"""Whether Chinese text is a word-scrambled copy: fragments of words glued to clause starts.

SEO copies of news pages shuffle a real article's clauses and glue fragments of its keywords
(two or three characters cut out of words, across word boundaries) in front of them. Every
clause still reads like the article and a long scrambled passage holds many of a question's
terms, so such a copy outranks the real one. Real clauses start with a word: a subject, a time,
an adverb, a name, a verb. A clause that starts with two characters that jieba can only cut off
one by one, neither of which stands alone in running text (bound morphemes: the middle or the
end of a word), starts with a fragment. The share of clauses that start so is the signal.

Calibration (development pages, read by eye): the eight clean Chinese pages and the seeds'
Chinese paragraph have no clause that starts so (0 of 11 to 40 clauses each); the scrambled copy
has 7 of 34 (0.21). A page is taken for scrambled from a tenth of its clauses on, and only when
at least ``_MIN_CLAUSES`` clauses can be judged and ``_MIN_FRAGMENTS`` start so: one or two odd
starts (a rare word missing from the dictionary) say nothing. A copy whose clauses are shuffled
without fragments glued in is not caught: adjacent clauses sharing fewer words than distant ones
would say it, but on pages of a few hundred characters that measure overlaps clean text.

Traditional characters are folded to simplified and inline pinyin dropped first
(``chinese_script``), as jieba's dictionary is simplified. Loading that dictionary takes a
second at start-up, so a quick look (the first two characters' boundness and the dictionary's
word starts, read from its file) spares it for every text that could not be scrambled.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from retrieval.chinese_script import ANNOTATED_HAN_RUN, fold_han_run
from retrieval.tokenize import shared_jieba

# Marks that end a clause; the enumeration comma does not (its items are words, not clauses).
_CLAUSE_END = re.compile(r"[,，。;；!?！？\n]")
# A clause's leading Chinese characters, after quotes, brackets and white space.
_CLAUSE_LEAD = re.compile(rf"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】]*({ANNOTATED_HAN_RUN})")
_LOOK_AHEAD = 12  # characters of a clause segmented to judge its start
# A character stands alone in running text at most this often (jieba's model of running text:
# 的 0.98, 将 0.78, 为 0.50; 新 0.32; 业 0.02, 制 0.07, 推 0.14): below it, a bound morpheme.
_FREE_SHARE = 0.2
# Numerals open clauses on their own ("三是…", "一、"): never a fragment.
_NUMERALS = frozenset("〇一二三四五六七八九十百千万亿零两")
# Part-of-speech tags of names and places, which jieba cuts into single characters too.
_NAME_TAGS = ("nr", "ns")
# The first two characters (three-byte UTF-8 each) of a dictionary word of two or more that is
# used at least 20 times: jieba keeps such a word whole (rarer entries it may cut in two).
_COMMON_WORD_LINE = re.compile(
    rb"^([\xe0-\xef][\x80-\xbf]{2}[\xe0-\xef][\x80-\xbf]{2})[^ \n]* (?:[2-9]\d|[1-9]\d{2,}) ",
    re.MULTILINE,
)
_MIN_CLAUSES = 10
_MIN_FRAGMENTS = 3
_SCRAMBLED_SHARE = 0.1


@dataclass(frozen=True)
class ScrambleMeasure:
    """How many clauses of a text were judged, and how many start with a word fragment."""

    clauses: int
    fragment_starts: int

    @property
    def share(self) -> float:
        return self.fragment_starts / self.clauses if self.clauses else 0.0

    @property
    def scrambled(self) -> bool:
        """Whether the text reads as a word-scrambled copy (see the module docstring)."""
        return (
            self.clauses >= _MIN_CLAUSES
            and self.fragment_starts >= _MIN_FRAGMENTS
            and self.share >= _SCRAMBLED_SHARE
        )


def measure_scrambling(texts: Iterable[str], *, exact: bool = False) -> ScrambleMeasure:
    """Count the clauses of Chinese ``texts`` (paragraphs) that start with a word fragment.

    Loading jieba's dictionary takes a second; a quick look first finds the clauses that could
    start with a fragment (two bound characters that are no common word). When too few could
    for the text to be scrambled, they are not checked and counted as they are: the count is
    then an upper bound. ``exact`` checks them always.
    """
    leads = [lead for text in texts for lead in clause_leads(text)]
    candidates = [lead for lead in leads if _may_start_with_fragment(lead)]
    if not exact and not ScrambleMeasure(len(leads), len(candidates)).scrambled:
        return ScrambleMeasure(len(leads), len(candidates))
    return ScrambleMeasure(len(leads), sum(1 for lead in leads if starts_with_fragment(lead)))


def clause_leads(text: str) -> Iterator[str]:
    """The first Chinese characters of each clause that starts with two or more of them,
    simplified and without inline pinyin."""
    position = 0
    for end in (*(m.start() for m in _CLAUSE_END.finditer(text)), len(text)):
        lead = _CLAUSE_LEAD.match(text, position, end)
        position = end + 1
        if lead is None:
            continue
        folded = fold_han_run(text, lead.start(1), lead.end(1)).text
        if len(folded) >= 2:
            yield folded[:_LOOK_AHEAD]


def starts_with_fragment(lead: str) -> bool:
    """Whether a clause's first characters are two bound characters that make no word together
    nor with what follows, and no name."""
    words = shared_jieba().lcut(lead, HMM=False)
    if len(words) < 2 or len(words[0]) != 1 or len(words[1]) != 1:
        return False
    first, second = words[0], words[1]
    if first in _NUMERALS or not _is_bound(first) or not _is_bound(second):
        return False
    tagged = next(iter(_tagger().cut(lead)), None)
    return tagged is None or not tagged.flag.startswith(_NAME_TAGS)


def _may_start_with_fragment(lead: str) -> bool:
    """The quick look: two bound characters, no numeral, not the start of a common word.
    Every fragment start passes: jieba does not cut a common word in two."""
    first, second = lead[0], lead[1]
    return (
        first not in _NUMERALS
        and _is_bound(first)
        and _is_bound(second)
        and lead[:2] not in _common_word_starts()
    )


@cache
def _common_word_starts() -> frozenset[str]:
    """How the words of jieba's dictionary used at least 20 times begin (their first two
    characters), read from its file ("word frequency tag" lines) in a tenth of the time jieba
    takes to load it."""
    import jieba

    with jieba.Tokenizer().get_dict_file() as dictionary:
        data = dictionary.read()
    return frozenset(word.decode("utf-8") for word in _COMMON_WORD_LINE.findall(data))


def _is_bound(char: str) -> bool:
    return free_share(char) < _FREE_SHARE


@cache
def free_share(char: str) -> float:
    """How often ``char`` is a word of its own in running text, by jieba's character model
    (the single-character state's share of the character's emissions)."""
    emissions, states = _character_model()
    weights = {
        state: share * math.exp(emissions[state].get(char, -math.inf))
        for state, share in states.items()
    }
    total = sum(weights.values())
    return weights["S"] / total if total else 0.0


@cache
def _character_model() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """jieba's emission log-probabilities per state (Begin, Middle, End of a word, Single) and
    how often each state occurs in running text (the stationary distribution of its
    transitions)."""
    from jieba.finalseg import prob_emit, prob_trans

    transitions: dict[str, dict[str, float]] = prob_trans.P
    shares = dict.fromkeys(transitions, 1 / len(transitions))
    for _ in range(100):  # converges long before: four states
        following = dict.fromkeys(transitions, 0.0)
        for state, row in transitions.items():
            for successor, log_probability in row.items():
                following[successor] += shares[state] * math.exp(log_probability)
        shares = following
    return prob_emit.P, shares


class _Tagger:
    """jieba's part-of-speech tagger over the shared tokenizer, loaded on first use."""

    def __init__(self) -> None:
        self._tagger: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._tagger is None:
            with self._lock:
                if self._tagger is None:
                    from jieba.posseg import POSTokenizer

                    self._tagger = POSTokenizer(shared_jieba())
        return self._tagger


_TAGGER = _Tagger()


def _tagger() -> Any:
    return _TAGGER.get()
