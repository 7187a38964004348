"""What a question asks for, and which passages hold that kind of answer.

"How many high-tech firms ...?" asks for a figure, "Who delivered the work report?" for a
person, "What did the governor say about robotics?" for what a person said: among passages that
share as many of its words, the one holding a figure (a name, the person's words) is more likely
the answer than one restating the topic. This is the expected answer type of question answering
systems (Moldovan et al. 2000), kept coarse: three types, read from how a question asks
(``retrieval/data/answer-types.toml``), and what a passage holds:

- a figure: a number that is not a year, a date, a time of day or an ordinal ("the 136th
  session", "am 8. November", "5月12日");
- a person: a name the officials scanner finds in the passage's document within the passage
  (a surname from the list with a pinyin given name, or a Chinese name next to a title or a
  speech verb), official or not;
- a statement: the passage is in a paragraph where the corpus gives the words of a person the
  question names (their statements, ``NameMention.spoken_in``).

The ranking multiplies a passage of the asked type by 1 + ``RankingWeights.answer_type``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from retrieval.folding import fold
from retrieval.models import Passage
from retrieval.officials.scan import DocumentLike, DocumentScanner
from retrieval.officials.vocabulary import load_vocabulary
from retrieval.scripts import has_han
from retrieval.search.searchable import SearchableCorpus, document_ids

ANSWER_TYPES_FILE = Path(__file__).parents[1] / "data" / "answer-types.toml"
NUMBER = "number"
PERSON = "person"
STATEMENT = "statement"
# How far "which" may stand before its person noun: "Which Shenzhen Daily journalist".
_WHICH_SPAN = 4

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|"
    "oktober|dezember"
)
# Numbers that are no figure: years, dates, times of day, ordinals. Removed before looking for
# one that is.
_NOT_FIGURES = re.compile(
    rf"(?ix)"
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}"  # 2022-12-28
    rf"|\d{{1,2}}:\d{{2}}(?::\d{{2}})?"  # 07:50
    rf"|\d{{1,2}}月\d{{1,2}}日|\d{{1,2}}月|\d{{1,2}}日"  # 5月12日
    rf"|第\d+"  # 第136届
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # November 3, Nov. 6th
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{_MONTHS})\b"  # 3. November, 19th Feb
    rf"|\b\d+(?:st|nd|rd|th)\b"  # 136th
    rf"|\b\d{{1,3}}\.(?=\s+\w)"  # German ordinal: "134. Kanton-Messe"
    rf"|(?<!\d)(?:19|20)\d{{2}}(?:年)?(?!\d)"  # 2023, 2023年
)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class AnswerTypeRules:
    """The ways of asking for each type (see ``retrieval/data/answer-types.toml``)."""

    phrases: dict[str, tuple[str, ...]]  # type -> phrases, any language
    which: tuple[str, ...]
    person_nouns: tuple[str, ...]
    form: tuple[str, ...] = ()  # phrases that only ask ("how high"): not what is asked about
    verbs: tuple[str, ...] = ()  # end the noun phrase after "which" ("What did the governor")

    @classmethod
    def load(cls, path: Path = ANSWER_TYPES_FILE) -> AnswerTypeRules:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        phrases = {
            kind: tuple(
                fold(p)
                for language, listed in data.get(kind, {}).items()
                if isinstance(listed, list)
                for p in listed
            )
            for kind in (NUMBER, PERSON, STATEMENT)
        }
        person = data.get(PERSON, {})
        which = tuple(fold(w) for words in person.get("which", {}).values() for w in words)
        nouns = tuple(fold(n) for words in person.get("nouns", {}).values() for n in words)
        verbs = tuple(fold(v) for words in person.get("verbs", {}).values() for v in words)
        form = data.get(NUMBER, {}).get("form", {})
        return cls(
            phrases,
            which,
            nouns,
            tuple(fold(p) for words in form.values() for p in words),
            verbs,
        )

    def warm_up(self) -> None:
        """Compile the phrases' patterns now, not on the first question (about 10 ms)."""
        _ = self._patterns, self._by_kind

    def form_words(self, question: str) -> frozenset[str]:
        """The words of ``question`` that only say how it asks ("wie", "hoch" of "Wie hoch
        war das BIP?"), folded: not what it asks about."""
        folded = fold(question)
        return frozenset(
            word
            for phrase in self.form
            if _says(folded, phrase, self._pattern)
            for word in phrase.split()
        )

    def asked(self, question: str) -> str | None:
        """The type of answer ``question`` asks for (``PERSON``, ``NUMBER``, ``STATEMENT``),
        or None."""
        folded = fold(question)
        words = re.findall(r"\w+", folded)
        if self._asks_person(folded, words):
            return PERSON
        if self._says_any(folded, NUMBER):
            return NUMBER
        if self._says_any(folded, STATEMENT):
            return STATEMENT
        return None

    def _says_any(self, folded: str, kind: str) -> bool:
        latin, chinese = self._by_kind[kind]
        return any(phrase in folded for phrase in chinese) or (
            latin is not None and latin.search(folded) is not None
        )

    @cached_property
    def _by_kind(self) -> dict[str, tuple[re.Pattern[str] | None, tuple[str, ...]]]:
        """Each type's Latin phrases as one whole-word pattern (a question is read for dozens
        of them: one search instead of one each), and its Chinese phrases, found anywhere."""
        by_kind: dict[str, tuple[re.Pattern[str] | None, tuple[str, ...]]] = {}
        for kind, listed in self.phrases.items():
            latin = [p for p in listed if not has_han(p)]
            pattern = "|".join(re.escape(p) for p in latin)
            by_kind[kind] = (
                re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if latin else None,
                tuple(p for p in listed if has_han(p)),
            )
        return by_kind

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        """Each Latin phrase as a whole-word pattern, compiled once: ``form_words`` needs to
        know which phrases a question says, not only whether it says one."""
        phrases = {p for listed in self.phrases.values() for p in listed} | set(self.form)
        return {p: re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p in phrases if not has_han(p)}

    def _pattern(self, phrase: str) -> re.Pattern[str]:
        return self._patterns.get(phrase) or re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")

    def _asks_person(self, folded: str, words: list[str]) -> bool:
        if self._says_any(folded, PERSON):
            return True
        for position, word in enumerate(words):
            if word in self.which:
                following = words[position + 1 : position + 1 + _WHICH_SPAN]
                # The noun phrase asked about ends at its verb: "What did the governor say?"
                # asks what was said, not who.
                verb = next((i for i, w in enumerate(following) if w in self.verbs), None)
                if any(noun in following[:verb] for noun in self.person_nouns):
                    return True
        return False


def _says(folded: str, phrase: str, pattern: Callable[[str], re.Pattern[str]]) -> bool:
    """Does ``folded`` say ``phrase`` (Chinese: anywhere; else as whole words)?"""
    if has_han(phrase):
        return phrase in folded
    return pattern(phrase).search(folded) is not None


def has_figure(text: str) -> bool:
    """Does ``text`` hold a figure: a number that is not a year, date, time or ordinal?"""
    return _DIGIT.search(_NOT_FIGURES.sub(" ", text)) is not None


def figure_flags(passages: Sequence[Passage]) -> np.ndarray:
    """For each passage: does it hold a figure (``has_figure``)?"""
    return np.fromiter((has_figure(p.text) for p in passages), bool, len(passages))


def person_flags(
    passages: Sequence[Passage], names: dict[str, list[tuple[int, int]]]
) -> np.ndarray:
    """For each passage: does it overlap a name of a person? ``names``: the spans of the names
    found in each document (by id; offsets into its text, as passages are)."""
    return np.fromiter(
        (any(s < p.end and e > p.start for s, e in names.get(p.document_id, ())) for p in passages),
        bool,
        len(passages),
    )


class AnswerFeatures:
    """Which passages hold a figure, which a person's name: one flag each per passage."""

    def __init__(self, figure: np.ndarray, person: np.ndarray) -> None:
        self._flags = {NUMBER: figure, PERSON: person}

    @classmethod
    def of(cls, corpus: SearchableCorpus) -> AnswerFeatures:
        """The flags of every passage of ``corpus``; names are read from documents that carry
        their text and paragraphs (a corpus of bare passages has no person flags)."""
        passages = corpus.passages
        documents = [
            document
            for document in map(corpus.document, document_ids(corpus))
            if hasattr(document, "text") and hasattr(document, "paragraphs")
        ]
        return cls.from_passages(passages, documents)  # type: ignore[arg-type]

    @classmethod
    def from_passages(
        cls, passages: Sequence[Passage], documents: Sequence[DocumentLike]
    ) -> AnswerFeatures:
        scanner = DocumentScanner(load_vocabulary())
        names = {
            document.info.id: [(m.start, m.end) for m in scanner.scan(document).mentions]
            for document in documents
        }
        return cls(figure_flags(passages), person_flags(passages, names))

    def holds(self, kind: str, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: does it hold an answer of ``kind``?"""
        return self._flags[kind][ids]
