"""Questions to ranked, cited passages: query terms, spelling tolerance, BM25, a relevance floor.

A question's words become index terms (``Tokenizer.query_terms``); a word the index does not know
but that is one or two letters away from a word the corpus writes ("Weizong" -> "Weizhong") is
corrected, and the correction is reported as the corpus writes the word.

A passage's context is its paragraph and its document's title: a report names the speaker once
per paragraph ("Governor Wang Weizhong emphasized that ...") and a speech only in its title, so
the sentences that say what was said do not name who said it. The words of the question that a
passage's context holds count as present in it.

The relevance floor decides whether the corpus answers at all. Each content word of the question
weighs its idf (how rare, hence how telling, it is); a word the corpus does not contain weighs the
largest idf there can be, since it is the most telling of all that the corpus is about something
else (one-character Chinese words excepted: an unknown 说 or 事 is a light word of a question).
A passage is returned only if the words its context holds carry more than ``min_coverage`` of
the question's weight. "What is the capital of France?" is not answered by a passage on capital
investment: "France" is absent from the corpus and outweighs "capital".

The passages that clear the floor are ranked by their BM25 score plus ``context_weight`` times
the question weight their context holds, a little higher in the question's own language. Words
naming a person the caller says the question names (``NameMention``: the library finds officials
by any spelling or a title only they hold) also find the person's other spellings ("张劲松",
"Zhang Jinsong"), and give a passage only a share of their BM25 score when the question asks
about something more: the answer is the sentence on that subject, not the one naming the person.
Such a question must also find what it asks about the person: a passage must hold more than
``min_topic_coverage`` of the weight of its other words, so a rare name cannot carry "What did
Huang Kunming say about football?" alone. Words asking about the person themself ("Welches Amt hat
Meng Fanli?") are not a subject (``retrieval/data/person-question-words.txt``).

A word of two to four capitals ("AI", "GDP") is an acronym: it matches where the text writes it in
capitals, not a name folding to the same term ("Ai Xuefeng"), and is also searched for spelled out
("KI": "Künstliche Intelligenz", from ``retrieval/data/abbreviations.toml``). A lone digit ("1")
counts only in a question of figures alone: in lists and dates it is everywhere, and its BM25 in a
short passage would outweigh the words asked about. A passage that only repeats its document's
title ranks a little lower than one of the body: the citation shows the title anyway.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from retrieval.encoding import replace_lone_surrogates
from retrieval.index import BM25Index
from retrieval.models import (
    Correction,
    DocumentInfo,
    Expansion,
    Passage,
    SearchResponse,
    SearchResult,
)
from retrieval.scripts import has_han, is_han
from retrieval.tokenize import QueryTerm, Token, Tokenizer, read_word_list, strip_marks

log = logging.getLogger(__name__)

DEFAULT_MIN_COVERAGE = 0.5
# In a question naming a person, the share of the weight of its other words (what it asks about
# them) that a passage must hold besides: a rare name must not carry "Huang Kunming ... Fußball".
# Lower than the floor, since a name is what the question is mostly about: "张劲松提到了哪些招商
# 计划?" (0.45: 招商 known, 计划 not) is answered; "What did Huang Kunming say about the World
# Cup?" (0.36: "world" known, "cup" not) is not.
DEFAULT_MIN_TOPIC_COVERAGE = 0.4
# Weight of a passage's context (its paragraph and its document's title) in the ranking: the
# question weight (idf) the context covers, times this, is added to the passage's BM25 score.
DEFAULT_CONTEXT_WEIGHT = 0.5
# Longer questions are cut here: enough for any real question, bounded work for pasted essays.
MAX_QUERY_CHARS = 2000
# Spelling correction: words shorter than this are never corrected; from _TWO_EDITS_FROM
# letters on, ``max_edits`` edits are allowed instead of one.
_MIN_SPELLABLE = 6
_TWO_EDITS_FROM = 9
# A passage in the question's own language ranks this much higher than one in another: asked in
# English, the English release is quoted before its German version when both answer.
_SAME_LANGUAGE_BONUS = 0.1
# The share of their BM25 score that the words naming a person give a passage (see _scores).
_NAMED_SCORE_SHARE = 0.25
# How many vocabulary terms a misspelt word is compared with by the words the corpus writes, and
# how many passages of each are read for those written forms.
_SPELLING_TERMS = 12
_SPELLING_SAMPLES = 8
# A passage that only repeats its document's title ranks this much lower: the citation shows the
# title anyway, so a body passage scoring nearly as well says more. Alone, a title still answers.
_TITLE_PASSAGE_PENALTY = 0.1
# A question word of two to four capitals ("AI", "GDP") is an acronym: it is found only where the
# text writes it in capitals too, not in a name that folds to the same term ("Ai Xuefeng").
_ACRONYM_MAX = 4
_ACRONYM = re.compile(rf"[A-Z]{{2,{_ACRONYM_MAX}}}")
# Words that ask about a person the question names ("Welches Amt hat Meng Fanli?"), not a subject.
PERSON_QUESTION_WORDS_FILE = Path(__file__).parent / "data" / "person-question-words.txt"
# Acronyms with the words they stand for ("KI": "Künstliche Intelligenz"), searched for too.
ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.toml"


class _HasInfo(Protocol):
    @property
    def info(self) -> DocumentInfo: ...


class SearchableCorpus(Protocol):
    """What the searcher needs of a corpus: its passages and their documents' metadata."""

    @property
    def passages(self) -> list[Passage]: ...

    def document(self, doc_id: str) -> _HasInfo: ...


@dataclass(frozen=True)
class _ResolvedWord:
    """A query word with the index term it stands for (None: the corpus lacks it)."""

    query: QueryTerm
    term: str | None
    weight: float  # share of the question's weight; 0 for optional forms
    acronym: bool = False  # found only where the text writes ``query.surface`` in capitals


@dataclass(frozen=True)
class NameMention:
    """A person the question names, as it names them ("张劲松", "the governor"'s "Governor"),
    with the other spellings of that person's name to search for as well."""

    mention: str
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _NameSpellings:
    """Words of the question that name someone, and the terms of each other spelling of it."""

    words: frozenset[int]  # positions in the resolved words
    spellings: tuple[tuple[str, ...], ...]


class Searcher:
    """Answers questions from a corpus and its BM25 index.

    ``min_coverage`` (0 to 1) is the relevance floor: a passage is returned only when its words
    carry more than this share of the question's idf weight (see the module docstring). At 0
    any passage sharing a word with the question may come back; the higher, the more of the
    question a passage must contain. The default, one half, keeps "capital of France" out.
    In a question naming a person and asking more, a passage must also hold more than
    ``min_topic_coverage`` of the weight of the words that do not name them.
    ``person_question_words`` ask about the person named ("Amt", "position"), not a subject;
    by default the list ``retrieval/data/person-question-words.txt``. ``abbreviations`` map an
    acronym to the spellings it stands for; by default ``retrieval/data/abbreviations.toml``.
    ``max_edits`` bounds spelling corrections (Levenshtein distance; words of six to eight
    letters get one edit, longer ones ``max_edits``; shorter words are never corrected).
    """

    def __init__(
        self,
        corpus: SearchableCorpus,
        index: BM25Index,
        tokenizer: Tokenizer,
        *,
        min_coverage: float = DEFAULT_MIN_COVERAGE,
        max_edits: int = 2,
        context_weight: float = DEFAULT_CONTEXT_WEIGHT,
        min_topic_coverage: float = DEFAULT_MIN_TOPIC_COVERAGE,
        person_question_words: frozenset[str] | None = None,
        abbreviations: dict[str, list[str]] | None = None,
    ) -> None:
        if len(corpus.passages) != index.size:
            raise ValueError(
                f"the index holds {index.size} passages, the corpus {len(corpus.passages)}"
            )
        self._corpus = corpus
        self._index = index
        self._tokenizer = tokenizer
        self.min_coverage = min_coverage
        self.max_edits = max_edits
        self.context_weight = context_weight
        self.min_topic_coverage = min_topic_coverage
        self._spellable: dict[str, list[str]] | None = None  # by first letter
        self._titles: dict[str, frozenset[str]] = {}
        self._every_title: frozenset[str] | None = None
        self._context: _Context | None = None
        if person_question_words is None:
            person_question_words = read_word_list(PERSON_QUESTION_WORDS_FILE)
        self._person_question_words = frozenset(map(_folded, person_question_words))
        self._acronym_passages: dict[tuple[str, str], np.ndarray] = {}
        self._acronym_titles: dict[str, list[str]] = {}
        self._abbreviations = read_abbreviations() if abbreviations is None else abbreviations

    @property
    def tokenizer(self) -> Tokenizer:
        return self._tokenizer

    @property
    def index(self) -> BM25Index:
        return self._index

    def search(
        self, query: str, top_k: int = 3, *, names: Sequence[NameMention] = ()
    ) -> SearchResponse:
        """The ``top_k`` best passages that clear the relevance floor, best first.

        ``names`` are the people the question names (see ``NameMention``): their other
        spellings are searched for too, and a passage whose context names them is as good as
        one that does so itself.
        """
        # The query is echoed in the response: a lone surrogate there could not be sent as JSON.
        query = replace_lone_surrogates(query).strip()
        if not query or top_k < 1:
            return SearchResponse(query=query, results=[], corrections=[])
        words, corrections = self._resolve(query[:MAX_QUERY_CHARS])
        people, expansions = self._name_spellings(words, names)
        naming = frozenset().union(*(person.words for person in people))
        if naming:
            # "Welches Amt hat Meng Fanli?": the office asked about is the person's, and a
            # passage naming them answers it; the question is about the person alone.
            words = [
                _ResolvedWord(w.query, None, 0.0)
                if i not in naming and _folded(w.query.surface) in self._person_question_words
                else w
                for i, w in enumerate(words)
            ]
        spelled_out, spelled = self._spelled_out(words, naming)
        expansions = [*expansions, *spelled]
        topic = [w.term for i, w in enumerate(words) if w.term is not None and i not in naming]
        named = [w.term for i, w in enumerate(words) if w.term is not None and i in naming]
        named += [t for person in people for spelling in person.spellings for t in spelling]
        named = list(dict.fromkeys(named))
        total_weight = sum(w.weight for w in words)
        if not (topic or named) or total_weight <= 0:
            return SearchResponse(query=query, results=[], corrections=corrections)

        # A question that only names someone ("Wang Weizhong") is about them: their name is
        # then its subject, scored in full.
        topic_weight = sum(w.weight for i, w in enumerate(words) if i not in naming)
        asks_more = topic_weight > 0
        # An acronym's spelling ("artificial intelligence" for "AI") scores as one word would:
        # the mean of its words' BM25.
        spellings = [list(s) for found in spelled_out.values() for s in found]
        ids, scores = self._scores(
            [
                (topic, 1.0),
                (named, _NAMED_SCORE_SHARE if asks_more else 1.0),
                *((spelling, 1 / len(spelling)) for spelling in spellings),
            ]
        )
        # What each candidate's context holds (its paragraph, its document's title), from the
        # index's postings: no candidate is tokenized again, only the few that are returned.
        context = self._paragraph_context()
        present = {
            term: context.holds(term, ids, self._index)
            for term in {*topic, *named, *(t for spelling in spellings for t in spelling)}
        }
        for position, word in enumerate(words):
            if word.acronym and word.term is not None and position not in naming:
                scores, present[word.term] = self._as_acronym(
                    word.query.surface, word.term, ids, scores, context
                )
        covered = np.zeros(len(ids))
        topic_covered = np.zeros(len(ids))
        for position, word in enumerate(words):
            if word.weight <= 0:
                continue
            holds = present[word.term] if word.term is not None else np.zeros(len(ids), bool)
            for person in people:
                if position in person.words:
                    for spelling in person.spellings:
                        holds = holds | np.logical_and.reduce([present[t] for t in spelling])
            for spelling in spelled_out.get(position, ()):
                holds = holds | np.logical_and.reduce([present[t] for t in spelling])
            covered += word.weight * holds
            if position not in naming:
                topic_covered += word.weight * holds
        # A passage in a paragraph (or a document) about what the question asks outranks one
        # that shares as many words with it alone: "the governor ... robotics" is answered by
        # the sentence on robotics in the governor's paragraph.
        ranking = scores + self.context_weight * covered
        language = self._tokenizer.question_language(query[:MAX_QUERY_CHARS])
        if language is not None:
            ranking *= 1 + _SAME_LANGUAGE_BONUS * context.written_in(language, ids)
        ranking *= 1 - _TITLE_PASSAGE_PENALTY * context.repeats_title(ids)
        passes = covered / total_weight > self.min_coverage
        if naming and asks_more:
            # "What did Huang Kunming say about football?": a name is rare, hence heavy, and
            # would carry the question alone; what is asked about the person must be there too.
            passes &= topic_covered / topic_weight > self.min_topic_coverage
        keep = np.flatnonzero(passes)
        if len(keep) > top_k:
            # Only the best k are sorted; ties with the k-th are kept for the id tie-break.
            kth = np.partition(-ranking[keep], top_k - 1)[top_k - 1]
            keep = keep[-ranking[keep] <= kth]
        order = keep[np.lexsort((ids[keep], -ranking[keep]))][:top_k]
        wanted = {*topic, *named, *(t for spelling in spellings for t in spelling)}
        results: list[SearchResult] = []
        for slot in order.tolist():
            passage = self._corpus.passages[int(ids[slot])]
            tokens = self._tokenizer.tokens(passage.text, passage.language)
            results.append(
                self._result(
                    passage,
                    float(ranking[slot]),
                    _matched_surfaces(passage.text, tokens, wanted),
                )
            )
        return SearchResponse(
            query=query, results=results, corrections=corrections, expansions=expansions
        )

    def _scores(self, groups: list[tuple[list[str], float]]) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores) of the passages holding a term: for each group of terms, its share
        of their BM25. The words naming people get a share only (``_NAMED_SCORE_SHARE``) when
        the question asks about more: a report of what someone said names them once, in its
        first sentence or only in the title; the sentences on the subject asked about are the
        answer, not the one that names the speaker."""
        found = [(*self._index.matches(terms), share) for terms, share in groups if terms]
        if len(found) == 1 and found[0][2] == 1.0:
            return found[0][0], found[0][1]
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.unique(np.concatenate([group_ids for group_ids, _, _ in found]))
        scores = np.zeros(len(ids))
        for group_ids, group_scores, share in found:
            scores[np.searchsorted(ids, group_ids)] += share * group_scores
        return ids, scores

    def _spelled_out(
        self, words: list[_ResolvedWord], naming: frozenset[int]
    ) -> tuple[dict[int, list[tuple[str, ...]]], list[Expansion]]:
        """For each acronym of the question the abbreviations list knows ("KI"), the terms of
        each of its spellings the corpus holds ("künstlich", "intelligenz"); and the
        expansions to report."""
        spelled_out: dict[int, list[tuple[str, ...]]] = {}
        expansions: list[Expansion] = []
        for position, word in enumerate(words):
            if not word.acronym or word.weight <= 0 or position in naming:
                continue
            written: list[str] = []
            for spelling in self._abbreviations.get(word.query.surface, ()):
                qterms = [
                    q
                    for q in self._tokenizer.query_terms(spelling)
                    if not q.stopword and not q.optional
                ]
                found = [self._known_term(q) for q in qterms]
                terms = tuple(dict.fromkeys(t for t in found if t is not None))
                if found and len(terms) and None not in found and terms != (word.term,):
                    spelled_out.setdefault(position, []).append(terms)
                    written.append(spelling)
            if written:
                expansions.append(Expansion(original=word.query.surface, added=written))
        return spelled_out, expansions

    def _as_acronym(
        self, acronym: str, term: str, ids: np.ndarray, scores: np.ndarray, context: _Context
    ) -> tuple[np.ndarray, np.ndarray]:
        """``scores`` without the BM25 of ``term`` in the passages that write it other than as
        ``acronym`` ("Ai Xuefeng" for "AI"), and where its context holds it so written."""
        written = self._acronym_in(acronym, term)
        term_ids, term_scores = self._index.matches([term])
        other = ~np.isin(term_ids, written)
        scores = scores.copy()
        scores[np.searchsorted(ids, term_ids[other])] -= term_scores[other]
        titled = context.document_numbers(self._titles_with_acronym(acronym))
        return scores, context.holds_in(written, titled, ids)

    def _titles_with_acronym(self, acronym: str) -> list[str]:
        """The documents whose title writes ``acronym`` in capitals."""
        found = self._acronym_titles.get(acronym)
        if found is None:
            found = [
                doc
                for doc in self._paragraph_context().document_ids
                if _writes_acronym(self._corpus.document(doc).info.title, acronym)
            ]
            self._acronym_titles[acronym] = found
        return found

    def _acronym_in(self, acronym: str, term: str) -> np.ndarray:
        """The passages holding ``term`` that write it as the capitals ``acronym``."""
        key = (acronym, term)
        found = self._acronym_passages.get(key)
        if found is None:
            postings = self._index.postings(term)
            found = np.asarray(
                [
                    i
                    for i in postings.tolist()
                    if _writes_acronym(self._corpus.passages[i].text, acronym)
                ],
                dtype=np.int64,
            )
            self._acronym_passages[key] = found
        return found

    # ---- query words ----------------------------------------------------------------------

    def _resolve(self, query: str) -> tuple[list[_ResolvedWord], list[Correction]]:
        index = self._index
        words: list[_ResolvedWord] = []
        corrections: list[Correction] = []
        languages: tuple[str, ...] | None = None
        # "ROBOTICS AND AI" is shouted, not a string of acronyms; "AI" alone is one.
        shouted = not any(c.islower() for c in query) and any(
            len(word) > _ACRONYM_MAX for word in re.findall(r"[A-Z]+", query)
        )
        digits: list[_ResolvedWord] = []
        for qterm in self._tokenizer.query_terms(query):
            if qterm.stopword:
                continue
            term = self._known_term(qterm)
            acronym = not shouted and _ACRONYM.fullmatch(qterm.surface) is not None
            if acronym and term is not None and not self._writes_anywhere(qterm.surface, term):
                term = None  # the corpus has "Ai" (a name), never "AI": the word is unknown
            if term is None and qterm.correctable:
                if languages is None:
                    languages = self._tokenizer.query_languages(query)
                found = self._correct(qterm, languages)
                if found is not None:
                    term, written = found
                    corrections.append(Correction(original=qterm.surface, corrected=written))
            if qterm.optional:
                if term is not None:
                    words.append(_ResolvedWord(qterm, term, 0.0))
                continue
            if term is None and is_han(qterm.surface):  # one Chinese character
                # An unknown one-character Chinese word (说, 事, 讲) is a light word of the
                # question, not evidence that the corpus is about something else.
                continue
            # Unknown words, and words only a title has, weigh the largest idf there can be.
            weight = index.idf(term) if term is not None and term in index else index.max_idf
            # A term in more than half the passages has a floored idf; it still counts a little.
            word = _ResolvedWord(qterm, term, max(weight, 1e-6), acronym)
            if qterm.surface.isdigit() and len(qterm.surface) == 1:
                digits.append(word)
            else:
                words.append(word)
        if not any(w.weight > 0 for w in words):
            # A lone digit ("1", "4") occurs everywhere in lists and dates, and in a short
            # passage its BM25 outweighs any word ("robotics OR 1=1"): it counts only in a
            # question of figures alone.
            words += digits
        return _split_unknown_compounds(words), corrections

    def _writes_anywhere(self, acronym: str, term: str) -> bool:
        """Does a passage or a title write ``term`` as the capitals ``acronym``?"""
        return len(self._acronym_in(acronym, term)) > 0 or bool(self._titles_with_acronym(acronym))

    def _known_term(self, qterm: QueryTerm) -> str | None:
        """The first candidate of ``qterm`` the index, or failing that a title, knows."""
        term = next((c for c in qterm.candidates if c in self._index), None)
        if term is None:
            # A word only a title has (the speaker of a speech) is known, not evidence
            # against the corpus; it scores nothing but counts for that document's passages.
            titles = self._all_title_terms()
            term = next((c for c in qterm.candidates if c in titles), None)
        return term

    def _name_spellings(
        self, words: list[_ResolvedWord], names: Sequence[NameMention]
    ) -> tuple[list[_NameSpellings], list[Expansion]]:
        """The question's words naming each person, with the known terms of their other
        spellings; and the expansions to report (the spellings searched for)."""
        people: list[_NameSpellings] = []
        expansions: list[Expansion] = []
        for name in names:
            mention = [q for q in self._tokenizer.query_terms(name.mention) if not q.stopword]
            surfaces = {_folded(q.surface) for q in mention}
            # By term too: a misspelt "Govenor", corrected, still names the governor.
            terms = {self._known_term(q) for q in mention if not q.optional} - {None}
            positions = frozenset(
                i
                for i, w in enumerate(words)
                if w.weight > 0 and (_folded(w.query.surface) in surfaces or w.term in terms)
            )
            if not positions:
                continue
            spellings: list[tuple[str, ...]] = []
            written: list[str] = []
            for spelling in name.spellings:
                qterms = [
                    q
                    for q in self._tokenizer.query_terms(spelling)
                    if not q.stopword and not q.optional
                ]
                found = [self._known_term(q) for q in qterms]
                if found and all(t is not None for t in found):
                    spellings.append(tuple(dict.fromkeys(t for t in found if t is not None)))
                    written.append(spelling)
            people.append(_NameSpellings(positions, tuple(spellings)))
            if written:
                expansions.append(Expansion(original=name.mention, added=written))
        return people, expansions

    def _all_title_terms(self) -> frozenset[str]:
        if self._every_title is None:
            documents = dict.fromkeys(p.document_id for p in self._corpus.passages)
            self._every_title = frozenset().union(*map(self._title_terms, documents))
        return self._every_title

    def _title_terms(self, document_id: str) -> frozenset[str]:
        terms = self._titles.get(document_id)
        if terms is None:
            info = self._corpus.document(document_id).info
            terms = frozenset(self._tokenizer.tokenize(info.title, info.language))
            self._titles[document_id] = terms
        return terms

    def _paragraph_context(self) -> _Context:
        if self._context is None:
            passages = self._corpus.passages
            documents = list(dict.fromkeys(p.document_id for p in passages))
            self._context = _Context.build(
                passages,
                {d: self._title_terms(d) for d in documents},
                {d: self._corpus.document(d).info.title for d in documents},
            )
        return self._context

    def _correct(self, qterm: QueryTerm, languages: Sequence[str]) -> tuple[str, str] | None:
        """The vocabulary term a misspelt word means, and the word as the corpus writes it.

        Short words have too many neighbours ("want" / "wang", "cake" / "care") to guess at: a
        word is corrected only from six letters on, with one edit, or two from nine letters on.
        The nearest written word wins ("inteligence": "intelligence", not "intelligent"), then
        the more frequent, then one in the question's language ("robotcs": "robotics", not
        "Robotik"); possessives and hyphenated forms are never offered ("Shenzhen", not
        "Shenzhen's").
        """
        typed = _folded(qterm.surface)
        if len(typed) < _MIN_SPELLABLE:
            return None
        limit = 1 if len(typed) < _TWO_EDITS_FROM else self.max_edits
        if self._spellable is None:
            # Only alphabetic terms: figures and codes ("2024", "ag600") are never guessed at.
            # A misspelling rarely gets the first letter wrong ("France" must not meet words an
            # edit or two away), so only words with the same first letter are compared: a large
            # vocabulary is searched a few percent at a time.
            self._spellable = {}
            for term in sorted(self._index.vocabulary):
                if term.isalpha() and len(term) >= _MIN_SPELLABLE - 1:
                    self._spellable.setdefault(term[0], []).append(term)
        # Terms near one of the word's forms (its stems, the word itself); a stem may be an
        # edit further from its neighbour's than the written words are, hence ``limit + 1``.
        near: dict[str, int] = {}
        for form in qterm.candidates:
            if len(form) < _MIN_SPELLABLE - 1:
                continue
            for choice, distance, _ in process.extract(
                form,
                self._spellable.get(form[0], []),
                scorer=Levenshtein.distance,
                score_cutoff=limit + 1,
                limit=20,
            ):
                near[choice] = min(int(distance), near.get(choice, limit + 2))
        rank = {language: i for i, language in enumerate(languages)}
        best: tuple[tuple[int, int, int, int, str], str] | None = None
        for term in sorted(near, key=lambda t: (near[t], t))[:_SPELLING_TERMS]:
            written = self._written_forms(term)
            choices = [
                (Levenshtein.distance(typed, folded), -count, rank.get(language, len(rank)), form)
                for (folded, language), (count, form) in written.items()
            ]
            if not choices:
                # Only written with punctuation ("R&D-led"): the term stands for itself.
                choices = [(near[term], 0, len(rank), term)]
            distance, _, language_rank, form = min(choices)
            if min(distance, near[term]) > limit:
                continue
            key = (
                distance,
                near[term],
                -self._index.document_frequency(term),
                language_rank,
                term,
            )
            if best is None or key < best[0]:
                best = (key, form)
        return (best[0][-1], best[1]) if best else None

    def _written_forms(self, term: str) -> dict[tuple[str, str], tuple[int, str]]:
        """How the corpus writes ``term``, from a few passages holding it: for each folded
        word and language, its count and its commonest casing. Only plain words: a possessive
        loses its "'s", a form with other punctuation is left out."""
        counts: dict[tuple[str, str], dict[str, int]] = {}
        for passage_id in self._index.postings(term)[:_SPELLING_SAMPLES].tolist():
            passage = self._corpus.passages[passage_id]
            for token in self._tokenizer.tokens(passage.text, passage.language):
                if token.term != term:
                    continue
                word = passage.text[token.start : token.end]
                if word[-2:] in ("'s", "’s"):
                    word = word[:-2]
                if not word.isalpha():
                    continue
                key = (_folded(word), passage.language)
                casings = counts.setdefault(key, {})
                casings[word] = casings.get(word, 0) + 1
        return {
            key: (sum(casings.values()), max(casings, key=lambda w: casings[w]))
            for key, casings in counts.items()
        }

    # ---- results --------------------------------------------------------------------------

    def _result(self, passage: Passage, score: float, matched: list[str]) -> SearchResult:
        return SearchResult(
            text=passage.text,
            score=float(score),
            matched_terms=matched,
            document=self._corpus.document(passage.document_id).info,
            paragraph=passage.paragraph,
            start=passage.start,
            end=passage.end,
            language=passage.language,
            passage_id=passage.id,
        )


class _Context:
    """Where each passage sits: its paragraph and its document, for what its context holds."""

    def __init__(
        self,
        paragraph_of: np.ndarray,
        document_of: np.ndarray,
        titled: dict[str, np.ndarray],
        language_of: np.ndarray,
        document_numbers: dict[str, int],
        repeats_title: np.ndarray,
    ) -> None:
        self._document_numbers = document_numbers  # document id -> its number
        self._repeats_title = repeats_title  # passage id -> is it its document's title?
        self._language_of = language_of  # passage id -> its language code
        self._paragraph_of = paragraph_of  # passage id -> paragraph number across the corpus
        self._document_of = document_of  # passage id -> document number
        self._titled = titled  # term -> numbers of the documents whose title holds it
        self._paragraphs = int(paragraph_of.max()) + 1 if len(paragraph_of) else 0
        self._documents = int(document_of.max()) + 1 if len(document_of) else 0

    @classmethod
    def build(
        cls,
        passages: Sequence[Passage],
        titles: dict[str, frozenset[str]],
        title_texts: dict[str, str],
    ) -> _Context:
        paragraphs: dict[tuple[str, int], int] = {}
        documents = {doc: i for i, doc in enumerate(titles)}
        paragraph_of = np.fromiter(
            (
                paragraphs.setdefault((p.document_id, p.paragraph), len(paragraphs))
                for p in passages
            ),
            dtype=np.int64,
            count=len(passages),
        )
        document_of = np.fromiter(
            (documents[p.document_id] for p in passages), dtype=np.int64, count=len(passages)
        )
        by_term: dict[str, list[int]] = {}
        for document, terms in titles.items():
            for term in terms:
                by_term.setdefault(term, []).append(documents[document])
        titled = {term: np.asarray(docs, dtype=np.int64) for term, docs in by_term.items()}
        language_of = np.array([p.language for p in passages], dtype=str)
        folded_titles = {doc: _squeezed(text) for doc, text in title_texts.items()}
        lengths = {doc: len(text) for doc, text in title_texts.items()}
        repeats_title = np.fromiter(
            (
                # Only a passage about as long as its title can be it: most are not folded.
                len(p.text) <= 2 * lengths.get(p.document_id, -1)
                and _squeezed(p.text) == folded_titles.get(p.document_id)
                for p in passages
            ),
            dtype=bool,
            count=len(passages),
        )
        return cls(paragraph_of, document_of, titled, language_of, documents, repeats_title)

    @property
    def document_ids(self) -> list[str]:
        return list(self._document_numbers)

    def document_numbers(self, documents: Sequence[str]) -> np.ndarray:
        return np.asarray([self._document_numbers[d] for d in documents], dtype=np.int64)

    def repeats_title(self, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is it its document's title, repeated?"""
        return self._repeats_title[ids]

    def written_in(self, language: str, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is it written in ``language``?"""
        return self._language_of[ids] == language

    def holds(self, term: str, ids: np.ndarray, index: BM25Index) -> np.ndarray:
        """For each passage of ``ids``: does its paragraph, or its document's title, hold
        ``term``? (Marks over paragraphs and documents: linear, no sorting.)"""
        return self.holds_in(index.postings(term), self._titled.get(term), ids)

    def holds_in(
        self, postings: np.ndarray, titled: np.ndarray | None, ids: np.ndarray
    ) -> np.ndarray:
        """For each passage of ``ids``: is it in the paragraph of a passage of ``postings``,
        or in a document of ``titled`` (document numbers)?"""
        in_paragraph = np.zeros(self._paragraphs, dtype=bool)
        in_paragraph[self._paragraph_of[postings]] = True
        holds = in_paragraph[self._paragraph_of[ids]]
        if titled is not None and len(titled):
            in_title = np.zeros(self._documents, dtype=bool)
            in_title[titled] = True
            holds |= in_title[self._document_of[ids]]
        return holds


def _folded(word: str) -> str:
    """A word as spelling correction and name matching compare it: case and tone marks gone."""
    return strip_marks(word.casefold(), "en")


def read_abbreviations(path: Path = ABBREVIATIONS_FILE) -> dict[str, list[str]]:
    """Acronym -> the spellings it stands for, from the editable list (see the file)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        acronym: [str(s) for s in spellings]
        for acronym, spellings in data.get("abbreviations", {}).items()
        if isinstance(spellings, list)
    }


def _squeezed(text: str) -> str:
    """``text`` folded with its whitespace runs made single spaces, for comparing titles."""
    return " ".join(_folded(text).split())


def _writes_acronym(text: str, acronym: str) -> bool:
    """Does ``text`` write ``acronym`` in capitals as a word of its own ("AI-driven", "AI's",
    "AI技术"; not "Ai" nor "MAIN")?"""
    return re.search(rf"(?<![A-Za-z]){acronym}(?:s|'s|’s)?(?![A-Za-z])", text) is not None


def _split_unknown_compounds(words: list[_ResolvedWord]) -> list[_ResolvedWord]:
    """An unknown Chinese word whose known parts jieba found ("海外基金": 海外, 基金) is
    weighed by those parts instead: the corpus may well write them apart ("海外主权基金")."""
    out = list(words)
    for position, word in enumerate(words):
        if word.term is not None or word.weight == 0 or not has_han(word.query.surface):
            continue
        parts = [
            i
            for i, part in enumerate(words)
            if part.weight == 0
            and part.term is not None
            and part.query.surface in word.query.surface
        ]
        if not parts:
            continue
        share = word.weight / len(parts)
        for i in parts:
            out[i] = _ResolvedWord(out[i].query, out[i].term, share, out[i].acronym)
        out[position] = _ResolvedWord(word.query, None, 0.0)
    return [w for w in out if w.term is not None or w.weight > 0]


def _matched_surfaces(text: str, tokens: Sequence[Token], wanted: set[str]) -> list[str]:
    """The words of ``text`` that matched, as written, in order, each once.

    A match inside a longer match ("劲松" in "张劲松", "brain" in "brain-computer") is left out,
    so the caller can highlight every listed word without overlaps.
    """
    spans = sorted(
        {(t.start, t.end) for t in tokens if t.term in wanted}, key=lambda s: (s[0], -s[1])
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return list(dict.fromkeys(text[start:end] for start, end in kept))
