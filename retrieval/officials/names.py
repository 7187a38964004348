"""Chinese personal names in Latin script and in characters: recognising and linking them.

pypinyin gives the readings of the characters, so 张劲松 can be linked to "Zhang Jinsong"
without a list of known people; heteronyms (劲 jìn/jìng) are all tried.
"""

from __future__ import annotations

import itertools
from functools import cache

from pypinyin import Style, lazy_pinyin, pinyin

from retrieval.folding import compact, fold
from retrieval.officials.vocabulary import Vocabulary

_MAX_READINGS = 64  # heteronym combinations tried per name; names are 2-4 characters


def split_pinyin(word: str, syllables: frozenset[str], max_syllables: int = 3) -> bool:
    """Whether ``word`` ("Weizhong", "Xi'an", "Jin-song") is 1..max_syllables pinyin syllables."""
    letters = fold(word).replace("'", "").replace("’", "").replace("-", "")
    if not letters.isalpha() or not letters.isascii():
        return False

    @cache
    def fits(start: int, left: int) -> bool:
        if start == len(letters):
            return True
        if left == 0:
            return False
        return any(
            letters[start:end] in syllables and fits(end, left - 1)
            for end in range(min(len(letters), start + 6), start, -1)
        )

    return fits(0, max_syllables)


def romanise(name: str, vocabulary: Vocabulary) -> str:
    """The pinyin of a name in characters, surname first: 张劲松 -> "Zhang Jinsong"."""
    surnames = vocabulary.surnames.longest_character_prefixes(name)
    if surnames:
        surname = surnames[0]
        family = vocabulary.surnames.by_characters[surname]
        given = "".join(_char_readings(name[len(surname) :]))
    else:
        syllables = _char_readings(name)
        family, given = (syllables[0] if syllables else ""), "".join(syllables[1:])
    return f"{family.capitalize()} {given.capitalize()}".strip()


def _char_readings(text: str) -> list[str]:
    """Each character's everyday reading: names are not words, so no phrase dictionary
    (lazy_pinyin reads 劲松 as the word jìngsōng, the name 张劲松 is Zhang Jinsong)."""
    return [syllable for char in text for syllable in lazy_pinyin(char, errors="ignore")]


def readings(name: str, vocabulary: Vocabulary) -> set[str]:
    """Every compact pinyin reading of a name in characters: 张劲松 -> {"zhangjinsong", ...}."""
    options: list[list[str]] = []
    rest = name
    surnames = vocabulary.surnames.longest_character_prefixes(name)
    if surnames:
        surname = surnames[0]
        rest = name[len(surname) :]
        surname_forms = {compact(vocabulary.surnames.by_characters[surname])}
        surname_forms.update(
            compact("".join(combo))
            for combo in itertools.product(
                *pinyin(surname, style=Style.NORMAL, heteronym=True, errors="ignore")
            )
        )
        options.append(sorted(surname_forms))
    # Character by character: the phrase dictionary would give one reading of 劲松 (jìng sōng)
    # where a name may use another (Zhang Jinsong).
    for char in rest:
        options.extend(pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore"))
    found: set[str] = set()
    for combo in itertools.islice(itertools.product(*options), _MAX_READINGS):
        found.add(compact("".join(combo)))
    return found


def canonical_latin(surname: str, given: str) -> str:
    """Surname and given name as a reader expects them: "WANG", "Weizhong" -> "Wang Weizhong"."""
    family = surname if not surname.isupper() else surname.capitalize()
    return f"{family} {given}"
