"""People a question names: which officials, by which words, and their other spellings.

``OfficialNames`` is the one place that finds officials in a question: by any spelling of their
name (Latin, Chinese, with tone marks: "Zhāng Jìnsōng"), by a run of Chinese characters whose
pinyin is their name (黄坤明 is Huang Kunming though the corpus never writes it so), or by a
title only they hold ("the governor"). Each is a ``NameMention`` with the other spellings of the
name. The searcher then finds the question's words naming each person (``find_people``): those
words are scored and judged apart (see ``ranking`` and ``answerability``), and the person's
other spellings count wherever the question's own does ("张劲松" also finds "Zhang Jinsong").
Words asking about the person themself ("Welches Amt hat Meng Fanli?") are not a subject
(``retrieval/data/person-question-words.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

from retrieval.folding import compact, fold, fold_in_place
from retrieval.models import Expansion, Official
from retrieval.scripts import HAN, has_han
from retrieval.search.known_terms import KnownTerms
from retrieval.search.lazy import Lazy
from retrieval.search.query_words import ResolvedWord
from retrieval.tokenize import Tokenizer, read_word_list

# Words that ask about a person the question names ("Welches Amt hat Meng Fanli?"), not a subject.
PERSON_QUESTION_WORDS_FILE = Path(__file__).parents[1] / "data" / "person-question-words.txt"
# A title of at most this many words, held by one official alone ("Governor", "General
# Secretary"), names that official in a question; longer titles are subjects in themselves.
_NAMING_TITLE_WORDS = 2
# A Chinese name is two to four characters.
_NAME_CHARACTERS = 4


@dataclass(frozen=True)
class NameMention:
    """A person the question names, as it names them ("张劲松", "the governor"'s "Governor"),
    with the other spellings of that person's name to search for as well."""

    mention: str
    spellings: tuple[str, ...] = ()
    # (document id, paragraph) of each paragraph where the corpus gives this person's words.
    spoken_in: frozenset[tuple[str, int]] = frozenset()


@dataclass(frozen=True)
class _NamePattern:
    pattern: re.Pattern[str]
    official: Official
    by_title: bool  # the pattern is a title only this official holds


def _spoken_in(official: Official) -> frozenset[tuple[str, int]]:
    """The paragraphs holding a statement of ``official``: a report names the speaker once
    per paragraph, so the paragraph, not the one sentence, is what they said."""
    return frozenset((s.document, s.paragraph) for s in official.statements)


class OfficialNames:
    """Finds the officials of a directory in questions."""

    def __init__(self, officials: Sequence[Official]) -> None:
        self._officials = list(officials)
        self._patterns = Lazy(self._build_patterns)
        self._pinyin_names = Lazy(lambda: {compact(o.name): o for o in self._officials})

    def mentions(self, question: str) -> list[NameMention]:
        """The officials ``question`` names, by any spelling (Latin, Chinese, with tone marks)
        or by a title only they hold, each with the other spellings of their name."""
        folded = fold_in_place(question)
        mentions: dict[str, NameMention] = {}
        for found in self._patterns.get():
            match = found.pattern.search(folded)
            official = found.official
            if match is None or official.name in mentions:
                continue  # the first spelling found stands for the official
            mention = question[match.start() : match.end()]
            spellings = [official.name, *official.aliases]
            if found.by_title:
                # "Governor Wang": the name part beside the title names the same person.
                parts = {fold_in_place(p) for s in spellings for p in s.split()}
                mention = " ".join(
                    [mention]
                    + [
                        question[m.start() : m.end()]
                        for m in re.finditer(r"\w+", folded)
                        if m.group() in parts
                    ]
                )
            else:
                said = fold_in_place(mention)
                spellings = [s for s in spellings if fold_in_place(s) != said]
            mentions[official.name] = NameMention(mention, tuple(spellings), _spoken_in(official))
        for mention, official in self._names_in_characters(question):
            if official.name not in mentions:
                spellings = [official.name, *official.aliases]
                mentions[official.name] = NameMention(
                    mention, tuple(spellings), _spoken_in(official)
                )
        return list(mentions.values())

    def _names_in_characters(self, question: str) -> list[tuple[str, Official]]:
        """Officials whose Latin name a run of Chinese characters reads as, in pinyin."""
        if not has_han(question):
            return []
        pinyin_names = self._pinyin_names.get()
        found: list[tuple[str, Official]] = []
        for run in re.finditer(rf"[{HAN}]+", question):
            text = run.group()
            syllables = lazy_pinyin(text, errors="ignore")
            if len(syllables) != len(text):
                continue  # a character without a reading: offsets would not line up
            for start in range(len(text)):
                for end in range(start + 2, min(start + _NAME_CHARACTERS, len(text)) + 1):
                    official = pinyin_names.get("".join(syllables[start:end]))
                    if official is not None:
                        found.append((text[start:end], official))
        return found

    def _build_patterns(self) -> list[_NamePattern]:
        """A pattern for each spelling of each official's name, then for each naming title."""
        holders: dict[str, set[str]] = {}
        for official in self._officials:
            for held in official.titles:
                holders.setdefault(fold_in_place(held.title), set()).add(official.name)
        patterns: list[_NamePattern] = []
        for official in self._officials:
            for spelling in dict.fromkeys([official.name, *official.aliases]):
                patterns.append(_NamePattern(_word_pattern(spelling), official, False))
        for official in self._officials:
            for title in dict.fromkeys(fold_in_place(t.title) for t in official.titles):
                if len(title.split()) <= _NAMING_TITLE_WORDS and len(holders[title]) == 1:
                    patterns.append(_NamePattern(_word_pattern(title), official, True))
        return patterns


def _word_pattern(spelling: str) -> re.Pattern[str]:
    """Matches ``spelling`` folded, as whole words (Chinese: anywhere), spaces flexible."""
    words = [re.escape(part) for part in fold_in_place(spelling).split()]
    body = r"\s*".join(words) if has_han(spelling) else r"\s+".join(words)
    return re.compile(body if has_han(spelling) else rf"(?<!\w){body}(?!\w)")


# ---- the question's words naming people ---------------------------------------------------


@dataclass(frozen=True)
class NameSpellings:
    """Words of the question that name someone, and the terms of each other spelling of it."""

    words: frozenset[int]  # positions in the resolved words
    spellings: tuple[tuple[str, ...], ...]


def find_people(
    words: Sequence[ResolvedWord],
    names: Sequence[NameMention],
    tokenizer: Tokenizer,
    known: KnownTerms,
) -> tuple[list[NameSpellings], list[Expansion]]:
    """The question's words naming each person, with the known terms of their other
    spellings; and the expansions to report (the spellings searched for)."""
    people: list[NameSpellings] = []
    expansions: list[Expansion] = []
    for name in names:
        mention = [
            q for q in tokenizer.query_terms(name.mention, whole=[name.mention]) if not q.stopword
        ]
        surfaces = {fold(q.surface) for q in mention}
        # By term too: a misspelt "Govenor", corrected, still names the governor.
        terms = {known.term(q) for q in mention if not q.optional} - {None}
        positions = frozenset(
            i
            for i, w in enumerate(words)
            if w.weight > 0 and (fold(w.query.surface) in surfaces or w.term in terms)
        )
        if not positions:
            continue
        spellings: list[tuple[str, ...]] = []
        written: list[str] = []
        for spelling in name.spellings:
            found = known.phrase(spelling)
            if found is not None:
                spellings.append(found)
                written.append(spelling)
        people.append(NameSpellings(positions, tuple(spellings)))
        if written:
            expansions.append(Expansion(original=name.mention, added=written))
    return people, expansions


def read_person_question_words(path: Path = PERSON_QUESTION_WORDS_FILE) -> frozenset[str]:
    """The words asking about a person (folded), from the editable list (see the file)."""
    return frozenset(map(fold, read_word_list(path)))


def without_person_question_words(
    words: Sequence[ResolvedWord], naming: Collection[int], person_question_words: frozenset[str]
) -> list[ResolvedWord]:
    """``words`` with those asking about the person named ("Amt" in "Welches Amt hat Meng
    Fanli?") weighing nothing: the office asked about is the person's, and a passage naming
    them answers it; the question is about the person alone."""
    if not naming:
        return list(words)
    return [
        ResolvedWord(w.query, None, 0.0)
        if i not in naming and fold(w.query.surface) in person_question_words
        else w
        for i, w in enumerate(words)
    ]
