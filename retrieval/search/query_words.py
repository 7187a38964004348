"""A question's words as index terms with weights: what the relevance floor and ranking weigh.

Each content word of the question weighs its idf (how rare, hence how telling, it is); a word
the corpus does not contain weighs by how rare it is in the language at large (``absent_words``):
"rules" where the text says "regulations" tells little, "Sichuan" that the corpus is about
something else. Stopwords weigh nothing and are dropped. A word the
index lacks is spelling-corrected when it can be (``spelling``); an acronym the corpus never
writes in capitals is a word it lacks (``acronyms``). Three exceptions keep light words light:

- an unknown one-character Chinese word (说, 事, 讲) is a light word of a question, not evidence
  that the corpus is about something else: it is dropped;
- a lone digit ("1") counts only in a question of figures alone: in lists and dates it is
  everywhere, and its BM25 in a short passage would outweigh the words asked about;
- an unknown Chinese compound whose known parts jieba found ("海外基金": 海外, 基金) is weighed
  by those parts instead: the corpus may well write them apart ("海外主权基金").
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from retrieval.folding import fold
from retrieval.index import BM25Index
from retrieval.models import Correction
from retrieval.scripts import has_han, is_han
from retrieval.search.absent_words import AbsentWordScale, absent_word_share
from retrieval.search.acronyms import Acronyms, is_acronym, is_shouted
from retrieval.search.known_terms import KnownTerms
from retrieval.search.spelling import Speller
from retrieval.tokenize import QueryTerm, Tokenizer

# The least weight a known word has: a term in more than half the passages has a floored idf
# (zero), yet it still counts a little.
_MIN_WEIGHT = 1e-6


@dataclass(frozen=True)
class ResolvedWord:
    """A query word with the index term it stands for (None: the corpus lacks it)."""

    query: QueryTerm
    term: str | None
    weight: float  # share of the question's weight; 0 for optional forms
    acronym: bool = False  # found only where the text writes ``query.surface`` in capitals


class QueryWords:
    """Turns questions into resolved words, with the spelling corrections made on the way."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        index: BM25Index,
        known: KnownTerms,
        speller: Speller,
        acronyms: Acronyms,
        scale: AbsentWordScale | None = None,
        chinese_name: Callable[[str], bool] | None = None,
        chinese_function_word: Callable[[str], bool] | None = None,
    ) -> None:
        self._scale = scale or AbsentWordScale()
        self._chinese_name = chinese_name  # is a Chinese word a name (see ``absent_words``)?
        # Is a Chinese word one of grammar (截至 "up to"): left out as a stopword is.
        self._chinese_function_word = chinese_function_word
        self._tokenizer = tokenizer
        self._index = index
        self._known = known
        self._speller = speller
        self._acronyms = acronyms

    def resolve(
        self, question: str, names: Collection[str] = (), form_words: Collection[str] = ()
    ) -> tuple[list[ResolvedWord], list[Correction]]:
        """The content words of ``question``, resolved and weighed, and the corrections made;
        ``names`` in Chinese characters stay one word each; ``form_words`` (folded) only say
        how the question asks ("wie hoch") and are left out as stopwords are."""
        index = self._index
        words: list[ResolvedWord] = []
        corrections: list[Correction] = []
        languages: tuple[str, ...] | None = None
        shouted = is_shouted(question)
        language = self._tokenizer.question_language(question)
        digits: list[ResolvedWord] = []
        for qterm in self._tokenizer.query_terms(question, whole=names):
            if qterm.stopword or fold(qterm.surface) in form_words:
                continue
            if self._is_function_word(qterm):
                continue
            term = self._known.term(qterm)
            acronym = not shouted and is_acronym(qterm.surface)
            if (
                acronym
                and term is not None
                and not self._acronyms.writes_anywhere(qterm.surface, term)
            ):
                term = None  # the corpus has "Ai" (a name), never "AI": the word is unknown
            if term is None and qterm.correctable:
                if languages is None:
                    languages = self._tokenizer.query_languages(question)
                found = self._speller.correct(qterm, languages)
                if found is not None:
                    term, written = found
                    corrections.append(Correction(original=qterm.surface, corrected=written))
            if qterm.optional:
                if term is not None:
                    words.append(ResolvedWord(qterm, term, 0.0))
                continue
            if term is None and is_han(qterm.surface):  # one Chinese character
                continue
            if term is not None and term in index:
                weight = index.idf(term)
            elif term is not None:
                weight = index.max_idf  # only a title has it: as rare as a term can be
            else:
                # A word the corpus lacks weighs by how rare it is in the language at large.
                first = question.lstrip().startswith(qterm.surface)
                share = absent_word_share(
                    qterm.surface,
                    first_word=first,
                    language=language,
                    scale=self._scale,
                    chinese_name=self._chinese_name,
                )
                weight = index.max_idf * share
            word = ResolvedWord(qterm, term, max(weight, _MIN_WEIGHT), acronym)
            if qterm.surface.isdigit() and len(qterm.surface) == 1:
                digits.append(word)
            else:
                words.append(word)
        if not any(w.weight > 0 for w in words):
            words += digits  # a question of figures alone: its digits are what it asks
        return split_unknown_compounds(words), corrections

    def _is_function_word(self, qterm: QueryTerm) -> bool:
        """Whether a Chinese question word is one of grammar (see ``chinese_function_word``)."""
        return (
            self._chinese_function_word is not None
            and not qterm.optional
            and has_han(qterm.surface)
            and self._chinese_function_word(qterm.surface)
        )

    def unwritten_share(self, question: str) -> Callable[[ResolvedWord], float]:
        """For the words of ``question``: the share of its weight a word keeps where the
        passage's language has no form of it, the share an absent word has (by its rarity in
        the question's language; names, figures and codes in full)."""
        language = self._tokenizer.question_language(question)
        start = question.lstrip()

        def share(word: ResolvedWord) -> float:
            return absent_word_share(
                word.query.surface,
                first_word=start.startswith(word.query.surface),
                language=language,
                scale=self._scale,
                chinese_name=self._chinese_name,
            )

        return share


def split_unknown_compounds(words: list[ResolvedWord]) -> list[ResolvedWord]:
    """An unknown Chinese word whose known parts jieba found ("海外基金": 海外, 基金) is
    weighed by those parts instead."""
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
            out[i] = replace(out[i], weight=share)
        out[position] = replace(word, term=None, weight=0.0)
    return [w for w in out if w.term is not None or w.weight > 0]
