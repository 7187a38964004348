"""The searcher: a question to its best passages, as a pipeline of the steps of this package."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import wordfreq

from retrieval.alignment import TranslationPairs
from retrieval.duplicates import DuplicateGroups
from retrieval.encoding import replace_lone_surrogates
from retrieval.folding import fold
from retrieval.index import BM25Index
from retrieval.models import Copy, Counterpart, Expansion, SearchResponse, SearchResult
from retrieval.scripts import has_han
from retrieval.search.absent_words import AbsentWordScale
from retrieval.search.acronyms import Acronyms, read_abbreviations
from retrieval.search.answer_types import STATEMENT, AnswerFeatures, AnswerTypeRules
from retrieval.search.answerability import (
    DEFAULT_MIN_COVERAGE,
    DEFAULT_MIN_TOPIC_COVERAGE,
    Floor,
    answerable,
    covered_weight,
)
from retrieval.search.context import Context, title_terms
from retrieval.search.known_terms import KnownTerms
from retrieval.search.lazy import Lazy
from retrieval.search.links import without_links
from retrieval.search.names import (
    NameMention,
    find_people,
    read_person_question_words,
    without_person_question_words,
)
from retrieval.search.query_words import QueryWords, ResolvedWord
from retrieval.search.question import Question
from retrieval.search.ranking import RankingWeights, best, group_scores, rank
from retrieval.search.results import search_result
from retrieval.search.searchable import SearchableCorpus, document_ids
from retrieval.search.spelling import Speller
from retrieval.search.synonyms import SynonymRule, SynonymTable, read_synonyms
from retrieval.search.term_languages import TermLanguages
from retrieval.search.translations import translate
from retrieval.search.years import DocumentYears, question_years, year_positions
from retrieval.tokenize import Tokenizer
from retrieval.translation import TranslationTable, WordPair
from retrieval.translation.chinese_terms import MIN_CHINESE_WORD

# Quotes are taken from this many times as many candidates as asked for, so that k different
# quotes remain when copies of one text collapse into one.
_POOL = 3
# Longer questions are cut here: enough for any real question, bounded work for pasted essays.
MAX_QUERY_CHARS = 2000


@dataclass(frozen=True)
class CorpusTables:
    """Where a searcher gets the corpus-wide tables that take longest to build, when not from
    the corpus itself: a library reads them from its cache (``retrieval.table_cache``)."""

    answer_features: Callable[[], AnswerFeatures]
    duplicates: Callable[[], DuplicateGroups]
    translated: Callable[[], TranslationPairs]


class Searcher:
    """Answers questions from a corpus and its BM25 index; safe to share between threads.

    ``min_coverage`` (0 to 1) is the relevance floor: a passage is returned only when its
    context holds more than this share of the question's idf weight (see ``answerability``).
    At 0 any passage sharing a word with the question may come back; the default, one half,
    keeps "capital of France" out. In a question naming a person and asking more, a passage
    must also hold more than ``min_topic_coverage`` of the weight of the words that do not name
    them. ``weights`` are the ranking's constants (``RankingWeights``).
    ``person_question_words`` ask about the person named ("Amt", "position"), not a subject;
    by default the list ``retrieval/data/person-question-words.txt``. ``abbreviations`` map an
    acronym to the spellings it stands for; by default ``retrieval/data/abbreviations.toml``.
    ``synonym_rules`` are the groups of words searched as one; by default
    ``retrieval/data/synonyms.txt``. ``translation_pairs`` are the dictionaries a question is
    translated through; by default the glossaries in ``retrieval/data/translation/`` and
    CC-CEDICT.
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
        min_topic_coverage: float = DEFAULT_MIN_TOPIC_COVERAGE,
        weights: RankingWeights | None = None,
        person_question_words: frozenset[str] | None = None,
        abbreviations: dict[str, list[str]] | None = None,
        synonym_rules: Sequence[SynonymRule] | None = None,
        absent_words: AbsentWordScale | None = None,
        translation_pairs: Sequence[WordPair] | None = None,
        tables: CorpusTables | None = None,
    ) -> None:
        if len(corpus.passages) != index.size:
            raise ValueError(
                f"the index holds {index.size} passages, the corpus {len(corpus.passages)}"
            )
        self._corpus = corpus
        self._index = index
        self._tokenizer = tokenizer
        self.floor = Floor(min_coverage, min_topic_coverage)
        self.weights = weights or RankingWeights()
        if person_question_words is None:
            self._person_question_words = read_person_question_words()
        else:
            self._person_question_words = frozenset(map(fold, person_question_words))
        # Tables built on the first question that needs them, each once and whole (``Lazy``).
        self._titles = Lazy(lambda: title_terms(corpus, tokenizer))
        self._context = Lazy(lambda: Context.of(corpus, self._titles.get()))
        self._every_title = Lazy(lambda: frozenset().union(*self._titles.get().values()))
        self._known = KnownTerms(index, tokenizer, self._every_title.get)
        self._acronyms = Acronyms(
            corpus,
            index,
            self._context.get,
            self._known,
            read_abbreviations() if abbreviations is None else abbreviations,
        )
        rules = read_synonyms() if synonym_rules is None else synonym_rules
        self._answer_types = AnswerTypeRules.load()
        if tables is None:
            infos = Lazy(lambda: [corpus.document(d).info for d in document_ids(corpus)])
            tables = CorpusTables(
                answer_features=lambda: AnswerFeatures.of(corpus),
                duplicates=lambda: DuplicateGroups.build(corpus.passages, infos.get()),
                translated=lambda: TranslationPairs.build(corpus.passages, infos.get(), tokenizer),
            )
        self._tables = tables
        self._duplicates = Lazy(tables.duplicates)
        self._translated = Lazy(tables.translated)
        self._carried_over = False  # copies and translations another corpus's, for now
        self._years = Lazy(lambda: DocumentYears.of(corpus))
        self._term_languages = Lazy(
            lambda: TermLanguages(index, [p.language for p in corpus.passages])
        )
        self._answer_features = Lazy(tables.answer_features)
        self._translations = Lazy(lambda: TranslationTable(tokenizer, index, translation_pairs))
        self._synonyms = Lazy(lambda: SynonymTable(rules, tokenizer, index))
        self._query_words = QueryWords(
            tokenizer,
            index,
            self._known,
            Speller(corpus, index, tokenizer, max_edits),
            self._acronyms,
            absent_words,
            lambda word: self._translations.get().is_chinese_name(word),
            lambda word: self._translations.get().is_chinese_function_word(word),
        )

    @property
    def tokenizer(self) -> Tokenizer:
        return self._tokenizer

    @property
    def index(self) -> BM25Index:
        return self._index

    def search(
        self,
        query: str,
        top_k: int = 3,
        *,
        names: Sequence[NameMention] = (),
        within: np.ndarray | None = None,
        highlight: range | None = None,
    ) -> SearchResponse:
        """The ``top_k`` best passages that clear the relevance floor, best first.

        ``names`` are the people the question names (see ``NameMention``): their other
        spellings are searched for too, and a passage whose context names them is as good as
        one that does so itself. ``within`` (a boolean mask over the corpus's passages) keeps
        only the passages it marks: filters (date, source, language) apply before ranking.
        ``highlight``: the positions of the results whose matched words are found (the rest
        come with none), and whose synonyms and translations are reported; None: every result's.
        """
        # The query is echoed in the response: a lone surrogate there could not be sent as JSON.
        query = replace_lone_surrogates(query).strip()
        if not query or top_k < 1:
            return SearchResponse(query=query, results=[], corrections=[])
        asked = without_links(query[:MAX_QUERY_CHARS])
        # Words first: every later step works on their terms and weights, and a correction is
        # reported even when nothing answers.
        words, corrections = self._query_words.resolve(
            asked,
            [n.mention for n in names if has_han(n.mention)],
            self._answer_types.form_words(asked),
        )
        # People next: the words naming them are scored and judged apart, and the words asking
        # about them ("Amt") are then no subject; needs the resolved (corrected) terms.
        people, expansions = find_people(words, names, self._tokenizer, self._known)
        naming = frozenset().union(*(person.words for person in people))
        words = without_person_question_words(words, naming, self._person_question_words)
        # Acronyms after people: an acronym naming someone is not spelled out.
        spelled_out, spelled = self._acronyms.spelled_out(words, naming)
        # Synonyms last: a name or an acronym keeps its own other forms; a run of words
        # ("come into force") is matched whole before its words alone.
        language = self._tokenizer.question_language(asked)
        synonyms = self._synonyms.get().apply(words, naming, language, asked)
        words = synonyms.words
        # Translations after synonyms: what the question says, in the corpus's other languages.
        translations = translate(
            self._translations.get(),
            self._index,
            words,
            naming,
            language,
            asked,
            synonyms.carried,
        )
        words = translations.words
        question = Question(words, people, spelled_out, synonyms.groups, translations)
        if not question.searchable:
            return SearchResponse(query=query, results=[], corrections=corrections)
        # Candidates: every passage holding a term, with its BM25 (a share for the names).
        ids, scores = group_scores(
            self._index,
            question.score_groups(self.weights.named_share, self.weights.translated_share),
        )
        if within is not None:  # filtered out before anything is weighed, so k stay k
            kept = within[ids]
            ids, scores = ids[kept], scores[kept]
        # What each candidate's context holds, from the index's postings (nothing tokenized);
        # an acronym only where written in capitals, its BM25 elsewhere taken back.
        context = self._context.get()
        marks = context.holds_here_and_next(question.terms, ids, self._index)
        scores, written_in_capitals = self._acronyms.narrow(words, naming, ids, scores, context)
        marks.update(written_in_capitals)
        present = {term: here for term, (here, _) in marks.items()}
        holds = question.holds(present, len(ids))
        # A short paragraph reads on into the next: what only that one holds counts for the
        # floor, at a share, and not for the ranking (the passage does not say it).
        following = {term: here | after for term, (here, after) in marks.items()}
        next_only = question.holds(following, len(ids)) & ~holds
        # A passage's document date is its context too: a report dated 2024 speaks of 2023.
        years = self._years.get()
        for position, year in year_positions(words).items():
            holds[position] |= years.dated(year, ids)
            next_only[position] = False
        # The floor decides whether a passage answers at all; the ranking orders those that do.
        common = question.common(self._index, self.floor.common_share)
        translated_only = holds & ~question.holds(present, len(ids), translated=False)
        # A passage in another language is judged on the words its language could hold.
        term_languages = self._term_languages.get()
        judged = question.judged(
            term_languages,
            term_languages.of_passages(ids),
            language,
            holds,
            self._unwritten_share(asked),
        )
        passes = answerable(
            question.weights,
            holds | next_only,
            question.names_person,
            self.floor,
            common,
            translated_only,
            judged,
            next_only=next_only,
        )
        # A year narrows the question as a name does: only passages of that year answer.
        passes &= years.allow(question_years(words), present, ids)
        # A passage holding what the question asks for (a figure, a name) ranks higher.
        ranking = rank(
            scores,
            covered_weight(question.weights, holds),
            None if language is None else context.written_in(language, ids),
            context.repeats_title(ids),
            self.weights,
            self._asked_for(asked, names, ids, context),
        )
        # A passage and its translation are one quote, shown in the question's language: the
        # text shown is the one that must answer, so the pair ranks as that text does.
        # A question too short to tell its language ("GDP") reads as its likeliest one.
        shown_in = language or self._tokenizer.query_languages(asked)[0]
        translated = self._translated.get()
        if within is not None:  # a translation filtered out neither ranks nor shows a quote
            translated = translated.within(within)
        ranking = translated.ranked_as_shown(ids, ranking, shown_in)
        # Copies of one text (a mirror, a repost) are one quote, its best copy shown with the
        # others listed: taken from a wider pool, so that k different quotes remain.
        pool = best(ranking, ids, passes, _POOL * top_k, self.weights.least_share_of_best)
        score = {int(ids[slot]): float(ranking[slot]) for slot in pool.tolist()}
        # A passage and its translations are one quote, shown in the question's language.
        entries = translated.prefer_language(list(score), shown_in)
        counterparts = dict(entries)
        quotes = self._duplicates.get().collapse([shown for shown, _ in entries])[:top_k]
        # Results last: only those to be highlighted are tokenized again, for their matched
        # words; the synonyms and translations they were found through are read off the index.
        results = []
        for position, (shown, others) in enumerate(quotes):
            also_in = counterparts.get(shown) or translated.counterparts(shown)
            best_score = max(score.get(p, 0.0) for p in [shown, *others, *also_in])
            wanted = question.terms if highlight is None or position in highlight else set()
            result = self._result(shown, best_score, wanted)
            results.append(
                result.model_copy(
                    update={
                        "also_published": [self._copy(p) for p in others],
                        "also_in": [self._counterpart(p, translated) for p in also_in],
                    }
                )
            )
        # The notes of how the question was read speak of the results highlighted (the page
        # shown): "found through" under a page none of whose quotes was found so would mislead.
        reported = synonyms.reported_terms | translations.reported_terms
        noted = [
            shown
            for position, (shown, _) in enumerate(quotes)
            if highlight is None or position in highlight
        ]
        found_terms = self._held_terms(reported, noted)
        return SearchResponse(
            query=query,
            results=results,
            corrections=corrections,
            expansions=_distinct([*expansions, *spelled]),
            synonyms=_distinct(synonyms.used(found_terms)),
            translations=_distinct(translations.used(found_terms)),
        )

    def _held_terms(self, terms: Iterable[str], passage_ids: Sequence[int]) -> set[str]:
        """Those of ``terms`` that one of the passages holds, from the index's postings."""
        if not passage_ids:
            return set()
        passages = np.asarray(sorted(passage_ids), dtype=np.int64)
        held = set()
        for term in terms:
            postings = self._index.postings(term)
            # In the postings' own type: another would copy the whole array on every search.
            slots = np.searchsorted(postings, passages.astype(postings.dtype, copy=False))
            inside = slots < len(postings)
            if (postings[slots[inside]] == passages[inside]).any():
                held.add(term)
        return held

    def _asked_for(
        self, asked: str, names: Sequence[NameMention], ids: np.ndarray, context: Context
    ) -> np.ndarray | None:
        """For each candidate: does it hold the kind of answer the question asks for (None:
        the question does not tell)? What a named person said: the paragraphs where the corpus
        gives their words."""
        kind = self._answer_types.asked(asked)
        if kind is None:
            return None
        if kind == STATEMENT:
            spoken = frozenset().union(*(name.spoken_in for name in names))
            return context.in_paragraphs(spoken, ids) if spoken else None
        return self._answer_features.get().holds(kind, ids)

    def _unwritten_share(self, question: str) -> Callable[[ResolvedWord], float]:
        """The share of its weight a question word keeps for a passage in a language the corpus
        never writes it in: all of it for a Chinese word a dictionary has (its translations
        are simply not in the corpus), else by its rarity, as an absent word's. One character
        (年, 要, 个) is never translated (too many senses): it weighs by its rarity too."""
        by_rarity = self._query_words.unwritten_share(question)
        has_chinese = self._translations.get().has_chinese

        def share(word: ResolvedWord) -> float:
            surface = word.query.surface
            if len(surface) >= MIN_CHINESE_WORD and has_han(surface) and has_chinese(surface):
                return 1.0
            return by_rarity(word)

        return share

    def _copy(self, passage_id: int) -> Copy:
        passage = self._corpus.passages[passage_id]
        return Copy(
            document=self._corpus.document(passage.document_id).info,
            passage_id=passage.id,
            paragraph=passage.paragraph,
            start=passage.start,
            end=passage.end,
        )

    def _counterpart(self, passage_id: int, translated: TranslationPairs) -> Counterpart:
        passage = self._corpus.passages[passage_id]
        return Counterpart(
            **dict(self._copy(passage_id)),
            text=passage.text,
            language=passage.language,
            original=translated.is_original(passage.id),
        )

    @property
    def copies_and_translations_ready(self) -> bool:
        """Whether the copies and translations tables are there (built, read or carried)."""
        return self._duplicates.ready and self._translated.ready

    @property
    def copies(self) -> DuplicateGroups:
        """The copies table (built now when it is not there yet)."""
        return self._duplicates.get()

    @property
    def translated(self) -> TranslationPairs:
        """The translations table (built now when it is not there yet)."""
        return self._translated.get()

    @property
    def tables_carried_over(self) -> bool:
        """Whether copies and translations are served from another corpus's tables until
        ``complete_tables`` builds this corpus's own."""
        return self._carried_over

    def carry_over(self, copies: DuplicateGroups, translated: TranslationPairs) -> None:
        """Serve ``copies`` and ``translated`` (a previous corpus's tables, numbered for this
        one) instead of building them, until ``complete_tables``: finding copies and
        translations takes minutes on a large corpus, adding a file seconds."""
        self._duplicates.replace(copies)
        self._translated.replace(translated)
        self._carried_over = True

    def complete_tables(self, wanted: Callable[[], bool]) -> bool:
        """Build this corpus's own copies and translations tables and serve them, in place of
        those carried over; ``wanted`` is asked before each (False: stop, and keep serving
        those carried). Whether the tables are this corpus's own now."""
        if not self._carried_over:
            return True
        if not wanted():
            return False
        copies = self._tables.duplicates()
        if not wanted():
            return False
        translated = self._tables.translated()
        self._duplicates.replace(copies)
        self._translated.replace(translated)
        self._carried_over = False
        return True

    def warm_up(self) -> None:
        """Build now the tables the first questions would wait for."""
        for table in (
            self._context,
            self._every_title,
            self._duplicates,
            self._translated,
            self._answer_features,
            self._synonyms,
            self._translations,
            self._years,
            self._term_languages,
        ):
            table.get()
        self._answer_types.warm_up()
        self._acronyms.warm_up()
        # wordfreq reads a language's word list on its first look-up (about 0.5 s for three).
        for language in ("en", "de", "zh"):
            wordfreq.zipf_frequency("guangdong", language)

    def _result(self, passage_id: int, score: float, wanted: set[str]) -> SearchResult:
        """The passage as a result, with the words of it whose term is ``wanted``."""
        passage = self._corpus.passages[passage_id]
        document = self._corpus.document(passage.document_id).info
        tokens = self._tokenizer.tokens(passage.text, passage.language) if wanted else []
        return search_result(passage, document, score, wanted, tokens)


def _distinct(expansions: Sequence[Expansion]) -> list[Expansion]:
    """Each note once: a word the question writes twice ("AI funds for AI chips") is one."""
    return list({(e.original, tuple(e.added)): e for e in expansions}.values())
