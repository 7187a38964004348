"""Chinese text as the index sees it: one script, without inline pinyin, offsets kept.

- Traditional and simplified characters are one language to the search: a run of Chinese
  characters is folded to simplified (廣東 -> 广东, 萬億 -> 万亿) before segmentation, on both
  sides of a search, with OpenCC's Hong Kong-to-simplified conversion (``hk2s``: traditional
  characters and the Hong Kong variant forms; mainland text is left as it is). Only index terms
  are folded: quotes stay as written, so folding never changes a run's length. OpenCC converts
  phrase by phrase and almost always one character for one; a run whose conversion changes its
  length is converted character by character instead.
- Ruby annotations flattened into the text ("產(chǎn)業(yè)": a pinyin syllable in parentheses
  right after a character) belong to the run they annotate and are dropped from the folded
  text, so "產業" is one word again; each character's span covers its annotation.

OpenCC (the project's official binding, Apache-2.0) ships its dictionaries inside the package.
Only Chinese characters are passed to it (valid UTF-8 by construction).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from retrieval.pinyin import pinyin_syllables
from retrieval.scripts import HAN, HAN_RUN

# Traditional characters and Hong Kong variants (衞, 綫) to simplified; see the docstring.
_CONVERSION = "hk2s"
# Part of the tokenizer's version: another OpenCC release may fold differently.
FOLDING_VERSION = f"opencc{version('OpenCC')}-{_CONVERSION}"

_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def _tone_vowel(syllable: str) -> int | None:
    """Where pinyin puts a syllable's tone mark: on a or e, on the o of "ou", else on the last
    vowel ("guī", "liù")."""
    for vowel in "ae":
        if vowel in syllable:
            return syllable.index(vowel)
    if "ou" in syllable:
        return syllable.index("o")
    vowels = [i for i, char in enumerate(syllable) if char in "iouü"]
    return vowels[-1] if vowels else None


def syllable_spellings(syllable: str) -> set[str]:
    """The ways a toneless syllable is written: bare, with each tone mark, with ü for v
    ("lv" -> "lv", "lü", "lǜ", ...)."""
    plain = {syllable}
    if "v" in syllable:
        plain.add(syllable.replace("v", "ü"))
    spellings = set(plain)
    for form in plain:
        position = _tone_vowel(form)
        if position is None:
            continue
        for marked in _TONE_MARKS[form[position]]:
            spellings.add(form[:position] + marked + form[position + 1 :])
    return spellings


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, as a trie: quick to try and to compile
    for the two thousand spellings of the pinyin syllables."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_SYLLABLE = _alternation(
    spelling for syllable in pinyin_syllables() for spelling in syllable_spellings(syllable)
)
# One pinyin syllable in parentheses, lower case, tone marks or a tone number optional.
ANNOTATION = rf"\({_SYLLABLE}[1-5]?\)"
# A run of Chinese characters, each perhaps followed by its pinyin: "產(chǎn)業(yè)發展".
ANNOTATED_HAN_RUN = rf"(?:[{HAN}](?:{ANNOTATION})?)+"
_ANNOTATION = re.compile(ANNOTATION)


class _Converter:
    """OpenCC's converter, loaded on first use (a few milliseconds), once across threads; its
    conversions are thread-safe."""

    def __init__(self) -> None:
        self._converter: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._converter is None:
            with self._lock:
                if self._converter is None:
                    import opencc

                    self._converter = opencc.OpenCC(_CONVERSION)
        return self._converter


_CONVERTER = _Converter()


def simplified_characters(run: str) -> str:
    """A run of Chinese characters in simplified script, as long as ``run``: phrase by phrase,
    or character by character where a phrase's conversion changes its length."""
    converted: str = _CONVERTER.get().convert(run)
    if len(converted) == len(run):
        return converted
    return "".join(_simplified_character(char) for char in run)


@lru_cache(maxsize=1 << 14)
def _simplified_character(char: str) -> str:
    converted: str = _CONVERTER.get().convert(char)
    return converted if len(converted) == 1 else char


def to_simplified(text: str) -> str:
    """``text`` with its Chinese characters in simplified script, the same length (offsets
    into it are offsets into ``text``): 陳小明 -> 陈小明. Nothing else is touched."""
    return HAN_RUN.sub(lambda match: simplified_characters(match.group()), text)


@dataclass(frozen=True, slots=True)
class FoldedRun:
    """A run of Chinese characters as segmentation sees it: simplified, without annotations.

    ``starts[i]`` and ``ends[i]`` are the span in the original text of character ``i`` of
    ``text``, its annotation included.
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of ``text[start:end]`` (``end`` > ``start``)."""
        return self.starts[start], self.ends[end - 1]


def fold_han_run(text: str, start: int, end: int) -> FoldedRun:
    """The folded form of the run ``text[start:end]`` matched by ``ANNOTATED_HAN_RUN``."""
    run = text[start:end]
    if "(" not in run:
        return FoldedRun(simplified_characters(run), range(start, end), range(start + 1, end + 1))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for annotation in _ANNOTATION.finditer(run):
        for offset in range(position, annotation.start()):
            chars.append(run[offset])
            starts.append(start + offset)
            ends.append(start + offset + 1)
        if ends:
            ends[-1] = start + annotation.end()  # the character's span covers its pinyin
        position = annotation.end()
    for offset in range(position, len(run)):
        chars.append(run[offset])
        starts.append(start + offset)
        ends.append(start + offset + 1)
    return FoldedRun(simplified_characters("".join(chars)), starts, ends)
