"""Whether a Latin word reads as Chinese pinyin: "Weizhong", "Kunming", "Lan", "Meng".

Such a word is most likely a Chinese name, so the English and German word-form rules (dictionary
lemmas, compound splitting) leave it as written: a dictionary reads "Lan" and "Lun" as forms of
"lin", "Meng" as a form of "mengen", and would merge names that differ.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# A given name, a place name or a whole name written as one word: at most three syllables.
MAX_NAME_SYLLABLES = 3
_LONGEST_SYLLABLE = 6  # "zhuang", "shuang"


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows ("zhong", "lu", "lv"), interjections
    without a vowel ("m", "hng") left out."""
    from pypinyin import pinyin_dict  # on first use: pypinyin takes a tenth of a second to load

    readings: set[str] = set()
    for value in pinyin_dict.pinyin_dict.values():
        readings.update(value.split(","))
    syllables: set[str] = set()
    for reading in readings:
        decomposed = unicodedata.normalize("NFD", reading)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        if plain.isascii() and plain.isalpha() and any(vowel in plain for vowel in "aeiou"):
            syllables.add(plain)
    # ü is written u, v or yu in Latin names: Lü, Lv, Lyu.
    syllables.update({"lv", "nv", "lve", "nve", "lyu", "nyu"})
    return frozenset(syllables)


def reads_as_pinyin(word: str, max_syllables: int = MAX_NAME_SYLLABLES) -> bool:
    """Whether the folded ``word`` is one to ``max_syllables`` pinyin syllables."""
    if not word.isascii() or not word.isalpha():
        return False
    syllables = pinyin_syllables()
    # fewest[i]: the fewest syllables that spell word[:i] (None: none do).
    fewest: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            before = fewest[start]
            if before is not None and word[start:end] in syllables:
                count = before + 1
                current = fewest[end]
                fewest[end] = count if current is None else min(current, count)
    spelled = fewest[len(word)]
    return spelled is not None and spelled <= max_syllables
