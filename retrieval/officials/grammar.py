"""What the officials extractor knows of sentence structure, shared by both of its passes.

Words with their offsets, titles ("[article] modifier* head", from the title vocabulary), speech
verbs (from the speech-verb vocabulary, German separable verbs included) and Chinese speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from retrieval.folding import fold
from retrieval.officials.vocabulary import Vocabulary

# A word: letters, possibly joined by hyphens or apostrophes ("CPC-Guangdong-Komitees", "Xi'an"),
# but a possessive "’s" is not part of the word.
WORD = re.compile(r"[^\W\d_]+(?:[-'’](?!s\b)[^\W\d_]+)*")
ARTICLES = frozenset(("the", "a", "an", "der", "die", "das", "des", "dem", "den", "ein", "eine"))
# 在新闻发布会上表示 / 在会上指出: a place or occasion between a Chinese name and its speech verb.
_OCCASION = re.compile(r"在[^，,。！？；;]{0,20}?(?:上|时|中|期间)[，,]?")
_OCCASION_MAX_CHARS = 24  # the longest text _OCCASION matches


@dataclass(frozen=True)
class Word:
    """A word of the document with its offsets."""

    start: int
    end: int
    text: str

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


class Grammar:
    """Title and speech-verb tests over one :class:`Vocabulary`."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.zh_verbs = vocabulary.speech.zh_verbs
        # How far after a Chinese name its speech verb can start: a name is tested at every
        # character of a Han run, so the test looks at this much text, never the rest of it.
        self._zh_speaker_window = (
            max(map(len, vocabulary.titles.zh_honorifics), default=0)
            + _OCCASION_MAX_CHARS
            + max(map(len, self.zh_verbs), default=0)
        )

    def opens_title(self, words: list[Word]) -> bool:
        """Whether the words open with [article] modifier* head: "the deputy director of"."""
        titles = self.vocabulary.titles
        folded = [w.folded for w in words[: titles.max_head_words + 5]]
        start = 1 if folded and folded[0] in ARTICLES else 0
        for position in range(start, min(start + 4, len(folded))):
            if titles.head_at(folded, position):
                return True
            if folded[position] not in titles.modifiers:
                return False
        return False

    def first_speech_verb(self, words: list[Word]) -> int | None:
        """Index of the first word that starts a speech verb, if any."""
        folded = [w.folded for w in words]
        for index in range(len(folded)):
            if self.verb_at(folded, index, contiguous=True):
                return index
        return None

    def verb_at(self, folded: list[str], index: int, *, contiguous: bool) -> bool:
        """Whether a speech verb starts at ``folded[index]`` (its particle may come later)."""
        for verb in self.vocabulary.speech.verbs:
            if tuple(folded[index : index + len(verb)]) == verb:
                return True
            # German separable verbs: "hob die Rolle der Industrie hervor".
            if (
                not contiguous
                and len(verb) == 2
                and folded[index] == verb[0]
                and verb[1] in folded[index + 1 :]
            ):
                return True
        return False

    def strip_title_words(self, words: list[Word]) -> int:
        """How many of ``words`` are left once a title and forms of address at the end go."""
        titles = self.vocabulary.titles
        folded = [w.folded for w in words]
        end = len(words)
        while end and folded[end - 1].rstrip(".") in titles.honorifics:
            end -= 1
        head = titles.head_ending_at(folded, end)
        if head:
            end -= head
            while end and (
                folded[end - 1] in titles.modifiers
                or (words[end - 1].capitalised and folded[end - 1] not in titles.stop_words)
            ):
                end -= 1
        return end

    def is_chinese_speaker(self, text: str, position: int, limit: int) -> bool:
        """Whether a name ending at ``position`` is followed by a Chinese speech verb."""
        rest = text[position : min(limit, position + self._zh_speaker_window)]
        for honorific in self.vocabulary.titles.zh_honorifics:
            if rest.startswith(honorific):
                rest = rest[len(honorific) :]
                break
        occasion = _OCCASION.match(rest)
        if occasion:
            rest = rest[occasion.end() :]
        return rest.startswith(self.zh_verbs)


def words_in(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text[start:end]``, with offsets into ``text``."""
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def clause_end(text: str, start: int, limit: int) -> int:
    """End of an appositive: the next comma, semicolon or colon outside parentheses."""
    depth = 0
    for position in range(start, limit):
        char = text[position]
        if char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                return position
            depth -= 1
        elif depth == 0 and char in ",;:":
            return position
    return limit


def is_surname_shape(word: str) -> bool:
    """Capitalised like a surname: "Wang" or "WANG"."""
    return len(word) >= 2 and word.isalpha() and (word.istitle() or word.isupper())
