"""Near-duplicate passages: the same quote published by several documents (a mirror site, a
reposted release, one wire story on two sites).

Built once at load (``DuplicateGroups.build``); ``collapse`` then turns a ranking into one entry
per quote: the best copy shown, the other documents listed as "also published by".

Finding copies, in time about linear in the corpus:

1. Every passage becomes a sequence of normalised tokens (NFKC, case-folded, figures without
   separators); a Chinese character is a token of its own. The language is part of every
   token, so a translation never matches its original.
2. Overlapping shingles of ``words_per_shingle`` tokens (``han_per_shingle`` in Chinese) are
   hashed, and an inverted index over them (sorted in numpy) yields the pairs of passages of
   different documents that share at least ``min_shared_shingles``. Shingles held by more than
   ``max_shingle_passages`` passages are common phrasing or boilerplate, no sign of copying,
   and would make the pair count quadratic: they are left out.
3. Each candidate pair is aligned token by token in both directions: is one passage (almost)
   contained in the other? Containment, not similarity, because copies cut sentences into
   passages differently.

Passage A is *contained* in passage B when either

- A is a **copy**: at least ``copy_coverage`` of A's tokens lie in runs shared with B, in order;
  inside the shared stretch B may add words (a dateline, "about") but A none (a replaced word
  changes the statement: "more"/"less") and no negation (``data/negations.toml``); in the
  sentence around the stretch, A has no words of its own (B may go on where A was cut; A's own
  words would make another statement: "Imports rose ..."/"Exports rose ...") but a word cut
  short by the end of its excerpt, and B no negation ("It is not proven that ..."). What is
  set apart from that sentence (a byline, a dateline, a credit, another sentence) may differ
  freely; or
- A is another **rendering** of the same report (a second translation of one wire story):
  ``rendering_words`` of its words, weighted by rarity, occur in B, at least
  ``rendering_coverage`` of its tokens in shared runs, it states ``rendering_figures`` or more
  figures and B states them in the same order, and both hold the same negations.
"""

from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.models import DocumentInfo, Passage
from retrieval.scripts import HAN, HAN_CHAR

log = logging.getLogger(__name__)

NEGATIONS_FILE = Path(__file__).parent / "data" / "negations.toml"


@dataclass(frozen=True)
class DuplicateThresholds:
    """Every threshold of copy detection, in one place.

    How they were set: on the development corpus's same-language copies (two wire stories on
    two sites, one news item in two German renderings) against all its other same-language
    pairs of passages from different files, and on SciFact's claims, which come in pairs that
    differ by one word ("more"/"less", "is"/"is not") or by swapped terms, exactly what must not
    collapse. Verbatim copies there are covered 0.95-1.00; the closest unrelated pair (two work
    reports opening with one formula but other names) 0.73 with replaced words inside, so it is
    no copy whatever the coverage; the renderings share 0.78-0.89 of their weighted words and
    their figures, the formula pair none. Shingles of three words (four Chinese characters,
    about two words) are rarely shared by chance yet survive a changed word every few words.
    """

    words_per_shingle: int = 3
    han_per_shingle: int = 4
    # A shingle held by more passages than this is common phrasing, not a sign of copying.
    max_shingle_passages: int = 100
    min_shared_shingles: int = 2
    # Passages with fewer tokens than this ("He said so.") say too little to be called copies,
    # and fewer shared tokens are a phrase ("the Annual Trade Fair"), not a copied passage.
    min_tokens: int = 6
    min_copied_tokens: int = 6
    # Shared runs shorter than this are chance ("the", "发展"), not copied text.
    min_run_words: int = 2
    min_run_han: int = 3
    copy_coverage: float = 0.8
    rendering_coverage: float = 0.5
    rendering_words: float = 0.75
    rendering_figures: int = 2
    # A copy within a longer passage is the same quote when it is at least this share of it
    # (the same story cut shorter), not when it is a line that both end with (a copyright).
    same_quote_share: float = 0.5


THRESHOLDS = DuplicateThresholds()

# What retrieval.corpus writes as the source of a document whose source is not known.
_PLACEHOLDER_SOURCES = frozenset({"unknown source", ""})

_TOKEN = re.compile(rf"[{HAN}]|(?:(?![{HAN}])[^\W_])+(?:[.,'](?:(?![{HAN}])[^\W_])+)*")
_FIGURE_SEPARATORS = re.compile(r"[.,']")
# What sets a byline, a dateline or a credit apart from the sentence it stands before or after:
# a line break, a sentence end, a colon, a bar, a closing bracket, a dash between spaces.
_SET_APART = re.compile(r"\n|[!?。！？:：|)\]）】」]|\s[-–—]+\s|[–—]")
# A full stop ends a sentence, but not after an abbreviation of one or two letters ("vs.",
# "U.S.", "No. 5").
_FULL_STOP = re.compile(r"\.")
_ABBREVIATION_LETTERS = 2
# Odd 64-bit multipliers of the shingle hash (wrapping arithmetic is intended).
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)

_PAIRS_PER_BATCH = 1 << 18  # pairs of passages counted at once by _candidate_pairs
CONTAINED = 1  # edges[a][b] & CONTAINED: a is contained in b
CONTAINS = 2  # edges[a][b] & CONTAINS: b is contained in a


def _tokens(text: str) -> list[str]:
    """Words and Chinese characters of ``text``, normalised so that copies compare equal."""
    found = _TOKEN.findall(_normalised(text))
    for position, token in enumerate(found):
        if token[0].isdigit():  # "100.000", "100,000" and "100000" are one figure
            found[position] = _FIGURE_SEPARATORS.sub("", token)
    return found


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")


_Spans = tuple[list[tuple[str, tuple[int, int]]], str]  # (token, span) pairs, normalised text


def _token_spans(text: str) -> _Spans:
    """(token, span in the normalised text) pairs as ``_tokens`` finds them, and that text."""
    text = _normalised(text)
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit():  # "100.000", "100,000" and "100000" are one figure
            token = _FIGURE_SEPARATORS.sub("", token)
        found.append((token, match.span()))
    return found, text


def read_negations(
    path: Path = NEGATIONS_FILE,
) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """language -> (negating words, negating word endings), from the editable list."""
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    negations: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for language, entry in table.items():
        if isinstance(entry, dict):
            words = frozenset(str(w).casefold() for w in entry.get("words", []))
            endings = tuple(str(e).casefold() for e in entry.get("endings", []))
            negations[language] = (words, endings)
    return negations


@dataclass(frozen=True)
class _Profile:
    """What comparing a passage needs: its token ids in order and its shingle hashes."""

    text: str  # the passage's text, for what stands between its words
    token_ids: np.ndarray  # int64, in text order
    shingles: np.ndarray  # uint64, one per shingle position
    span: int  # tokens per shingle
    min_run: int  # shortest shared run that counts as copied text


@dataclass(frozen=True)
class _Lexicon:
    """What is known of every token id: figure, Chinese character, negation, and rarity."""

    is_figure: np.ndarray
    is_han: np.ndarray
    is_negation: np.ndarray
    weight: np.ndarray  # smoothed inverse document frequency of single tokens
    pair_passages: dict[int, int]  # passages holding each Chinese character pair (coded id)
    passages: int

    @property
    def size(self) -> int:
        return len(self.is_figure)

    def words(self, ids: np.ndarray) -> np.ndarray:
        """The distinct words of a token sequence: non-Chinese tokens, and Chinese character
        pairs (a character alone says little), coded beyond any token id."""
        if len(ids) == 0:
            return ids
        han = self.is_han[ids]
        at = han[:-1] & han[1:]
        pairs = self.size + ids[:-1][at] * self.size + ids[1:][at]
        return np.unique(np.concatenate((ids[~han], pairs)))

    def weights(self, words: np.ndarray) -> np.ndarray:
        weights = np.empty(len(words))
        single = words < self.size
        weights[single] = self.weight[words[single]]
        weights[~single] = [
            np.log1p(self.passages / self.pair_passages.get(w, 1)) for w in words[~single].tolist()
        ]
        return weights


class DuplicateGroups:
    """Which passages are copies of which, found once; ``collapse`` applies it to a ranking."""

    def __init__(
        self,
        edges: dict[int, dict[int, int]],
        document_of: dict[int, str],
        lengths: dict[int, int],
        documents: dict[str, DocumentInfo],
        thresholds: DuplicateThresholds = THRESHOLDS,
    ) -> None:
        self._edges = edges  # passage id -> {copy's passage id: CONTAINED | CONTAINS}
        self._document_of = document_of  # passage id -> document id
        self._lengths = lengths  # passage id -> tokens
        self._documents = documents
        self._thresholds = thresholds

    @classmethod
    def build(
        cls,
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
        thresholds: DuplicateThresholds = THRESHOLDS,
        tokens: CopyTokens | None = None,
    ) -> DuplicateGroups:
        """Find the copies among ``passages`` (ids unique, as in ``Corpus.passages``);
        ``documents`` describe theirs, for choosing the copy to show. ``tokens``: the
        passages' ``CopyTokens``, when known (a cache's)."""
        by_id = {document.id: document for document in documents}
        ids = [passage.id for passage in passages]
        if len(set(ids)) != len(ids):
            raise ValueError("passage ids must be unique")
        unknown = sorted({p.document_id for p in passages} - by_id.keys())
        if unknown:
            log.warning(
                "%d documents have no DocumentInfo (e.g. %r): their copies are shown last.",
                len(unknown),
                unknown[0],
            )
        if tokens is None:
            tokens = CopyTokens.of(passages)
        elif len(tokens.ids) != len(passages) or len(tokens.chinese) != len(passages):
            raise ValueError(f"tokens of {len(tokens.ids)} passages for {len(passages)} passages")
        # (language, token) -> id
        vocabulary = {entry: number for number, entry in enumerate(tokens.vocabulary)}
        profiles = [
            _profile(p.text, ids, chinese, thresholds)
            for p, ids, chinese in zip(passages, tokens.ids, tokens.chinese, strict=True)
        ]
        lexicon = _lexicon(profiles, vocabulary)
        edges: dict[int, dict[int, int]] = {}
        for first, second in _candidate_pairs(profiles, passages, thresholds):
            a, b = profiles[first], profiles[second]
            relation = 0
            if _contained(a, b, lexicon, thresholds):
                relation |= CONTAINED
            if _contained(b, a, lexicon, thresholds):
                relation |= CONTAINS
            if relation:
                edges.setdefault(ids[first], {})[ids[second]] = relation
                edges.setdefault(ids[second], {})[ids[first]] = _reverse(relation)
        document_of = {p.id: p.document_id for p in passages}
        lengths = {
            p.id: len(profile.token_ids) for p, profile in zip(passages, profiles, strict=True)
        }
        return cls(edges, document_of, lengths, by_id, thresholds)

    def to_json(self) -> dict[str, Any]:
        """The copies found, as plain lists (``from_json`` restores them): each related pair
        once, and the length of each passage that has a copy (no other length is read)."""
        pairs = [
            [first, second, relation]
            for first, others in self._edges.items()
            for second, relation in others.items()
            if first < second
        ]
        return {"pairs": pairs, "lengths": [[p, self._lengths[p]] for p in self._edges]}

    @classmethod
    def from_json(
        cls,
        data: dict[str, Any],
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
        thresholds: DuplicateThresholds = THRESHOLDS,
    ) -> DuplicateGroups:
        """The groups ``to_json`` wrote, for these ``passages`` and ``documents``; KeyError,
        TypeError or ValueError when they do not fit them (a damaged or foreign entry)."""
        lengths = {int(p): int(length) for p, length in data["lengths"]}
        edges: dict[int, dict[int, int]] = {}
        for first, second, relation in data["pairs"]:
            first, second, relation = int(first), int(second), int(relation)
            if relation not in (CONTAINED, CONTAINS, CONTAINED | CONTAINS):
                raise ValueError(f"no relation: {relation}")
            edges.setdefault(first, {})[second] = relation
            edges.setdefault(second, {})[first] = _reverse(relation)
        if edges.keys() != lengths.keys():
            raise ValueError("lengths of other passages than the copies")
        document_of = {p.id: p.document_id for p in passages if p.id in edges}
        if len(document_of) != len(edges):
            raise ValueError("copies of passages the corpus lacks")
        by_id = {document.id: document for document in documents}
        return cls(edges, document_of, lengths, by_id, thresholds)

    def renumbered(
        self,
        new_ids: Mapping[int, int],
        passages: Sequence[Passage],
        documents: Iterable[DocumentInfo],
    ) -> DuplicateGroups:
        """These copies in a corpus where passage ``p`` is now ``new_ids[p]`` (``passages`` and
        ``documents`` are that corpus's); a pair with a passage no longer there is dropped."""
        data = self.to_json()
        pairs = [
            [new_ids[first], new_ids[second], relation]
            for first, second, relation in data["pairs"]
            if first in new_ids and second in new_ids
        ]
        kept = {passage for first, second, _ in pairs for passage in (first, second)}
        lengths = [
            [new_ids[passage], length]
            for passage, length in data["lengths"]
            if new_ids.get(passage) in kept
        ]
        renumbered = {"pairs": pairs, "lengths": lengths}
        return DuplicateGroups.from_json(renumbered, passages, documents, self._thresholds)

    def copies(self, passage_id: int) -> list[int]:
        """Passages of other documents that hold this passage's text, or that it holds."""
        return sorted(self._edges.get(passage_id, {}))

    def holders(self, passage_id: int) -> list[int]:
        """Passages of other documents that hold (almost) all of this passage's text."""
        edges = self._edges.get(passage_id, {})
        return sorted(other for other, relation in edges.items() if relation & CONTAINED)

    def groups(self) -> list[list[int]]:
        """Connected groups of copies, each sorted, largest first: for reports and tests."""
        seen: set[int] = set()
        found: list[list[int]] = []
        for start in sorted(self._edges):
            if start in seen:
                continue
            group, stack = [], [start]
            seen.add(start)
            while stack:
                current = stack.pop()
                group.append(current)
                fresh = [other for other in self._edges[current] if other not in seen]
                seen.update(fresh)
                stack.extend(fresh)
            found.append(sorted(group))
        return sorted(found, key=lambda group: (-len(group), group[0]))

    def collapse(self, ranked_passage_ids: Sequence[int]) -> list[tuple[int, list[int]]]:
        """One entry per quote, in ranking order: (passage to show, its copies elsewhere).

        Walking the ranking best first, a passage whose text is already shown is skipped.
        Otherwise the best copy of it (``copy_preference``) is shown in its place, and the
        other documents that published the same quote are listed, best first, one passage
        each. Pure: nothing is changed; ids the corpus lacks pass through.
        """
        rank: dict[int, int] = {}
        for position, pid in enumerate(ranked_passage_ids):
            rank.setdefault(pid, position)
        shown: set[int] = set()
        entries: list[tuple[int, list[int]]] = []
        for candidate in ranked_passage_ids:
            if candidate in shown:
                continue
            copies = [p for p in self.copies(candidate) if self.same_quote(p, candidate)]
            eligible = [candidate, *(p for p in copies if p in self.holders(candidate))]
            best = min(eligible, key=lambda p: self._key(p, rank))
            quote = {candidate, best, *copies}
            quote.update(p for p in self.copies(best) if self.same_quote(p, best))
            others: dict[str, int] = {}
            for other in sorted(quote, key=lambda p: self._key(p, rank)):
                document = self._document_of.get(other)
                if document is not None and document != self._document_of.get(best):
                    others.setdefault(document, other)
            entries.append((best, list(others.values())))
            # Shown now: the quote's copies, and whatever the passages shown hold (a line
            # both end with).
            shown.update(quote)
            for held in (candidate, best):
                edges = self._edges.get(held, {})
                shown.update(p for p, relation in edges.items() if relation & CONTAINS)
        return entries

    def same_quote(self, first: int, second: int) -> bool:
        """Whether two passages are copies of one quote: one holds the other, and the smaller
        is ``same_quote_share`` of the larger or more (a story cut shorter, not a copyright
        line that both end with)."""
        if not self._edges.get(first, {}).get(second, 0):
            return False
        sizes = sorted((self._lengths.get(first, 0), self._lengths.get(second, 0)))
        return sizes[0] >= self._thresholds.same_quote_share * sizes[1]

    def _key(self, passage_id: int, rank: dict[int, int]) -> tuple[object, ...]:
        document_id = self._document_of.get(passage_id)
        document = self._documents.get(document_id) if document_id is not None else None
        # Passages the ranking does not hold come after it, in corpus order.
        position = rank.get(passage_id, len(rank) + abs(passage_id))
        return copy_preference(document, self._lengths.get(passage_id, 0), position)


def copy_preference(document: DocumentInfo | None, tokens: int, rank: int) -> tuple[object, ...]:
    """Sort key of a copy, best first. Why this order: a page read as a word-scrambled copy is
    never the one to quote; a dated copy can be placed in time and checked; a named source says
    who vouches for the text; a URL lets the reader open it; the longer passage is the more
    complete (the other copy was cut); then the ranking decides.
    """
    if document is None:  # a passage whose document is not described: last
        return (True, True, True, True, True, -tokens, rank)
    return (
        False,
        document.scrambled,
        document.date is None,
        document.source.strip().casefold() in _PLACEHOLDER_SOURCES,
        document.url is None,
        -tokens,
        rank,
    )


# --- building blocks ---------------------------------------------------------------------------


def _reverse(relation: int) -> int:
    return (CONTAINED if relation & CONTAINS else 0) | (CONTAINS if relation & CONTAINED else 0)


@dataclass(frozen=True)
class CopyTokens:
    """What copy detection reads of each passage: its tokens (``_tokens``) as numbers of
    ``vocabulary``, (language, token) pairs in order of first appearance, and whether it is
    written in Chinese. They belong to one passage: a cache keeps them per file."""

    vocabulary: list[tuple[str, str]]
    ids: list[np.ndarray]  # int64, one array per passage, in text order
    chinese: list[bool]

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> CopyTokens:
        vocabulary: dict[tuple[str, str], int] = {}
        ids: list[np.ndarray] = []
        chinese: list[bool] = []
        for passage in passages:
            words, written_in_chinese = passage_tokens(passage.text)
            language = passage.language
            # setdefault inserts the next free id for a new token, in one dictionary call.
            numbers = [vocabulary.setdefault((language, w), len(vocabulary)) for w in words]
            ids.append(np.array(numbers, dtype=np.int64))
            chinese.append(written_in_chinese)
        return cls(list(vocabulary), ids, chinese)


def passage_tokens(text: str) -> tuple[list[str], bool]:
    """The tokens copy detection compares in a passage's ``text``, and whether it is written in
    Chinese (most of its tokens are Chinese characters)."""
    words = _tokens(text)
    return words, 2 * len(HAN_CHAR.findall(text)) > len(words)


def _profile(
    text: str, ids: np.ndarray, chinese: bool, thresholds: DuplicateThresholds
) -> _Profile:
    span = thresholds.han_per_shingle if chinese else thresholds.words_per_shingle
    min_run = thresholds.min_run_han if chinese else thresholds.min_run_words
    if len(ids) < max(span, thresholds.min_tokens):
        return _Profile(text, ids, np.zeros(0, dtype=np.uint64), span, min_run)
    hashes = np.zeros(len(ids) - span + 1, dtype=np.uint64)
    values = ids.astype(np.uint64) + np.uint64(1)
    with np.errstate(over="ignore"):
        for offset in range(span):
            multiplier = _MULTIPLIERS[offset % len(_MULTIPLIERS)]
            hashes = hashes * multiplier + values[offset : offset + len(hashes)]
    return _Profile(text, ids, hashes, span, min_run)


def _lexicon(profiles: Sequence[_Profile], vocabulary: dict[tuple[str, str], int]) -> _Lexicon:
    size = len(vocabulary)
    negations = read_negations()
    is_figure = np.zeros(size, dtype=bool)
    is_han = np.zeros(size, dtype=bool)
    is_negation = np.zeros(size, dtype=bool)
    for (language, token), number in vocabulary.items():
        is_figure[number] = token[0].isdigit()
        is_han[number] = HAN_CHAR.fullmatch(token) is not None
        negation_words, negation_endings = negations.get(language, (frozenset(), ()))
        is_negation[number] = token in negation_words or token.endswith(negation_endings)
    lexicon = _Lexicon(is_figure, is_han, is_negation, np.zeros(0), {}, len(profiles))
    frequency = np.zeros(size, dtype=np.int64)
    pairs: dict[int, int] = {}
    for profile in profiles:
        words = lexicon.words(profile.token_ids)
        single = words < size
        frequency[words[single]] += 1
        for pair in words[~single].tolist():
            pairs[pair] = pairs.get(pair, 0) + 1
    weight = np.log1p(max(len(profiles), 1) / np.maximum(frequency, 1))
    return _Lexicon(is_figure, is_han, is_negation, weight, pairs, len(profiles))


def _candidate_pairs(
    profiles: Sequence[_Profile], passages: Sequence[Passage], thresholds: DuplicateThresholds
) -> list[tuple[int, int]]:
    """Pairs (i < j) of passages of different documents sharing enough uncommon shingles."""
    numbers: dict[str, int] = {}
    document = np.array([numbers.setdefault(p.document_id, len(numbers)) for p in passages])
    owners, starts, lengths = _shingle_runs(profiles, thresholds)
    if len(starts) == 0:
        return []
    # The pairs of each run, counted a batch of runs at a time: memory stays bounded.
    run_pairs = lengths * (lengths - 1) // 2
    pairs_before = np.cumsum(run_pairs) - run_pairs
    found: list[tuple[np.ndarray, np.ndarray]] = []
    begin = 0
    while begin < len(starts):
        limit = pairs_before[begin] + _PAIRS_PER_BATCH
        end = max(int(np.searchsorted(pairs_before, limit, side="left")), begin + 1)
        codes = _pair_codes(owners, document, starts[begin:end], lengths[begin:end])
        found.append(np.unique(codes, return_counts=True))
        begin = end
    del owners, starts, lengths, run_pairs, pairs_before
    batch_counts = np.concatenate([n for _, n in found])
    codes, inverse = np.unique(np.concatenate([c for c, _ in found]), return_inverse=True)
    del found
    counts = np.bincount(inverse, weights=batch_counts)
    del inverse, batch_counts
    enough = counts >= thresholds.min_shared_shingles
    codes, counts = codes[enough], counts[enough]
    low, high = codes // len(profiles), codes % len(profiles)
    # Aligning is the costly step: only pairs whose shared shingles could cover the least
    # coverage asked for, of the shorter passage, are worth it (a shingle covers `span` tokens).
    sizes = np.array([len(profile.token_ids) for profile in profiles])
    spans = np.array([profile.span for profile in profiles])
    enough = counts * spans[low] >= thresholds.rendering_coverage * np.minimum(
        sizes[low], sizes[high]
    )
    return list(zip(low[enough].tolist(), high[enough].tolist(), strict=True))


def _shingle_runs(
    profiles: Sequence[_Profile], thresholds: DuplicateThresholds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The inverted index, sorted: passages by shingle, and the runs worth pairing (held by two
    to ``max_shingle_passages`` passages) as (passages, run starts, run lengths)."""
    unique = [np.unique(profile.shingles) for profile in profiles]
    hashes = np.concatenate(unique) if unique else np.zeros(0, dtype=np.uint64)
    owners = np.repeat(np.arange(len(profiles)), [len(u) for u in unique])
    del unique
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    del order
    starts = np.concatenate(([0], np.flatnonzero(np.diff(hashes)) + 1))
    lengths = np.diff(np.concatenate((starts, [len(hashes)])))
    keep = (lengths >= 2) & (lengths <= thresholds.max_shingle_passages)
    return owners, starts[keep], lengths[keep]


def _pair_codes(
    owners: np.ndarray, document: np.ndarray, starts: np.ndarray, lengths: np.ndarray
) -> np.ndarray:
    """``low * len(document) + high`` for every pair of passages of different documents in the
    runs ``[start, start + length)`` of ``owners``, vectorised: each member pairs with those
    after it in its run."""
    total = int(lengths.sum())
    members = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
    after = np.repeat(starts + lengths, lengths) - members - 1
    left = np.repeat(members, after)
    right = left + 1 + (np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after))
    a, b = owners[left], owners[right]
    apart = document[a] != document[b]
    a, b = a[apart], b[apart]
    return np.minimum(a, b) * len(document) + np.maximum(a, b)


def _contained(
    a: _Profile, b: _Profile, lexicon: _Lexicon, thresholds: DuplicateThresholds
) -> bool:
    """Whether passage ``a`` is (almost) contained in passage ``b``: as a copy, or as another
    rendering of the same report (see the module's docstring)."""
    if len(a.shingles) == 0 or len(b.shingles) == 0:
        return False
    a_ids, b_ids = a.token_ids.tolist(), b.token_ids.tolist()
    matcher = SequenceMatcher(None, a_ids, b_ids, autojunk=False)
    in_a = np.zeros(len(a_ids), dtype=bool)  # matched, by any run
    in_b = np.zeros(len(b_ids), dtype=bool)
    copied = 0  # tokens of a in runs long enough to be copied text
    for block in matcher.get_matching_blocks():
        in_a[block.a : block.a + block.size] = True
        in_b[block.b : block.b + block.size] = True
        if block.size >= a.min_run:
            copied += block.size
    coverage = copied / len(a_ids)
    if coverage < thresholds.rendering_coverage:
        return False
    if coverage >= thresholds.copy_coverage:
        # Near-verbatim: what differs was edited, not reworded, so it must pass as a copy.
        return copied >= thresholds.min_copied_tokens and _is_copy(a, b, in_a, in_b, lexicon)
    negations_a = set(a.token_ids[lexicon.is_negation[a.token_ids]].tolist())
    negations_b = set(b.token_ids[lexicon.is_negation[b.token_ids]].tolist())
    return negations_a == negations_b and _is_rendering(a, b, lexicon, thresholds)


def _is_copy(
    a: _Profile, b: _Profile, in_a: np.ndarray, in_b: np.ndarray, lexicon: _Lexicon
) -> bool:
    """``a`` matched in ``b`` with additions on ``b``'s side only (see the module's docstring)."""
    inside_a, inside_b = np.flatnonzero(in_a), np.flatnonzero(in_b)
    first_a, last_a, first_b, last_b = inside_a[0], inside_a[-1], inside_b[0], inside_b[-1]
    if not in_a[first_a : last_a + 1].all():
        return False  # a word of a replaced or dropped inside the shared text: "more"/"less"
    added = b.token_ids[first_b : last_b + 1][~in_b[first_b : last_b + 1]]
    if lexicon.is_negation[added].any():
        return False  # "is effective" / "is not effective"
    if in_a.all() and in_b.all():
        return True
    # The words each has of its own in the sentence around the shared text; what is set apart
    # from it (a byline, a dateline, a credit, another sentence) may differ freely. There, ``a``
    # has none but a word cut short at its very start or end: ``b`` may go on where ``a`` was
    # cut, but words of ``a``'s own would make another statement ("Imports rose ..." /
    # "Exports rose ...", "Saving the old harbour" / "The old harbour was saved ..."). Nor may
    # ``b``'s sentence hold a negation around the shared text: "It is not proven that X" does
    # not publish X.
    spans_a, spans_b = _token_spans(a.text), _token_spans(b.text)
    if len(spans_a[0]) != len(in_a) or len(spans_b[0]) != len(in_b):
        return False  # cannot happen: one tokenizer made both
    own_a = [
        i
        for i in _same_sentence(spans_a, first_a, last_a)
        if not _cut_short(spans_a, spans_b, i, first_b - 1 if i < first_a else last_b + 1)
    ]
    if own_a:
        return False
    around_b = _same_sentence(spans_b, first_b, last_b)
    return not lexicon.is_negation[b.token_ids[around_b]].any()


def _cut_short(spans_a: _Spans, spans_b: _Spans, index_a: int, index_b: int) -> bool:
    """Whether token ``index_a``, the first or last of ``a``, is the word ``index_b`` of ``b``
    cut short by the end of ``a``'s excerpt ("Provincial Gov" for "Provincial Government")."""
    words_a, words_b = spans_a[0], spans_b[0]
    if not 0 <= index_b < len(words_b) or index_a not in (0, len(words_a) - 1):
        return False
    piece, word = words_a[index_a][0], words_b[index_b][0]
    if index_a == len(words_a) - 1 and index_a > 0:
        return word.startswith(piece) and piece != word
    return word.endswith(piece) and piece != word


def _set_apart(spans: _Spans, left: int) -> bool:
    """Whether what stands between token ``left`` and the next one sets them apart."""
    found, text = spans
    start, end = found[left][1][1], found[left + 1][1][0]
    if _SET_APART.search(text, start, end):
        return True
    before = found[left][0]
    abbreviated = before.isalpha() and len(before) <= _ABBREVIATION_LETTERS
    return not abbreviated and _FULL_STOP.search(text, start, end) is not None


def _same_sentence(spans: _Spans, first: int, last: int) -> list[int]:
    """Tokens outside ``first..last`` in the same sentence (up to what sets words apart)."""
    before = first
    while before > 0 and not _set_apart(spans, before - 1):
        before -= 1
    after = last
    while after < len(spans[0]) - 1 and not _set_apart(spans, after):
        after += 1
    return [*range(before, first), *range(last + 1, after + 1)]


def _is_rendering(
    a: _Profile, b: _Profile, lexicon: _Lexicon, thresholds: DuplicateThresholds
) -> bool:
    """``a`` says what ``b`` says in other words: the same figures in order, most rare words."""
    figures_a = a.token_ids[lexicon.is_figure[a.token_ids]].tolist()
    if len(figures_a) < thresholds.rendering_figures:
        return False
    figures_b = iter(b.token_ids[lexicon.is_figure[b.token_ids]].tolist())
    if not all(figure in figures_b for figure in figures_a):  # the same figures, in order
        return False
    words_a = lexicon.words(a.token_ids)
    weights = lexicon.weights(words_a)
    shared = np.isin(words_a, lexicon.words(b.token_ids))
    return (
        bool(weights.sum()) and weights[shared].sum() / weights.sum() >= thresholds.rendering_words
    )
