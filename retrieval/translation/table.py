"""Question words in one language, searched in the others: dictionary-based query translation.

Users ask in English, German or Chinese whatever language the answer is written in. Each
question word (or run of words, longest first: 新质生产力, "foreign trade") a dictionary knows
becomes the group of its translations, scored with the word as ONE term
(``BM25Index.group_matches``, a structured query: Pirkola 1998; Darwish and Oard 2003): a word
with many translations weighs as the union of their passages, never as their sum. The
translations are those the index holds (``resolved``); a question word is looked up by the
forms it may take: a Chinese word as written (folded to simplified script), an English or
German one by its stems, a word that reads as a Chinese name in pinyin also in English.

A word no entry knows is translated by its parts when it has some: a German compound cut by
the tokenizer ("Patentanmeldungen": Patent, Anmeldung), a Chinese word by the longest
dictionary words it is written with (研发投入: 研发, 投入). The parts' translations are then
searched together, as a phrase ("patent application"), where passages hold them together.

Fan-out is limited (``max_translations`` per word and language): of a word's senses (出口:
exit, speak, export), the dictionary's main ones come first, then those the index holds most
often (the senses the corpus is about), then the shorter, then the commoner in the language at
large (wordfreq).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import wordfreq

from retrieval.index import BM25Index
from retrieval.pinyin import reads_as_pinyin
from retrieval.scripts import has_han
from retrieval.tokenize import QueryTerm, Tokenizer
from retrieval.translation.chinese_terms import MIN_CHINESE_WORD
from retrieval.translation.lexicon import WordPair
from retrieval.translation.resolved import PIVOT, Candidate, ResolvedDictionary

DEFAULT_MAX_TRANSLATIONS = 4
# Runs of question words matched against the dictionaries' phrases, longest first.
_MAX_RUN = 6
# A translation among the first senses of its dictionary entry is a main sense of the word;
# one further down ("coming" for 未来, "firm" for 扎实) yields to main senses.
_MAIN_SENSES = 3
# A German compound's part no entry knows stands for itself in English ("Patent", "Zone") when
# it is an English word at least this common (wordfreq's Zipf scale): the glossary lists only
# words the two languages spell differently.
_MIN_ENGLISH_ZIPF = 3.0
# A word read as a Chinese name in pinyin has at least this many letters ("Wuhan", not "Gang").
_MIN_NAME_LETTERS = 5


@dataclass(frozen=True)
class Translation:
    """A question word (or run of words) and the translations searched with it."""

    position: int  # the first word's place in the words given
    length: int  # how many words it covers
    source: str  # the words as the question writes them
    members: tuple[tuple[str, ...], ...]  # each translation's index terms
    phrases: tuple[str, ...]  # each translation as the dictionary writes it, same order


class TranslationTable:
    """Translates a question's words through the dictionaries resolved against one index.

    ``pairs``: the dictionaries, every one the project ships or installs unless given (a
    ``Lexicon`` keeps CC-CEDICT as read, cleaned only where asked). Built in a tenth to half a
    second, the more the more dictionary words the index holds, plus a fifth of a second once
    per process to read CC-CEDICT; safe to share between threads."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        index: BM25Index,
        pairs: Iterable[WordPair] | None = None,
        max_translations: int = DEFAULT_MAX_TRANSLATIONS,
    ) -> None:
        self._tokenizer = tokenizer
        self._index = index
        self.max_translations = max_translations
        resolved = ResolvedDictionary(tokenizer, index, pairs)
        self._chinese = resolved.chinese  # resolved when asked for
        self._latin = resolved.latin
        self.has_chinese = resolved.has_chinese
        self.is_chinese_name = resolved.is_chinese_name
        self.is_chinese_function_word = resolved.is_chinese_function_word

    # ---- questions --------------------------------------------------------------------------

    def translate(
        self, terms: Sequence[QueryTerm], language: str | None, question: str = ""
    ) -> list[Translation]:
        """The translations of a question's content words ``terms`` (stopwords and optional
        forms left out by the caller): for each word, or the first of a run of words the
        dictionaries hold as one phrase, the translations into the other languages that the
        index holds. ``language`` is the question's (None: any); ``question`` its text, to
        tell which Chinese words stand next to each other and to quote the words translated."""
        found: list[Translation] = []
        position = 0
        while position < len(terms):
            length, candidates = self._match_at(terms, position, language, question)
            if not candidates:
                length, candidates = 1, self._parts(terms[position], language)
            chosen = self._choose(candidates)
            if length == 1:
                # A name is spelled alike in English and German, but stemmed apart there
                # ("Shenzhen": "shenzhen", "shenzh"): each language's stem is searched, beside
                # the translations chosen (a name's own spelling is no sense to choose among).
                chosen += self._name_stems(terms[position], chosen)
            if chosen:
                surfaces = [t.surface for t in terms[position : position + length]]
                found.append(
                    Translation(
                        position=position,
                        length=length,
                        source=_written(question, surfaces),
                        members=tuple(c.terms for c in chosen),
                        phrases=tuple(c.phrase for c in chosen),
                    )
                )
            position += max(length, 1)
        return found

    def _match_at(
        self, terms: Sequence[QueryTerm], position: int, language: str | None, question: str
    ) -> tuple[int, Sequence[Candidate]]:
        """The longest run of words from ``position`` a dictionary phrase spells, with its
        translations ((0, []) when none does)."""
        first = terms[position]
        if _is_figure(first):
            return 0, []
        if has_han(first.surface):
            return self._match_chinese(terms, position, question)
        best_length, best = 0, list[Candidate]()
        for source in _latin_languages(first, language):
            for candidate in first.candidates:
                for key, found in self._latin.get((source, candidate), ()):
                    length = len(key)
                    if length < best_length or position + length > len(terms):
                        continue
                    following = terms[position : position + length]
                    if all(key[j] in following[j].candidates for j in range(length)):
                        if length > best_length:
                            best_length, best = length, []
                        best.extend(found)
        return best_length, best

    def _match_chinese(
        self, terms: Sequence[QueryTerm], position: int, question: str
    ) -> tuple[int, Sequence[Candidate]]:
        """The longest run of Chinese words from ``position`` that together are a dictionary
        word, written next to each other in the question (新质 + 生产力 -> 新质生产力)."""
        run = list(itertools.takewhile(lambda t: has_han(t.surface), terms[position:]))
        for length in range(min(len(run), _MAX_RUN), 0, -1):
            words = run[:length]
            if question and length > 1 and "".join(t.surface for t in words) not in question:
                continue
            written = "".join(t.candidates[0] for t in words)
            if len(written) < MIN_CHINESE_WORD:
                continue  # one character (年, 个, 要): too many senses to pick from
            found = self._chinese(written)
            if found:
                return length, found
        return 0, []

    def _parts(self, term: QueryTerm, language: str | None) -> list[Candidate]:
        """Translations of a word no entry knows, made of its parts' translations: each
        combination of one translation per part (in one language) searched as a phrase where
        passages hold its words together, else each part's translations alone."""
        if _is_figure(term):
            return []
        parts: list[Sequence[Candidate]]
        if has_han(term.surface):
            parts = [self._chinese(p) for p in self._chinese_parts(term.candidates[0])]
        elif language in (None, "de"):
            parts = [
                found
                for part in self._tokenizer.query_terms(term.surface)
                if part.optional and part.surface != term.surface
                for found in [self._match_at([part], 0, "de", "")[1] or self._as_english(part)]
                if found
            ]
        else:
            return []
        if len(parts) < 2:
            return [c for found in parts for c in found]
        combined: list[Candidate] = []
        for language_found in {c.language for found in parts for c in found}:
            options = [
                self._choose([c for c in found if c.language == language_found]) for found in parts
            ]
            for combination in itertools.product(*options):
                terms = tuple(dict.fromkeys(t for c in combination for t in c.terms))
                if self._index.group_document_frequency([terms]):
                    combined.append(
                        Candidate(
                            language_found,
                            " ".join(c.phrase for c in combination),
                            terms,
                            sum(c.rank for c in combination),
                        )
                    )
        return combined or [c for found in parts for c in found]

    def _name_stems(self, term: QueryTerm, chosen: Sequence[Candidate]) -> list[Candidate]:
        """A word that reads as a Chinese name in pinyin, German endings aside ("Shenzhens",
        "Shenzhener"), as the index holds it in English and in German."""
        base = _name_base(term.surface.lower())
        if base is None:
            return []
        found = []
        have = {c.terms for c in chosen}
        for language in ("en", "de"):
            stems = (self._tokenizer.stem(base, language),)
            if stems not in have and stems[0] in self._index:
                have.add(stems)
                found.append(Candidate(language, base, stems, 0))
        return found

    def _as_english(self, part: QueryTerm) -> list[Candidate]:
        """A compound's part no German entry knows, as the English word spelled alike
        ("Patent" of "Patentanmeldung"), when it is one and the index holds it."""
        word = part.surface.lower()
        if wordfreq.zipf_frequency(word, PIVOT) < _MIN_ENGLISH_ZIPF:
            return []
        terms = tuple(self._tokenizer.own_terms(word, PIVOT))
        if not terms or not all(t in self._index for t in terms):
            return []
        return [Candidate(PIVOT, word, terms, 0)]

    def _chinese_parts(self, word: str) -> list[str]:
        """The dictionary words ``word`` is written with, longest first from its start
        (forward maximum matching); characters no part covers are skipped."""
        parts: list[str] = []
        start = 0
        while start < len(word):
            for end in range(min(len(word), start + _MAX_RUN), start + MIN_CHINESE_WORD - 1, -1):
                if end - start < len(word) and self._chinese(word[start:end]):
                    parts.append(word[start:end])
                    start = end
                    break
            else:
                start += 1
        return parts

    def _choose(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """At most ``max_translations`` translations per language, each set of terms once: main
        senses before others, then those the index holds in the most passages (the senses the
        corpus is about), then the shorter, then the commoner in the language at large, then
        the dictionary's first."""
        unique: dict[frozenset[str], Candidate] = {}
        for candidate in candidates:
            # "time period" and "period of time" are one translation to the index.
            same = frozenset(candidate.terms)
            kept = unique.get(same)
            if kept is None or candidate.rank < kept.rank:
                unique[same] = candidate

        def order(candidate: Candidate) -> tuple[float, ...]:
            frequency = self._index.group_document_frequency([candidate.terms])
            common = wordfreq.zipf_frequency(candidate.phrase, candidate.language)
            minor = candidate.rank >= _MAIN_SENSES
            return (minor, -frequency, len(candidate.terms), -common, candidate.rank)

        chosen: list[Candidate] = []
        per_language: dict[str, int] = {}
        for candidate in sorted(unique.values(), key=order):
            if per_language.get(candidate.language, 0) < self.max_translations:
                per_language[candidate.language] = per_language.get(candidate.language, 0) + 1
                chosen.append(candidate)
        return chosen


def _latin_languages(term: QueryTerm, language: str | None) -> tuple[str, ...]:
    """The dictionaries a word in Latin script is looked up in: its question's language (English
    for a Latin word inside a Chinese question; both when the question does not tell), and
    English too for a word that reads as pinyin, a Chinese name spelled alike in English and
    German ("Shenzhen")."""
    languages: tuple[str, ...]
    if language in ("en", "de"):
        languages = (language,)
    elif language == "zh":
        languages = ("en",)
    else:
        languages = ("en", "de")
    if PIVOT not in languages and _reads_as_name(term.surface.lower()):
        languages = (*languages, PIVOT)
    return languages


def _reads_as_name(word: str) -> bool:
    """Whether a word reads as a Chinese name in pinyin, also with German's genitive "s"
    ("Guangdongs"); short words are left out (German "Gang" reads as pinyin too)."""
    if len(word) < _MIN_NAME_LETTERS:
        return False
    return reads_as_pinyin(word) or (word.endswith("s") and reads_as_pinyin(word[:-1]))


def _name_base(word: str) -> str | None:
    """The Chinese name in pinyin a word is, without the German genitive or adjective ending
    ("shenzhens", "shenzhener": "shenzhen"); None for a word that is no such name."""
    for ending in ("", "s", "er", "ers", "ern"):
        base = word[: len(word) - len(ending)] if ending else word
        if word.endswith(ending) and len(base) >= _MIN_NAME_LETTERS and reads_as_pinyin(base):
            return base
    return None


def _is_figure(term: QueryTerm) -> bool:
    """A figure or code ("2023", "4.8%", "6g"): not a word a dictionary translates."""
    return any(c.isdigit() for c in term.surface)


def _written(question: str, surfaces: Sequence[str]) -> str:
    """The stretch of ``question`` from the first to the last of ``surfaces`` as written
    ("foreign trade", stopwords included), or the surfaces joined when it cannot be found."""
    start = question.find(surfaces[0])
    end = question.find(surfaces[-1], start + len(surfaces[0]) if len(surfaces) > 1 else start)
    if start < 0 or end < 0:
        return ("" if has_han(surfaces[0]) else " ").join(surfaces)
    return question[start : end + len(surfaces[-1])]
