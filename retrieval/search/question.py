"""The question as the searcher weighs it: its words, who they name, what else is searched.

A word of the question is held by a passage when the passage's context holds its term, or all
the terms of one of its other spellings: the other spellings of a person's name for the words
naming them ("张劲松": "Zhang Jinsong"), an acronym's spellings ("KI": "Künstliche
Intelligenz"). ``holds`` is that, for every word and candidate passage: the evidence the
relevance floor and the ranking weigh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.index import BM25Index
from retrieval.search.names import NameSpellings
from retrieval.search.query_words import ResolvedWord
from retrieval.search.term_languages import TermLanguages
from retrieval.search.translations import FoundTranslations


@dataclass(frozen=True)
class ScoreGroup:
    """Terms scored together with a share of their BM25: each term on its own (summed), or
    ``as_one`` (members of a synonym group: one term, see ``BM25Index.group_matches``)."""

    members: tuple[tuple[str, ...], ...]
    share: float
    as_one: bool = False


def _parts(words: Sequence[ResolvedWord]) -> dict[int, tuple[list[int], tuple[str, ...]]]:
    """For each word of weight that the question also wrote in parts (the words jieba finds
    inside 龙头企业, the parts of a German compound: optional words of the question), the
    positions of those parts and their terms, when together they spell all of the word."""
    found: dict[int, tuple[list[int], tuple[str, ...]]] = {}
    for position, word in enumerate(words):
        surface = word.query.surface
        if word.weight <= 0 or word.term is None or len(surface) < 3:
            continue
        inside = [
            i
            for i, w in enumerate(words)
            if w.weight == 0
            and w.term is not None
            and w.query.surface in surface
            and len(w.query.surface) < len(surface)
        ]
        spelled: set[int] = set()
        for i in inside:
            start = surface.find(words[i].query.surface)
            spelled.update(range(start, start + len(words[i].query.surface)))
        letters = {i for i, c in enumerate(surface) if c.isalnum()}
        if inside and letters <= spelled:
            terms = tuple(dict.fromkeys(t for t in (words[i].term for i in inside) if t))
            found[position] = (inside, terms)
    return found


def _each(terms: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple((term,) for term in terms)


class Question:
    """Resolved words, the people they name, and the spelled-out forms of its acronyms."""

    def __init__(
        self,
        words: Sequence[ResolvedWord],
        people: Sequence[NameSpellings],
        spelled_out: Mapping[int, Sequence[tuple[str, ...]]],
        synonyms: Mapping[int, Sequence[tuple[str, ...]]] | None = None,
        translations: FoundTranslations | None = None,
    ) -> None:
        self.words = list(words)
        # Translated runs score their translations as one term of their own, at a share.
        self.translations = translations or FoundTranslations(self.words)
        # A word with synonyms scores with them as one term (``score_groups``), not alone.
        self.synonyms = synonyms or {}
        # A word is also held, and scored, where a passage writes its parts apart (龙头企业:
        # 龙头 ... 企业; "Drohnen-Logistikrouten": "Logistikrouten für Drohnen"): the word and
        # its parts together are one term, so a passage writing both is not counted twice.
        self.people = list(people)
        self.spelled_out = spelled_out
        self.naming = frozenset().union(*(person.words for person in self.people))
        parts = {i: found for i, found in _parts(self.words).items() if i not in self.naming}
        self.parts = {position: [terms] for position, (_, terms) in parts.items()}
        part_words = {i for inside, _ in parts.values() for i in inside}
        self.as_one: dict[int, tuple[tuple[str, ...], ...]] = {}
        for position in sorted({*self.synonyms, *parts}):
            own = self.words[position].term
            members = list(self.synonyms.get(position, ((own,),) if own else ()))
            members += self.parts.get(position, [])
            self.as_one[position] = tuple(dict.fromkeys(members))
        self.topic_terms = [
            w.term
            for i, w in enumerate(self.words)
            if w.term is not None
            and i not in self.naming
            and i not in self.as_one
            and i not in part_words
        ]
        named = [
            w.term for i, w in enumerate(self.words) if w.term is not None and i in self.naming
        ]
        named += [t for person in self.people for spelling in person.spellings for t in spelling]
        self.named_terms = list(dict.fromkeys(named))
        # Each acronym's spelling is a group of its own (see ``score_groups``).
        self.spellings = [list(s) for found in spelled_out.values() for s in found]
        # Every term searched for: the words', the other spellings'.
        as_one = [t for group in self.as_one.values() for member in group for t in member]
        as_one += [w.term for i, w in enumerate(self.words) if i in self.as_one and w.term]
        self.terms = {
            *self.topic_terms,
            *self.named_terms,
            *(t for s in self.spellings for t in s),
            *as_one,
            *(t for group in self.translations.groups.values() for m in group for t in m),
        }
        self.total_weight = sum(w.weight for w in self.words)
        # A question that only names someone ("Wang Weizhong") is about them: their name is
        # then its subject. One that names someone and asks more asks about something.
        self.topic_weight = sum(w.weight for i, w in enumerate(self.words) if i not in self.naming)
        self.weights = np.asarray([w.weight for w in self.words], dtype=float)
        self.names_person = np.asarray(
            [i in self.naming for i in range(len(self.words))], dtype=bool
        )

    def common(self, index: BM25Index, share: float) -> np.ndarray:
        """For each word: is its term (or synonym group) in more than ``share`` of the
        passages? A word the corpus lacks is not common."""
        limit = share * index.size
        flags = []
        for position, word in enumerate(self.words):
            group = self.as_one.get(position)
            if group:
                frequency = index.group_document_frequency(group)
            else:
                frequency = index.document_frequency(word.term) if word.term else 0
            flags.append(frequency > limit)
        return np.asarray(flags, dtype=bool)

    @property
    def searchable(self) -> bool:
        """Does the question hold a term to search for, and weight to weigh passages by?"""
        searched = self.topic_terms or self.named_terms or self.as_one or self.translations.groups
        return bool(searched) and self.total_weight > 0

    @property
    def asks_more(self) -> bool:
        """Does the question ask about more than the people it names?"""
        return self.topic_weight > 0

    def score_groups(self, named_share: float, translated_share: float = 1.0) -> list[ScoreGroup]:
        """The groups of terms scored, each with its share of their BM25 (see ``ranking``).

        The words naming people get ``named_share`` when the question asks about more; an
        acronym's spelling ("artificial intelligence" for "AI") scores as one word would: the
        mean of its words' BM25; a word with synonyms scores with them as one term; a translated
        run's translations score as one term at ``translated_share``.
        """
        translated = self.translations.groups.values()
        return [
            ScoreGroup(_each(self.topic_terms), 1.0),
            ScoreGroup(_each(self.named_terms), named_share if self.asks_more else 1.0),
            *(ScoreGroup(_each(spelling), 1 / len(spelling)) for spelling in self.spellings),
            *(ScoreGroup(group, 1.0, as_one=True) for group in self.as_one.values()),
            *(ScoreGroup(group, translated_share, as_one=True) for group in translated),
        ]

    def alternatives(self, position: int) -> list[tuple[str, ...]]:
        """The other spellings of the word at ``position``, each as the terms it is made of."""
        found = [
            spelling
            for person in self.people
            if position in person.words
            for spelling in person.spellings
        ]
        return [
            *found,
            *self.spelled_out.get(position, ()),
            *self.synonyms.get(position, ()),
            *self.parts.get(position, ()),
            *self.translations.holding.get(position, ()),
        ]

    def holds(
        self, present: Mapping[str, np.ndarray], candidates: int, *, translated: bool = True
    ) -> np.ndarray:
        """Words x candidates: does the candidate's context hold the word (its term or all
        the terms of one of its other spellings; with ``translated``, of its translations
        too)? ``present`` says it of each term. A word weighing nothing is never held: it
        counts for nothing either way."""
        holds = np.zeros((len(self.words), candidates), dtype=bool)
        for position, word in enumerate(self.words):
            if word.weight <= 0:
                continue
            row = present[word.term] if word.term is not None else holds[position]
            spellings = self.alternatives(position)
            if not translated:
                spellings = [
                    s for s in spellings if s not in self.translations.holding.get(position, ())
                ]
            for spelling in spellings:
                row = row | np.logical_and.reduce([present[t] for t in spelling])
            holds[position] = row
        return holds

    def judged(
        self,
        languages: TermLanguages,
        passage_bits: np.ndarray,
        question_language: str | None,
        holds: np.ndarray,
        unwritten_share: Callable[[ResolvedWord], float],
    ) -> np.ndarray:
        """Words x candidates: the weight each word counts for the candidate, held or not (see
        ``term_languages``): all of it for a passage in the question's language; in another
        language at most what its translations weigh there, and where that language never
        writes the word (nor one of its other spellings or translations) only the share
        ``unwritten_share`` gives it (weighed as a word absent from the corpus is: by its
        rarity)."""
        judged = np.where(holds, self.weights[:, None], 0.0)
        own = passage_bits == languages.bit(question_language)
        if question_language is None:
            own[:] = True
        for position, word in enumerate(self.words):
            if word.weight <= 0:
                continue
            spellings = self.alternatives(position)
            if position in self.naming or (word.term is None and not spellings):
                judged[position] = word.weight  # a name, or absent: weighed as always
                continue
            bits = languages.of_spelling((word.term,)) if word.term is not None else 0
            for spelling in spellings:
                bits |= languages.of_spelling(spelling)
            written = own | ((passage_bits & bits) != 0) | holds[position]
            # In another language the word weighs as its translations do there, at most.
            translated_idf = self.translations.idf.get(position, 0.0)
            elsewhere = min(word.weight, translated_idf) if translated_idf > 0 else word.weight
            weight = np.where(own, word.weight, elsewhere)
            judged[position] = np.where(written, weight, weight * unwritten_share(word))
        return judged
