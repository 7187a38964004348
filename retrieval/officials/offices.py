"""Finding officials by their office, as a user types it: "governor", "the Gouverneur",
"party secretary", "director of the Department of Commerce", "商务厅厅长".

A query is compared with every title of every official, word by word: case and accents folded,
articles and other filler words ignored, word order free, each word typo-tolerant (rapidfuzz).
Han text has no spaces, so a run of characters is matched inside a Chinese title instead.
Query words that name the office itself (heads: "governor"; modifiers: "deputy") weigh more
and must all be found for a title to be taken as the answer, so "vice governor" never returns
the governor, it only suggests him. Words that spell the official's own name count too, so
"Governor Wang" picks the Wang who is governor. The words are the title vocabulary's
(``retrieval/data/official-titles.toml``), not a list of people.

Titles are also looked up across languages: each title is written in the languages the
documents do not give it in (``equivalents``: "Governor of Guangdong" is also "Gouverneur" and
"省长"). The titles as written answer first; the translated ones only when no title as written
answers the query, so "局长" finds the official a Chinese page calls 局长 before a "head of the
X Bureau" of an English page, and "省长" finds the governor when no page is in Chinese.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from retrieval.chinese_script import to_simplified
from retrieval.folding import compact, fold
from retrieval.languages import NON_HAN_WORD
from retrieval.models import Official
from retrieval.officials.equivalents import equivalents
from retrieval.officials.vocabulary import TITLES_FILE, load_vocabulary
from retrieval.scripts import HAN_RUN

WORD_SCORE = 80.0  # a query word matches a title word at this similarity (0-100) or above
ACCEPT_SCORE = 60.0  # a title answers the query at this weighted coverage or above ...
MARGIN = 15.0  # ... when it beats every other official's best title by this much
SUGGEST_SCORE = 30.0  # weaker, but still shown as "Did you mean"
MIN_PREFIX = 3  # Latin letters typed before autocomplete looks at titles ("gov", not "go")
MIN_HAN = 2  # Chinese characters, likewise ("厅长", not "长")
MAX_QUERY_WORDS = 12  # no office is described in more; bounds the work on long input
HEAD_WEIGHT = 2.0  # a head word ("governor") counts twice a place or a department


@dataclass(frozen=True)
class _Title:
    official: int
    words: tuple[str, ...]  # folded Latin words of the title, filler words left out
    han: str  # the title's Chinese characters, if any, in simplified script
    written: str  # the title as the documents write it (a translation's original)


def _title(official: int, text: str, written: str | None = None) -> _Title:
    han = to_simplified("".join(HAN_RUN.findall(text)))
    return _Title(official, tuple(latin_words(text)), han, text if written is None else written)


@dataclass(frozen=True)
class OfficeMatch:
    """How well one official's best title matches a query."""

    official: int  # index into the officials the index was built from
    score: float  # weighted share of the query found in the title (0-100)
    complete: bool  # every head and modifier of the query found, no lesser rank ("vice") added
    precision: float  # share of the title up to its last matched word that the query covers
    head_found: bool  # the query names no office ("Shenzhen"), or the title holds one it names
    translated: bool = False  # the title matched is a translation, not the title as written
    title: str = ""  # the official's title that matched, as written


@dataclass(frozen=True)
class _QueryWord:
    text: str
    weight: float
    essential: bool  # a head or a modifier: must be found for the title to be the answer


@cache
def _ignored_words() -> frozenset[str]:
    """Filler words a query may hold ("the", "of", "des"): the stop words of the title file and
    its [lookup] list."""
    with TITLES_FILE.open("rb") as handle:
        table = tomllib.load(handle)
    listed = table.get("lookup", {}).get("ignored_words", [])
    return load_vocabulary().titles.stop_words | {fold(word) for word in listed}


@cache
def _rank_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Latin words and Chinese characters that make a title a lesser office ("vice", "副")."""
    with TITLES_FILE.open("rb") as handle:
        listed = tomllib.load(handle).get("lookup", {}).get("rank_words", [])
    latin = frozenset(fold(word) for word in listed if not HAN_RUN.search(word))
    return latin, tuple(word for word in listed if HAN_RUN.fullmatch(word))


@cache
def _office_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Latin head words, Latin modifiers and Chinese heads of the title vocabulary."""
    titles = load_vocabulary().titles
    # "deputy" is both (a deputy to a congress; a deputy director): as a query word, a modifier.
    heads = frozenset(head[0] for head in titles.heads if len(head) == 1) - titles.modifiers
    return heads, titles.modifiers, titles.zh_heads


def latin_words(text: str) -> list[str]:
    """Folded Latin words of ``text``, filler words left out: "the Vice-Governor" -> 2 words."""
    ignored = _ignored_words()
    plain = HAN_RUN.sub(" ", fold(text))
    return [word for word in NON_HAN_WORD.findall(plain) if word not in ignored]


def _query_words(query: str) -> tuple[list[_QueryWord], list[_QueryWord]]:
    heads, modifiers, zh_heads = _office_words()
    latin = [
        _QueryWord(word, HEAD_WEIGHT if word in heads else 1.0, word in heads or word in modifiers)
        for word in dict.fromkeys(latin_words(query))
    ][:MAX_QUERY_WORDS]
    han: list[_QueryWord] = []
    for run in dict.fromkeys(HAN_RUN.findall(to_simplified(query))):
        if len(run) >= MIN_HAN:
            is_head = any(head in run for head in zh_heads)
            han.append(_QueryWord(run, HEAD_WEIGHT if is_head else 1.0, is_head))
    return latin, han[:MAX_QUERY_WORDS]


class OfficeIndex:
    """The titles of a list of officials, searchable by office, as written and translated."""

    def __init__(self, officials: Sequence[Official]) -> None:
        table = equivalents()
        name_parts: list[frozenset[str]] = []
        written: list[_Title] = []
        translated: list[_Title] = []
        for index, official in enumerate(officials):
            names = [official.name, *official.aliases]
            name_parts.append(
                frozenset(compact(part) for name in names for part in name.split()) - {""}
            )
            titles = list(dict.fromkeys(held.title for held in official.titles))
            written += [_title(index, title) for title in titles]
            translations: dict[str, str] = {}  # each stands for the first title it comes from
            for title in titles:
                for text in table.translations(title):
                    translations.setdefault(text, title)
            translated += [_title(index, text, title) for text, title in translations.items()]
        self._written = _TitleIndex(written, name_parts, translated=False)
        self._translated = _TitleIndex(translated, name_parts, translated=True)

    def rank(self, query: str) -> list[OfficeMatch]:
        """Officials whose titles match ``query``: by the titles as written, best first (at
        most one entry each), then by the translated titles, best first."""
        return self._written.rank(query) + self._translated.rank(query)

    def choose(self, matches: list[OfficeMatch]) -> int | None:
        """The one official the query clearly means, or None when it is weak or ambiguous. The
        titles as written decide; translations only when no title as written is the office."""
        written = [match for match in matches if not match.translated]
        chosen = _clear_choice(written)
        if chosen is not None or any(_answers(match) for match in written):
            return chosen
        return _clear_choice(_best_each(matches))

    def suggest(self, matches: list[OfficeMatch]) -> list[int]:
        """Officials worth a "Did you mean", closest first, by the titles as written first."""
        found = [
            match.official for match in matches if match.score >= SUGGEST_SCORE and match.head_found
        ]
        return list(dict.fromkeys(found))

    def complete(self, prefix: str, limit: int) -> list[int]:
        """Officials with a title word starting with the last word of ``prefix`` (and holding
        the words typed before it), for autocomplete: "gov", "party sec", "厅长"; by the titles
        as written, or else by their translations ("省长" offers the governor)."""
        return self._written.complete(prefix, limit) or self._translated.complete(prefix, limit)


def _answers(match: OfficeMatch) -> bool:
    return match.complete and match.score >= ACCEPT_SCORE


def _clear_choice(matches: list[OfficeMatch]) -> int | None:
    """The best match's official when it answers the query and no other official's title
    that is the office too comes close; lesser offices ("vice governor") do not compete."""
    if not matches or not _answers(matches[0]):
        return None
    top = matches[0]
    rivals = [match for match in matches[1:] if match.complete]
    if rivals and top.score - rivals[0].score < MARGIN:
        return None
    return top.official


def _best_each(matches: list[OfficeMatch]) -> list[OfficeMatch]:
    best: dict[int, OfficeMatch] = {}
    for match in matches:
        current = best.get(match.official)
        if current is None or _order(match) < _order(current):
            best[match.official] = match
    return sorted(best.values(), key=_order)


class _TitleIndex:
    """One set of titles (as written, or translated), searchable by office."""

    def __init__(
        self, titles: list[_Title], name_parts: list[frozenset[str]], *, translated: bool
    ) -> None:
        self._titles = titles
        self._name_parts = name_parts
        self._translated = translated
        # word -> titles holding it; and, for autocomplete, word -> officials in the order
        # they are offered: the word early in the title first ("Governor" before "Vice ..."),
        # then by name (the officials come sorted by name).
        self._postings: dict[str, set[int]] = {}
        first_position: dict[str, dict[int, int]] = {}
        for title_id, title in enumerate(self._titles):
            for position, word in enumerate(title.words):
                self._postings.setdefault(word, set()).add(title_id)
                best = first_position.setdefault(word, {})
                best[title.official] = min(best.get(title.official, position), position)
        self._words = sorted(self._postings)
        self._any_name_part = frozenset().union(*self._name_parts)
        self._offered: dict[str, list[tuple[int, int]]] = {
            word: sorted((position, official) for official, position in by_official.items())
            for word, by_official in first_position.items()
        }
        self._han_titles = [(i, t) for i, t in enumerate(self._titles) if t.han]

    def rank(self, query: str) -> list[OfficeMatch]:
        """Officials whose titles match ``query``, best first (at most one entry each)."""
        latin, han = _query_words(query)
        if not latin and not han:
            return []
        similar: list[dict[str, float]] = []
        candidates: set[int] = set()
        for word in latin:
            found = {
                match: score
                for match, score, _ in process.extract(
                    word.text, self._words, scorer=fuzz.ratio, score_cutoff=WORD_SCORE, limit=None
                )
            }
            similar.append(found)
            for similar_word in found:
                candidates |= self._postings[similar_word]
        han_scores: dict[int, list[float]] = {}
        score_han = _translated_han_score if self._translated else _han_score
        for title_id, title in self._han_titles:
            scores = [score_han(word.text, title.han) for word in han]
            if any(scores):
                han_scores[title_id] = scores
                candidates.add(title_id)
        best: dict[int, OfficeMatch] = {}
        # Many officials share a title ("director"): each distinct title is scored once.
        scored: dict[tuple, OfficeMatch | None] = {}
        unnamed = (False,) * len(latin)
        any_named = any(word.text in self._any_name_part for word in latin)
        for title_id in candidates:
            title = self._titles[title_id]
            named = unnamed
            if any_named:
                named = tuple(word.text in self._name_parts[title.official] for word in latin)
            key = (title.words, title.han, named, tuple(han_scores.get(title_id, ())))
            if key not in scored:
                scored[key] = self._score(
                    title, named, latin, similar, han, han_scores.get(title_id)
                )
            match = scored[key]
            if match is None:
                continue
            match = OfficeMatch(
                title.official,
                match.score,
                match.complete,
                match.precision,
                match.head_found,
                self._translated,
                title.written,
            )
            current = best.get(match.official)
            if current is None or _order(match) < _order(current):
                best[match.official] = match
        return sorted(best.values(), key=_order)

    def _score(
        self,
        title: _Title,
        named: tuple[bool, ...],
        latin: list[_QueryWord],
        similar: list[dict[str, float]],
        han: list[_QueryWord],
        han_scores: list[float] | None,
    ) -> OfficeMatch | None:
        total = weight = 0.0
        complete = True
        found_in_title = False
        heads_wanted = head_found = False
        matched: set[int] = set()  # positions of the title words the query holds
        for word, found, is_name in zip(latin, similar, named, strict=True):
            score, position = 0.0, -1
            for index, title_word in enumerate(title.words):
                if found.get(title_word, 0.0) > score:
                    score, position = found[title_word], index
            if score:
                found_in_title = True
                matched.add(position)
            elif is_name:
                score = 100.0  # "Governor Wang": the official's own name
            complete &= bool(score) or not word.essential
            heads_wanted |= word.weight == HEAD_WEIGHT
            head_found |= word.weight == HEAD_WEIGHT and bool(score)
            total += word.weight * score
            weight += word.weight
        for word, score in zip(han, han_scores or [0.0] * len(han), strict=True):
            found_in_title |= bool(score)
            heads_wanted |= word.weight == HEAD_WEIGHT
            head_found |= word.weight == HEAD_WEIGHT and bool(score)
            complete &= bool(score) or not word.essential
            total += word.weight * score
            weight += word.weight
        if not found_in_title:
            return None
        rank_words, rank_chars = _rank_words()
        complete &= not any(
            word in rank_words and index not in matched for index, word in enumerate(title.words)
        )
        complete &= not any(
            char in title.han and not any(char in word.text for word in han) for char in rank_chars
        )
        # ... and a query asking for a lesser office ("副省长") is not the office ("省长").
        complete &= not any(
            char in word.text and char not in title.han for word in han for char in rank_chars
        )
        span = max(matched, default=-1) + 1
        precision = len(matched) / span if span else 1.0
        return OfficeMatch(
            title.official, total / weight, complete, precision, head_found or not heads_wanted
        )

    def complete(self, prefix: str, limit: int) -> list[int]:
        """Officials with a title word starting with the last word of ``prefix`` (and holding
        the words typed before it)."""
        han = [run for run in HAN_RUN.findall(to_simplified(prefix)) if len(run) >= MIN_HAN]
        if han:
            # The office early in the title first: 省长 before 副省长, like "Governor" first.
            holders = sorted(
                (title.han.find(han[-1]), title_id, title.official)
                for title_id, title in self._han_titles
                if han[-1] in title.han
            )
            return list(dict.fromkeys(official for _, _, official in holders))[:limit]
        words = latin_words(prefix)[-MAX_QUERY_WORDS:]
        if not words or len(words[-1]) < MIN_PREFIX:
            return []
        start = bisect.bisect_left(self._words, words[-1])
        stems = list(
            itertools.takewhile(lambda w: w.startswith(words[-1]), self._words[start : start + 200])
        )
        allowed = self._holding(stems, [self._similar_words(word) for word in words[:-1]])
        offered: Iterator[tuple[int, int]] = heapq.merge(*(self._offered[w] for w in stems))
        found: dict[int, None] = {}
        for _, official in offered:
            if official in found or (allowed is not None and official not in allowed):
                continue
            found[official] = None
            if len(found) >= limit:
                break
        return list(found)

    def _similar_words(self, word: str) -> frozenset[str]:
        return frozenset(
            match
            for match, _, _ in process.extract(
                word, self._words, scorer=fuzz.ratio, score_cutoff=WORD_SCORE, limit=None
            )
        )

    def _holding(self, stems: list[str], before: list[frozenset[str]]) -> set[int] | None:
        """Officials with one title holding a typed stem and every word typed before it
        (None: no words before, so anyone with the stem)."""
        if not before:
            return None
        titles = set().union(*(self._postings[stem] for stem in stems))
        return {
            self._titles[title_id].official
            for title_id in titles
            if all(words.intersection(self._titles[title_id].words) for words in before)
        }


def _han_score(word: str, title: str) -> float:
    """How well a run of characters is found inside a Chinese title (0 below WORD_SCORE); a run
    naming an office (广东省长) needs that office in the title, not only the place."""
    if word in title:
        return 100.0
    heads = [head for head in _office_words()[2] if head in word]
    if heads and not any(head in title for head in heads):
        return 0.0
    score = fuzz.partial_ratio(word, title)
    return score if score >= WORD_SCORE else 0.0


def _translated_han_score(word: str, title: str) -> float:
    """How well a run of characters is found in a translated title, which holds the office
    alone (省长): the run is the office, part of it, or the office with its place (广东省长)."""
    return 100.0 if word in title or title in word else 0.0


def _order(match: OfficeMatch) -> tuple[float, float, bool, int]:
    return (-match.score, -match.precision, not match.complete, match.official)
