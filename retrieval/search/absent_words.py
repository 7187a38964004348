"""How much a question word the corpus lacks tells against the corpus answering it.

Users write words the documents do not: "When do the rules come into force?" where the text
says "regulations ... take effect". Such words are common words of the language, and their
absence says little; a word the language itself rarely uses ("Sichuan", "xylophones"), a name, a
figure or a code is what the question is about, and its absence says the corpus is about
something else. So an absent word weighs, on the scale of the corpus's own idf, by how rare it
is in the language at large: wordfreq's Zipf frequency (log10 of its frequency per billion
words), between ``common_zipf`` (weighs nothing) and ``rare_zipf`` (weighs as much as a word in
no passage at all), linearly between. Figures, codes, words in capitals ("NDRC") and names (a
capitalised word inside an English question) weigh fully whatever their frequency: "Paris" is
common, yet a question about it is not about Guangdong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import wordfreq

from retrieval.scripts import has_han

_POSSESSIVE = re.compile(r"['’]s$")
_CAPITALS = re.compile(r"[A-Z]{2,}")
# Languages whose nouns are capitalised: capitals say nothing about a name there.
_CAPITALISED_NOUNS = frozenset({"de"})


@dataclass(frozen=True)
class AbsentWordScale:
    """Where an absent word's weight runs from nothing to full (Zipf frequencies).

    Set together with the relevance floor on the development corpus's tuning half.
    """

    common_zipf: float = 6.0
    rare_zipf: float = 3.0

    def share(self, zipf: float) -> float:
        """The share of the full weight an absent word of this frequency carries."""
        span = self.common_zipf - self.rare_zipf
        return min(1.0, max(0.0, (self.common_zipf - zipf) / span)) if span > 0 else 1.0


def absent_word_share(
    surface: str,
    *,
    first_word: bool,
    language: str | None,
    scale: AbsentWordScale,
    chinese_name: Callable[[str], bool] | None = None,
) -> float:
    """The share of the full weight (the corpus's largest idf) that ``surface``, a question
    word the corpus lacks, carries (see the module docstring). ``chinese_name`` tells a
    Chinese name (a dictionary's proper noun: 浙江省) from a word: a name weighs fully, as a
    capitalised word in an English question does."""
    word = _POSSESSIVE.sub("", surface)
    if any(c.isdigit() for c in word) or _CAPITALS.fullmatch(word):
        return 1.0
    if has_han(word):
        if chinese_name is not None and chinese_name(word):
            return 1.0
        return scale.share(wordfreq.zipf_frequency(word, "zh"))
    if word[:1].isupper() and not first_word and language not in _CAPITALISED_NOUNS:
        return 1.0
    languages = (language,) if language in ("en", "de") else ("en", "de")
    return scale.share(max(wordfreq.zipf_frequency(word, lang) for lang in languages))
