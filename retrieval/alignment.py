"""Translations: documents, or the language blocks of one document, that say the same thing in
two languages, found by their content; each passage gets its counterpart(s) in the other.

Built once at load (``TranslationPairs.build``); ``prefer_language`` then turns a ranking into
one entry per quote, shown in the asker's language when it has a counterpart there.

No dictionary is used: a translation keeps its original's figures, names, codes and dates
(``retrieval.anchors``), in the original's order. Finding translations, in time about linear in
the corpus:

1. Every passage gets its anchors. A name counts when it is found in two languages of the
   corpus (German capitalises every noun; most pairs of Chinese characters are no name); a
   figure, code or date always does. Each is weighted by its rarity, the log of the passages
   over those holding it: "Guangdong" says little, "1933" much.
2. A *unit* is the passages of one document in one language, in order: a document, or a
   language block of a bilingual one. An inverted index of rare anchors (held by at most
   ``max_anchor_units`` units) yields the pairs of units in two languages sharing at least
   ``min_shared_anchors`` of them; only pairs whose anchors overlap enough (``min_overlap``)
   are aligned.
3. The two units' passages are aligned monotonically by dynamic programming, as Gale and
   Church align sentences, with anchors: a step pairs one or two passages with one or two, or
   leaves one out. It scores the weight of the anchors both sides share, less that of anchors
   one side has that the other unit holds elsewhere (they point to another passage), plus how
   likely its lengths are for a translation (relative to each unit's length) and the step.
4. The units translate each other when most of the anchors they share lie in steps that pair
   them (``min_in_steps``): the same facts in the same order, not one event reported twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from retrieval.aligned_terms import AlignedTerm, AlignedText, aligned_terms
from retrieval.anchors import pinyin_anchors, written_anchors
from retrieval.models import DocumentInfo, Passage
from retrieval.scripts import has_han
from retrieval.tokenize import Tokenizer

_DIGIT = re.compile(r"\d")

Step = tuple[tuple[int, ...], tuple[int, ...]]  # passage ids of the first unit, of the second


@dataclass(frozen=True)
class AlignmentThresholds:
    """Every threshold of translation finding, in one place.

    How they were set: on the seeds and the development corpus loaded together (99 candidate
    pairs of units; three translations: a press release in German and English, one in English
    and German, a report whose Chinese block translates two of its six English paragraphs) and
    on SciFact with the abstracts of every other document declared German (618 candidate
    pairs of abstracts sharing names, acronyms and figures and translating nothing).
    Translations overlap 0.81 to 1.0 (the report's Chinese block 0.70, its English one 0.39);
    every other pair of the two corpora at most 0.56 on its weaker side, pages of others on
    one event: ``min_overlap`` lies between, ``min_overlap_within`` below the partial block.
    Translations hold 0.95 to 1.0 of their common anchors' weight in paired steps; two
    articles on one event, told in another order, 0.52; the two pseudo-German abstracts that
    overlap enough (0.74: one language shares its vocabulary as no translation does) 0.78 and
    0.83; the second is the one false pair found there. The step probabilities and length
    variance are Gale and Church's, with more steps of two passages and more left out
    (passages group sentences differently; a page may add a paragraph); a passage left out
    costs its probability only, whatever its length.
    """

    # An anchor held by more units than this is common (a province, a year): it is weighed in
    # the alignment but proposes no pairs, which keeps their number linear in the corpus.
    max_anchor_units: int = 20
    min_shared_anchors: int = 3
    # Share of each unit's anchor weight the other holds too; for the language blocks of one
    # document, the smaller's only (a bilingual page may translate some of its paragraphs).
    min_overlap: float = 0.7
    min_overlap_within: float = 0.5
    # Share of the weight of the anchors both units hold that lies in steps pairing them.
    min_in_steps: float = 0.8
    # Steps: (passages of the first unit, of the second, how common among translated
    # passages); sentences are grouped into passages differently on the two sides.
    steps: tuple[tuple[int, int, float], ...] = (
        (1, 1, 0.80),
        (1, 2, 0.07),
        (2, 1, 0.07),
        (2, 2, 0.02),
        (1, 0, 0.02),
        (0, 1, 0.02),
    )
    length_variance: float = 6.8
    # What a step gains per unit of anchor weight shared, and loses per unit left to another
    # passage of the other unit.
    shared_gain: float = 1.0
    missing_cost: float = 0.5
    # Long units are aligned within this many passages of the diagonal (beyond the difference
    # of their lengths): bounded work for books, the whole table for articles.
    band: int = 40
    # Word pairs of aligned passages (``aligned_terms``): found together in this many steps at
    # least (words met once together are as likely a coincidence), with this Dice or more.
    glossary_min_together: int = 2
    glossary_min_dice: float = 0.5


THRESHOLDS = AlignmentThresholds()


@dataclass(frozen=True)
class UnitPair:
    """A candidate pair of units (document id, language) and what was measured of it."""

    first: tuple[str, str]
    second: tuple[str, str]
    shared_anchors: int  # rare anchors in common
    overlap: tuple[float, float]  # share of each unit's anchor weight the other holds too
    in_steps: float  # share of the common anchors' weight in steps pairing them (-1: not aligned)
    accepted: bool
    steps: tuple[Step, ...] = ()  # the steps pairing passages, in order

    def to_json(self) -> list[Any]:
        """The pair as plain lists (``from_json`` restores it)."""
        return [
            list(self.first),
            list(self.second),
            self.shared_anchors,
            list(self.overlap),
            self.in_steps,
            self.accepted,
            [[list(left), list(right)] for left, right in self.steps],
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> UnitPair:
        """The pair ``to_json`` wrote; TypeError or ValueError when it is none."""
        first, second, shared, overlap, in_steps, accepted, steps = data
        if not isinstance(accepted, bool):
            raise TypeError("accepted is not true or false")
        return cls(
            (str(first[0]), str(first[1])),
            (str(second[0]), str(second[1])),
            int(shared),
            (float(overlap[0]), float(overlap[1])),
            float(in_steps),
            accepted,
            tuple(
                (tuple(int(p) for p in left), tuple(int(p) for p in right)) for left, right in steps
            ),
        )


class TranslationPairs:
    """Which passages translate which, found once; ``prefer_language`` applies it."""

    def __init__(
        self,
        counterparts: dict[int, tuple[int, ...]],
        languages: dict[int, str],
        originals: frozenset[int] = frozenset(),
        candidates: Sequence[UnitPair] = (),
        aligned: Sequence[AlignedText] = (),
        tokenizer: Tokenizer | None = None,
        thresholds: AlignmentThresholds = THRESHOLDS,
    ) -> None:
        self._counterparts = counterparts  # passage id -> passages saying it in other languages
        self._languages = languages  # passage id -> language, for those with counterparts
        self._originals = originals  # passages whose document is older than a counterpart's
        self.candidates = tuple(candidates)  # every pair of units aligned or considered
        self._aligned = tuple(aligned)  # the texts of the steps pairing passages
        self._tokenizer = tokenizer
        self._thresholds = thresholds
        self._paired = np.fromiter(sorted(counterparts), dtype=np.int64, count=len(counterparts))

    @classmethod
    def build(
        cls,
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
        tokenizer: Tokenizer,
        thresholds: AlignmentThresholds = THRESHOLDS,
        written: Sequence[set[str]] | None = None,
    ) -> TranslationPairs:
        """Find the translations among ``passages`` (ids unique, in document order, as in
        ``Corpus.passages``); ``documents`` give their dates, to tell originals. ``written``:
        each passage's ``written_anchors``, when known (a cache's); they are changed."""
        ids = [passage.id for passage in passages]
        if len(set(ids)) != len(ids):
            raise ValueError("passage ids must be unique")
        if len({passage.language for passage in passages}) < 2:
            return cls({}, {})  # one language: nothing to find, nothing to read
        if written is None:
            written = [written_anchors(p.text, p.language, tokenizer) for p in passages]
        elif len(written) != len(passages):
            raise ValueError(f"{len(written)} passages' anchors for {len(passages)} passages")
        # Pinyin can only meet a name some passage writes: the rest would fill memory.
        names = frozenset().union(*written)
        for found, passage in zip(written, passages, strict=True):
            if has_han(passage.text):
                found.update(pinyin_anchors(passage.text) & names)
        anchors, weight = _weighted_anchors(written, passages)
        units = _units(passages)
        candidates = [
            _measure(first, second, shared, passages, anchors, weight, thresholds)
            for first, second, shared in _candidate_pairs(units, anchors, thresholds)
        ]
        return cls.from_candidates(candidates, passages, documents, tokenizer, thresholds)

    @classmethod
    def from_candidates(
        cls,
        candidates: Sequence[UnitPair],
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
        tokenizer: Tokenizer,
        thresholds: AlignmentThresholds = THRESHOLDS,
    ) -> TranslationPairs:
        """The pairs that ``candidates`` (the units measured by ``build``) accept among
        ``passages``: what a cached measurement restores. KeyError when a step names a
        passage that is not among them."""
        counterparts: dict[int, set[int]] = {}
        for pair in candidates:
            for left, right in pair.steps if pair.accepted else ():
                for passage_id in left:
                    counterparts.setdefault(passage_id, set()).update(right)
                for passage_id in right:
                    counterparts.setdefault(passage_id, set()).update(left)
        dates = {document.id: document.date for document in documents}
        # Only the paired passages are read below (a restart restores a few of a million).
        by_id = {passage.id: passage for passage in passages if passage.id in counterparts}
        aligned = [
            _aligned_text(step, by_id)
            for pair in candidates
            if pair.accepted
            for step in pair.steps
        ]
        return cls(
            {pid: tuple(sorted(found)) for pid, found in counterparts.items()},
            {pid: by_id[pid].language for pid in counterparts},
            _originals(counterparts, by_id, dates),
            candidates,
            aligned,
            tokenizer,
            thresholds,
        )

    def renumbered(
        self,
        new_ids: Mapping[int, int],
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
        tokenizer: Tokenizer,
    ) -> TranslationPairs:
        """These translations in a corpus where passage ``p`` is now ``new_ids[p]``
        (``passages`` and ``documents`` are that corpus's); a pair of units with a passage no
        longer there, or a document no longer there, is dropped whole."""
        documents = list(documents)
        present = {document.id for document in documents}
        kept = []
        for pair in self.candidates:
            named = [p for left, right in pair.steps for p in (*left, *right)]
            if pair.first[0] not in present or pair.second[0] not in present:
                continue
            if not all(p in new_ids for p in named):
                continue
            steps = tuple(
                (tuple(new_ids[p] for p in left), tuple(new_ids[p] for p in right))
                for left, right in pair.steps
            )
            kept.append(replace(pair, steps=steps))
        return TranslationPairs.from_candidates(
            kept, passages, documents, tokenizer, self._thresholds
        )

    def counterparts(self, passage_id: int) -> list[int]:
        """The passages in other languages that say what this passage says, in corpus order."""
        return list(self._counterparts.get(passage_id, ()))

    def within(self, allowed: np.ndarray) -> TranslationPairs:
        """These pairs among the passages ``allowed`` marks (a boolean mask over the corpus):
        under a filter, a translation it leaves out is no counterpart, so a quote is never
        ranked as, nor shown as, a text outside the filter."""
        counterparts: dict[int, tuple[int, ...]] = {}
        for passage_id, others in self._counterparts.items():
            kept = tuple(p for p in others if allowed[p])
            if allowed[passage_id] and kept:
                counterparts[passage_id] = kept
        return TranslationPairs(
            counterparts,
            {p: self._languages[p] for p in counterparts},
            self._originals & frozenset(counterparts),
            self.candidates,
            self._aligned,
            self._tokenizer,
            self._thresholds,
        )

    def ranked_as_shown(
        self, ids: np.ndarray, ranking: np.ndarray, language: str | None
    ) -> np.ndarray:
        """``ranking`` (of the passages ``ids``) with each passage that has a counterpart in
        ``language`` ranked as that counterpart: a passage and its translation are one quote,
        shown in the asker's language, so the text shown is what must answer. A counterpart
        that is no candidate holds none of the question's words: the pair ranks last."""
        if language is None or not len(self._paired):
            return ranking
        slots = np.flatnonzero(np.isin(ids, self._paired))
        if not len(slots):
            return ranking
        own = {int(ids[slot]): float(ranking[slot]) for slot in slots}
        ranked = ranking.copy()
        for slot in slots.tolist():
            passage_id = int(ids[slot])
            if self._languages.get(passage_id) == language:
                continue
            written = [p for p in self.counterparts(passage_id) if self._languages[p] == language]
            if written:
                ranked[slot] = max(own.get(p, 0.0) for p in written)
        return ranked

    def is_original(self, passage_id: int) -> bool:
        """Whether the passage's document was published before a counterpart's (their dates
        tell; without dates, or on one day, none is called the original)."""
        return passage_id in self._originals

    def pairs(self) -> list[UnitPair]:
        """The pairs of units found to translate each other."""
        return [pair for pair in self.candidates if pair.accepted]

    def aligned_terms(self) -> list[AlignedTerm]:
        """Candidate word pairs of the aligned passages, by Dice's coefficient: a glossary
        source for query translation (``retrieval.aligned_terms``)."""
        if self._tokenizer is None or not self._aligned:
            return []
        return aligned_terms(
            self._aligned,
            self._tokenizer,
            self._thresholds.glossary_min_together,
            self._thresholds.glossary_min_dice,
        )

    def prefer_language(
        self, ranked_ids: Sequence[int], language: str | None
    ) -> list[tuple[int, list[int]]]:
        """One entry per quote, in ranking order: (passage to show, its counterparts).

        Walking the ranking best first, a passage and its counterparts are one quote: the one
        written in ``language`` is shown (the best-ranked of them, else the first), else the
        passage ranked; its counterparts in other languages are listed. A passage already
        shown or listed is skipped. Pure: nothing is changed; ids without counterparts pass
        through.
        """
        rank: dict[int, int] = {}
        for position, passage_id in enumerate(ranked_ids):
            rank.setdefault(passage_id, position)
        done: set[int] = set()
        entries: list[tuple[int, list[int]]] = []
        for candidate in ranked_ids:
            if candidate in done:
                continue
            shown = candidate
            if language is not None and self._languages.get(candidate) != language:
                written = [
                    p for p in self.counterparts(candidate) if self._languages[p] == language
                ]
                if written:
                    shown = min(written, key=lambda p: (rank.get(p, len(rank)), p))
            others = self.counterparts(shown)  # in other languages, the passage ranked among them
            entries.append((shown, others))
            done.update((candidate, shown, *others))
        return entries


# --- building blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    document_id: str
    language: str
    positions: tuple[int, ...]  # positions in the passages given to ``build``, in order


def _language_free(anchor: str) -> bool:
    """Figures, codes and dates read alike in every language; names need not."""
    return _DIGIT.search(anchor) is not None


def _weighted_anchors(
    found: Sequence[set[str]], passages: Sequence[Passage]
) -> tuple[list[frozenset[int]], list[float]]:
    """Each passage's anchors that count (see the module's docstring), numbered, and the
    weight of each number."""
    languages: dict[str, set[str]] = {}
    holders: dict[str, int] = {}
    for anchors, passage in zip(found, passages, strict=True):
        for anchor in anchors:
            languages.setdefault(anchor, set()).add(passage.language)
            holders[anchor] = holders.get(anchor, 0) + 1
    numbers: dict[str, int] = {}
    weight: list[float] = []
    for anchor, held_in in languages.items():
        if len(held_in) > 1 or _language_free(anchor):
            numbers[anchor] = len(weight)
            weight.append(math.log(len(passages) / holders[anchor]))
    counted = [frozenset(numbers[a] for a in anchors if a in numbers) for anchors in found]
    return counted, weight


def _units(passages: Sequence[Passage]) -> list[_Unit]:
    positions: dict[tuple[str, str], list[int]] = {}
    for position, passage in enumerate(passages):
        positions.setdefault((passage.document_id, passage.language), []).append(position)
    return [_Unit(doc, language, tuple(held)) for (doc, language), held in positions.items()]


def _candidate_pairs(
    units: Sequence[_Unit], anchors: Sequence[frozenset[int]], thresholds: AlignmentThresholds
) -> list[tuple[_Unit, _Unit, int]]:
    """Pairs of units in two languages sharing ``min_shared_anchors`` rare anchors or more."""
    holders: dict[int, list[int]] = {}
    for number, unit in enumerate(units):
        for anchor in frozenset().union(*(anchors[p] for p in unit.positions)):
            holders.setdefault(anchor, []).append(number)
    counts: dict[tuple[int, int], int] = {}
    for holding in holders.values():
        if len(holding) > thresholds.max_anchor_units:
            continue
        for index, first in enumerate(holding):
            for second in holding[index + 1 :]:
                if units[first].language != units[second].language:
                    counts[first, second] = counts.get((first, second), 0) + 1
    return [
        (units[first], units[second], shared)
        for (first, second), shared in sorted(counts.items())
        if shared >= thresholds.min_shared_anchors
    ]


def _measure(
    first: _Unit,
    second: _Unit,
    shared: int,
    passages: Sequence[Passage],
    anchors: Sequence[frozenset[int]],
    weight: Sequence[float],
    thresholds: AlignmentThresholds,
) -> UnitPair:
    """Overlap, and when it is enough the alignment, of two units: a ``UnitPair``."""
    sets_a = [anchors[p] for p in first.positions]
    sets_b = [anchors[p] for p in second.positions]
    held_a, held_b = frozenset().union(*sets_a), frozenset().union(*sets_b)
    both = held_a & held_b
    in_both = _weigh(both, weight)
    overlap = (_share(in_both, _weigh(held_a, weight)), _share(in_both, _weigh(held_b, weight)))
    if first.document_id == second.document_id:
        # A bilingual page may translate some paragraphs only: the smaller block must overlap.
        smaller = 0 if _weigh(held_a, weight) <= _weigh(held_b, weight) else 1
        enough = overlap[smaller] >= thresholds.min_overlap_within
    else:
        enough = min(overlap) >= thresholds.min_overlap
    names = ((first.document_id, first.language), (second.document_id, second.language))
    if not enough:
        return UnitPair(*names, shared, overlap, -1.0, False)
    lengths_a = [len(passages[p].text) for p in first.positions]
    lengths_b = [len(passages[p].text) for p in second.positions]
    aligned = _align(sets_a, sets_b, lengths_a, lengths_b, weight, thresholds)
    # Each passage's share of common anchors, and what of it its step's other side holds.
    possible = paired = 0.0
    for left, right in aligned:
        own_a, own_b = _union(sets_a, left), _union(sets_b, right)
        for position in left:
            possible += _weigh(sets_a[position] & both, weight)
            paired += _weigh(sets_a[position] & own_b, weight)
        for position in right:
            possible += _weigh(sets_b[position] & both, weight)
            paired += _weigh(sets_b[position] & own_a, weight)
    in_steps = _share(paired, possible)
    steps = tuple(
        (
            tuple(passages[first.positions[i]].id for i in left),
            tuple(passages[second.positions[j]].id for j in right),
        )
        for left, right in aligned
        if left and right
    )
    return UnitPair(*names, shared, overlap, in_steps, in_steps >= thresholds.min_in_steps, steps)


def _align(
    sets_a: Sequence[frozenset[int]],
    sets_b: Sequence[frozenset[int]],
    lengths_a: Sequence[int],
    lengths_b: Sequence[int],
    weight: Sequence[float],
    thresholds: AlignmentThresholds,
) -> list[tuple[range, range]]:
    """The best monotone steps through two units' passages (see the module's docstring), as
    (positions in the first, positions in the second); a position left out is in a step
    whose other side is empty."""
    m, n = len(sets_a), len(sets_b)
    held_a, held_b = frozenset().union(*sets_a), frozenset().union(*sets_b)
    # Passage lengths relative to their unit's, on a common scale: Chinese is shorter.
    scale = (sum(lengths_a) + sum(lengths_b)) / 2
    relative_a = [length * scale / max(sum(lengths_a), 1) for length in lengths_a]
    relative_b = [length * scale / max(sum(lengths_b), 1) for length in lengths_b]
    # What a range of passages holds that the other unit holds too, and its weight.
    matchable_a = _range_sets(sets_a, held_b)
    matchable_b = _range_sets(sets_b, held_a)
    weights_a = {key: _weigh(value, weight) for key, value in matchable_a.items()}
    weights_b = {key: _weigh(value, weight) for key, value in matchable_b.items()}
    priors = [(da, db, math.log(p)) for da, db, p in thresholds.steps]
    width = thresholds.band + abs(m - n)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(m + 1):
        centre = i * n / m if m else 0
        for j in range(max(0, int(centre) - width), min(n, int(centre) + width) + 1):
            top = -math.inf
            for da, db, prior in priors:
                before = best.get((i - da, j - db))
                if before is None or da > i or db > j:
                    continue
                left, right = (i - da, i), (j - db, j)
                common = _weigh(matchable_a[left] & matchable_b[right], weight)
                missing = weights_a[left] + weights_b[right] - 2 * common
                # A passage left out costs its step's prior whatever its length: unlike a
                # sentence, a paragraph is often added or dropped whole.
                length = (
                    _length_log_probability(
                        sum(relative_a[i - da : i]),
                        sum(relative_b[j - db : j]),
                        thresholds.length_variance,
                    )
                    if da and db
                    else 0.0
                )
                score = (
                    before
                    + prior
                    + length
                    + thresholds.shared_gain * common
                    - thresholds.missing_cost * missing
                )
                if score > top:
                    top = score
                    back[i, j] = (da, db)
            if top > -math.inf:
                best[i, j] = top
    steps: list[tuple[range, range]] = []
    i, j = m, n
    while (i, j) != (0, 0):
        da, db = back[i, j]
        steps.append((range(i - da, i), range(j - db, j)))
        i, j = i - da, j - db
    steps.reverse()
    return steps


def _range_sets(
    sets: Sequence[frozenset[int]], other: frozenset[int]
) -> dict[tuple[int, int], frozenset[int]]:
    """(start, end) -> the anchors of passages start..end-1 that ``other`` holds, for the
    ranges of zero to two passages a step takes."""
    ranges: dict[tuple[int, int], frozenset[int]] = {}
    for end in range(len(sets) + 1):
        ranges[end, end] = frozenset()
        if end >= 1:
            ranges[end - 1, end] = sets[end - 1] & other
        if end >= 2:
            ranges[end - 2, end] = ranges[end - 2, end - 1] | ranges[end - 1, end]
    return ranges


def _union(sets: Sequence[frozenset[int]], positions: range) -> frozenset[int]:
    return frozenset().union(*(sets[position] for position in positions))


def _weigh(anchors: Iterable[int], weight: Sequence[float]) -> float:
    # Correctly rounded whatever the order: a set's order depends on how it was made (found
    # now or read from the cache) and on the process's string hashing, the decisions must not.
    return math.fsum(weight[anchor] for anchor in anchors)


def _share(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0


def _length_log_probability(first: float, second: float, variance: float) -> float:
    """log P(a length difference this large) between a passage and its translation (Gale and
    Church: the difference is normal, its variance proportional to the length)."""
    if first + second == 0:
        return 0.0
    delta = abs(second - first) / math.sqrt(variance * (first + second) / 2)
    return math.log(max(math.erfc(delta / math.sqrt(2)), 1e-300))


def _aligned_text(step: Step, by_id: dict[int, Passage]) -> AlignedText:
    left, right = step
    return AlignedText(
        by_id[left[0]].language,
        " ".join(by_id[p].text for p in left),
        by_id[right[0]].language,
        " ".join(by_id[p].text for p in right),
    )


def _originals(
    counterparts: dict[int, set[int]], by_id: dict[int, Passage], dates: dict[str, str | None]
) -> frozenset[int]:
    """Passages whose document is dated before a counterpart's (ISO dates compare as text)."""
    originals: set[int] = set()
    for passage_id, others in counterparts.items():
        own = dates.get(by_id[passage_id].document_id)
        for other in others:
            theirs = dates.get(by_id[other].document_id)
            if own and theirs and own < theirs:
                originals.add(passage_id)
    return frozenset(originals)
