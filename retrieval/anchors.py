"""Anchors: what a passage and its translation write alike, whatever their languages.

A translation keeps the figures, names, codes and dates of its original; no dictionary is
needed to see that "3,45 Billionen", "3.45 trillion" and "3.45万亿" are one figure, or that
黄坤明 and "Huang Kunming" are one name. A passage's anchors are:

- **figures**, as ``Tokenizer.tokens`` reads them (language-aware: the German "1.284" is the
  English "1,284"), with the value of a figure and its magnitude ("=3.45e+12");
- **codes**, words with a digit ("6G", "AG600"; an ordinal is its number: "136th" is "136"),
  and **acronyms** ("GDP", "R&D"), folded;
- **names**: words written with a capital, folded ("Guangdong's" is "guangdong", a pinyin
  name in the German genitive, "Shenzhens", is "shenzhen"); neighbouring capitalised words
  that read as pinyin also joined ("Huang Kunming" is also "huangkunming", "Hong Kong" is
  "hongkong", as German writes it);
- in Chinese text, the **pinyin** of every two and three neighbouring characters, each in all
  its readings (张劲松: "zhangjin", "jinsong", "zhangjinsong", ...), so that a name in
  characters meets the name in Latin script;
- **dates** ("5. Februar 2025", "February 5, 2025", "2025年2月5日" are "@2025-02-05").

Most anchors of one language never occur in another (German capitalises every noun, most
pairs of characters are no name): ``retrieval.alignment`` counts those found in two languages.
Only the figures go through the tokenizer (the word after a figure may be its magnitude);
stemming every word would cost most of the time and tell nothing here.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from pypinyin import Style, pinyin

from retrieval.chinese_script import to_simplified
from retrieval.dates import find_dates
from retrieval.folding import fold
from retrieval.pinyin import reads_as_pinyin
from retrieval.scripts import HAN, HAN_RUN, has_han
from retrieval.tokenize import STOPWORDS_DIR, Tokenizer, read_word_list

# Pinyin anchors of Chinese text span this many characters: a given name is two, a whole name
# or a place name two or three.
PINYIN_SPANS = (2, 3)
# Heteronym combinations kept per span of characters (most characters have one reading).
_MAX_READINGS = 8

_LETTER_OR_DIGIT = rf"(?:(?![{HAN}])[^\W_])"
# A word: letters and digits, joined by inner hyphens, ampersands or apostrophes ("R&D",
# "Guangdong's", "Wei-zhong"); dots and commas end it (figures are read apart).
_WORD = re.compile(rf"{_LETTER_OR_DIGIT}+(?:[-‐‑&'’]{_LETTER_OR_DIGIT}+)*")
_HYPHENS = re.compile(r"[-‐‑]")
# A figure and what may tell its magnitude or unit: the next word, or a few characters.
_FIGURE = re.compile(
    rf"(?<!{_LETTER_OR_DIGIT})\d+(?:[.,'’]\d+)*(?:\s?%)?(?:\s*{_LETTER_OR_DIGIT}+|[{HAN}]{{1,4}})?"
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_BETWEEN_NAMES = re.compile(r"[ \t\u00a0]+|[-‐‑]")


def passage_anchors(text: str, language: str, tokenizer: Tokenizer) -> set[str]:
    """The anchors of a passage written in ``language`` (see the module's docstring)."""
    return written_anchors(text, language, tokenizer) | pinyin_anchors(text)


def written_anchors(text: str, language: str, tokenizer: Tokenizer) -> set[str]:
    """The anchors a passage writes: figures, codes, acronyms, names and dates."""
    anchors = _figures(text, language, tokenizer)
    anchors.update(_word_anchors(text))
    if _YEAR.search(text):  # every date ``find_dates`` reads has its year
        anchors.update("@" + date.iso for date in find_dates(text))
    return anchors


def pinyin_anchors(text: str) -> set[str]:
    """The joined pinyin of every two and three neighbouring Chinese characters of ``text``:
    what a name in characters may be written as in Latin script."""
    anchors: set[str] = set()
    for found in HAN_RUN.finditer(text):
        anchors.update(_pinyin_anchors(to_simplified(found.group())))
    return anchors


def _figures(text: str, language: str, tokenizer: Tokenizer) -> set[str]:
    """The figures of ``text`` as the index reads them: "1933", "2.26", "=2.26e+12"."""
    found: set[str] = set()
    for match in _FIGURE.finditer(text):
        found.update(
            term for term in tokenizer.tokenize(match.group(), language) if _is_figure(term)
        )
    return found


def _is_figure(term: str) -> bool:
    """Whether an index term is a figure: "1933", "2.26", "=2.26e+12"; not "4.8%", which
    repeats "4.8", nor "14万亿" (a figure and its Chinese word), nor "136th", a code."""
    return (
        (term[0].isdigit() or term[0] == "=")
        and not term.endswith("%")
        and not has_han(term)
        and not _ORDINAL.fullmatch(term)
    )


def _word_anchors(text: str) -> set[str]:
    """Codes, acronyms and names, with neighbouring pinyin names joined."""
    found: set[str] = set()
    before = ""  # the name the word before ends with, when it reads as pinyin
    before_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() and not _DIGIT.search(word):
            continue  # most words: no name, no code (and no neighbour to join: see the gap)
        names = _names(word)
        found.update(names)
        first, last = _ends(word, names)
        if before and first and _BETWEEN_NAMES.fullmatch(text[before_end : match.start()]):
            joined = before + first
            if reads_as_pinyin(joined):
                found.add(joined)  # "Huang Kunming" is 黄坤明: "huangkunming"
        before = last if last and reads_as_pinyin(last) else ""
        before_end = match.end()
    return found


def _names(word: str) -> list[str]:
    """The anchors one word gives: a code, an acronym, or a name and its capitalised parts."""
    if _DIGIT.search(word):
        if not any(char.isalpha() for char in word):
            return []  # figures ("1-11" too), read by ``_figures``
        if _ORDINAL.fullmatch(word.lower()):
            return [word[:-2]]  # "136th" is the "136." of German, the 第136 of Chinese
        return [_letters(word)]  # a code: "ag600", "6g", "covid19"
    if not word[0].isupper() or fold(word) in _stopwords():
        return []  # "The", "Die" open a sentence: no name
    if word.isupper() and "&" in word:
        return [fold(word)]  # "r&d": the sign tells it from the word "rd"
    whole = _letters(_POSSESSIVE.sub("", word))
    if whole.endswith("s") and not reads_as_pinyin(whole) and reads_as_pinyin(whole[:-1]):
        whole = whole[:-1]  # a Chinese name in the German genitive: "Shenzhens"
    names = [whole] if whole else []
    parts = _HYPHENS.split(word)
    if sum(part[:1].isupper() for part in parts) > 1:
        # "Guangdong-Hong": "guangdong", "hong" too; "Wei-zhong" is one name, "weizhong".
        names += [_letters(part) for part in parts if part[:1].isupper()]
    return names


def _ends(word: str, names: list[str]) -> tuple[str, str]:
    """The names a word starts and ends with ("Guangdong-Hong": "guangdong", "hong"), for
    joining neighbours; empty when it is no name."""
    if not names or not word[0].isupper() or _DIGIT.search(word):
        return "", ""
    if len(names) == 1:
        return names[0], names[0]
    parts = _HYPHENS.split(word)
    return names[1], _letters(parts[-1]) if parts[-1][:1].isupper() else ""


@cache
def _stopwords() -> frozenset[str]:
    """The stopwords of every language, from the tokenizer's editable lists."""
    return frozenset().union(*map(read_word_list, sorted(STOPWORDS_DIR.glob("*.txt"))))


def _letters(word: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", fold(word))


def _pinyin_anchors(run: str) -> set[str]:
    """The joined pinyin of every span of ``PINYIN_SPANS`` characters of a run of them."""
    readings = [_readings(char) for char in run]
    found: set[str] = set()
    for span in PINYIN_SPANS:
        for start in range(len(run) - span + 1):
            combos = itertools.product(*readings[start : start + span])
            found.update("".join(combo) for combo in itertools.islice(combos, _MAX_READINGS))
    return found


@cache
def _readings(char: str) -> tuple[str, ...]:
    """A character's toneless readings (劲: "jin", "jing"), ü written v as pypinyin does."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(dict.fromkeys(found[0])) if found else ()
