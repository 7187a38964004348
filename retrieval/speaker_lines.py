"""Whether a line of its own names a person and their office: who delivered a report or speech.

A government work report or a speech carries its speaker on a line of its own under the title,
"NAME, Office" ("LI Ming, Mayor of Harbourtown") or in Chinese "Office NAME" ("港城市市长 李明").
The line has the shape of a heading (short, no final stop), but it is the answer to "who
delivered it?": content, not boilerplate. What counts as a name and an office is the officials
vocabulary (``retrieval/officials/vocabulary.py``: Chinese surnames, title head words and their
modifiers, names that are places); nothing here names a person.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from retrieval.folding import fold
from retrieval.scripts import HAN

if TYPE_CHECKING:
    from retrieval.officials.vocabulary import Vocabulary

# "NAME, office": two to four capitalised words (initials allowed), a comma or a dash, the rest.
_LATIN_SHAPE = re.compile(
    r"(?P<name>[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3})\s*(?:[,，]|\s[–—-])\s*(?P<office>\S.*)"
)
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’-]*\.?")
# "Office NAME" or "NAME Office" in Chinese: Han characters, one separator at most.
_HAN_SHAPE = re.compile(rf"[{HAN}]+(?:[\s\u3000]+|[:：])?[{HAN}]+")
_MAX_LATIN_WORDS = 20
_MAX_HAN_CHARS = 30
_MAX_OFFICE_WORDS = 6
_PREPOSITIONS = frozenset(
    {"of", "at", "for", "in", "to", "on", "des", "der", "von", "vom", "bei", "im", "am", "für"}
)
_SENTENCE_END = (".", "!", "?", "。", "！", "？", ";", "；")


def is_speaker_line(text: str) -> bool:
    """Whether ``text`` is a person's name with their office, and nothing else."""
    line = text.strip()
    if not line or line.endswith(_SENTENCE_END):
        return False
    latin = _LATIN_SHAPE.fullmatch(line)
    if latin is not None and len(line.split()) <= _MAX_LATIN_WORDS:
        return _is_latin_speaker(latin.group("name"), latin.group("office"))
    if len(line) <= _MAX_HAN_CHARS and _HAN_SHAPE.fullmatch(line):
        return _is_han_speaker(line)
    return False


def _vocabulary() -> Vocabulary:
    # Imported when a line has the shape: the officials package is not needed for most pages.
    from retrieval.officials.vocabulary import load_vocabulary

    return load_vocabulary()


def _is_latin_speaker(name: str, office: str) -> bool:
    vocabulary = _vocabulary()
    titles = vocabulary.titles
    words = name.split()
    folded = [fold(word).rstrip(".") for word in words]
    if not all(_NAME_WORD.fullmatch(word) for word in words):
        return False
    if any(
        word in titles.modifiers or word in titles.stop_words or titles.head_at([word], 0)
        for word in folded
    ):
        return False  # "Deputy Director, ...", "The Governor, ...": an office, not a name
    if " ".join(folded) in vocabulary.not_names:
        return False
    # The office phrase runs to its first preposition ("Governor of ...", "founder and
    # chairman of ..."): a head word must stand in it.
    office_words = fold(office).replace("-", " ").split()
    phrase: list[str] = []
    for word in office_words[:_MAX_OFFICE_WORDS]:
        if word in _PREPOSITIONS:
            break
        phrase.append(word)
    return any(titles.head_at(phrase, position) for position in range(len(phrase)))


def _is_han_speaker(line: str) -> bool:
    vocabulary = _vocabulary()
    parts = re.split(r"[\s\u3000:：]+", line)
    if len(parts) == 2:
        first, second = parts
        return (_ends_in_office(first, vocabulary) and _is_han_name(second, vocabulary)) or (
            _is_han_name(first, vocabulary) and _ends_in_office(second, vocabulary)
        )
    # No separator: the office's head, then a name to the end of the line ("…市长李明").
    for head in vocabulary.titles.zh_heads:
        position = line.rfind(head)
        if position > 0 and _is_han_name(line[position + len(head) :], vocabulary):
            return True
    return False


def _ends_in_office(text: str, vocabulary: Vocabulary) -> bool:
    return len(text) > 1 and text.endswith(vocabulary.titles.zh_heads)


def _is_han_name(text: str, vocabulary: Vocabulary) -> bool:
    """A Chinese surname and a given name of one or two characters."""
    for surname in vocabulary.surnames.longest_character_prefixes(text):
        if 1 <= len(text) - len(surname) <= 2:
            return True
    return False
