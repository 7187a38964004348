"""Sentence boundaries and language identification for English, German and Chinese text.

Rule-based on purpose: quotes must be whole sentences, so an abbreviation ("z. B.", "Dr.",
"No. 18", "U.S.") or a German ordinal date ("5. Februar 2025") must never end one, and the
splitter must be fast enough for tens of thousands of documents. General-purpose segmenters
(pysbd, for one) split German ordinal dates and are an order of magnitude slower.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from retrieval.scripts import HAN_CHAR, HANGUL, KANA, is_han

_DATA = Path(__file__).parent / "data"

# Stops that end a sentence wherever they stand (CJK text has no space after a stop).
_CJK_STOPS = "。！？｡"
# Stops that end a sentence only when followed by white space and a plausible sentence start.
_LATIN_STOPS = ".!?…"
# Closing quotes and brackets that belong to the sentence they follow: 。” / ." / ?) / !»
_CLOSERS = "\"'”’»«」』）)]】》〉›"

_CANDIDATE = re.compile(
    f"(?:[{re.escape(_CJK_STOPS)}][{re.escape(_CJK_STOPS + _LATIN_STOPS)}]*"
    f"|[{re.escape(_LATIN_STOPS)}]+)[{re.escape(_CLOSERS)}]*"
)
_WORD_BEFORE = re.compile(r"(\w+)$")
_WORD_AFTER = re.compile(r"\w+")


@cache
def _rules() -> dict[str, frozenset[str]]:
    """The word lists of ``data/sentence-rules.toml``, as sets."""
    with (_DATA / "sentence-rules.toml").open("rb") as handle:
        table = tomllib.load(handle)
    rules = {
        f"abbreviations.{lang}": frozenset(words) for lang, words in table["abbreviations"].items()
    }
    rules["number_abbreviations"] = frozenset(table["number_abbreviations"]["all"])
    rules["german_months"] = frozenset(table["german"]["months"])
    rules["german_sentence_openers"] = frozenset(table["german"]["sentence_openers"])
    return rules


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of ``text``, white space trimmed.

    ``language`` ("en", "de", "zh", ...) selects the abbreviation rules; CJK stops (。！？) end
    a sentence in any language, so mixed Chinese-English text splits correctly.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _sentence_ends(text, language):
        span = _trim(text, start, end)
        if span:
            spans.append(span)
        start = end
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def _sentence_ends(text: str, language: str) -> Iterator[int]:
    rules = _rules()
    abbreviations = rules.get(f"abbreviations.{language}", rules["abbreviations.en"])
    for match in _CANDIDATE.finditer(text):
        stop = match.group()
        end = match.end()
        if stop[0] in _CJK_STOPS:
            yield end
            continue
        if end < len(text) and not text[end].isspace():
            if stop[-1] in "!?" and (
                is_han(text[end]) or (match.start() > 0 and is_han(text[match.start() - 1]))
            ):
                yield end  # "生产力?1月": an ASCII stop inside Chinese text
            continue  # "4.8%", "06.02.2025", "www.example.org", "U.S." mid-token
        if end == len(text):
            continue  # the text's end closes the last sentence anyway
        next_word = _next_word(text, end)
        if next_word is None:
            continue
        first = next_word[0]
        if first.islower() or first in ",;:)-–—":
            continue  # a sentence does not start in lower case or with a comma
        if stop[0] in ".…" and _is_abbreviation_or_ordinal(
            text, match.start(), next_word, language, abbreviations
        ):
            continue
        yield end


def _next_word(text: str, position: int) -> str | None:
    """The first word after ``position`` (with any punctuation in front of it), or None."""
    length = len(text)
    while position < length and text[position].isspace():
        position += 1
    if position == length:
        return None
    if not text[position].isalnum():
        return text[position]
    match = _WORD_AFTER.match(text, position)
    return match.group() if match else text[position]


def _is_abbreviation_or_ordinal(
    text: str, dot: int, next_word: str, language: str, abbreviations: frozenset[str]
) -> bool:
    if text[dot] != "." or text[dot : dot + 3] == "...":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 24), dot)
    if match is None:
        return False
    word = match.group(1)
    lower = word.lower()
    if len(word) == 1 and word.isalpha():
        return True  # initials, "z. B.", "u. a.", "U.S.", "e.g."
    if lower in abbreviations:
        return True
    rules = _rules()
    if lower in rules["number_abbreviations"]:
        return next_word[0].isdigit()
    if word.isdigit() and language == "de" and len(word) <= 3:
        # German ordinals: "am 5. Februar", "zum 3. Mal", "der 20. Parteitag".
        following = next_word.lower()
        return (
            following in rules["german_months"]
            or next_word[0].isdigit()
            or (next_word[0].isupper() and following not in rules["german_sentence_openers"])
        )
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# --- language identification -------------------------------------------------------------

_LATIN_WORD = re.compile(r"[^\W\d_]+")
DEFAULT_LANGUAGE = "en"
_SAMPLE_CHARS = 3000  # function words settle the language long before this


@cache
def function_words() -> dict[str, frozenset[str]]:
    with (_DATA / "language-function-words.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return {language: frozenset(words) for language, words in table.items()}


_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language, words in function_words().items():
        for word in words:
            index.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in index.items()}


def _script_counts(text: str) -> tuple[int, int, int, int, int]:
    """Counts of Han, kana, Hangul, Latin and Cyrillic letters in ``text``."""
    han = len(HAN_CHAR.findall(text))
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    # Latin letters only matter when weighed against another script.
    latin = len(_LATIN_LETTER.findall(text)) if han + kana + hangul + cyrillic else 0
    return han, kana, hangul, latin, cyrillic


@lru_cache(maxsize=8192)
def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the main language of ``text`` ("en", "de", "zh", ...).

    Deterministic and usable on a single sentence: script decides CJK (one Han character
    carries about as much text as three Latin letters), function-word votes decide between
    Latin-script languages. Text without any evidence is taken as English.
    """
    han, kana, hangul, latin, cyrillic = (0, 0, 0, 0, 0) if text.isascii() else _script_counts(text)
    cjk = han + kana + hangul
    if cjk and cjk * 3 >= latin:
        if kana and kana * 5 >= han:
            return "ja"
        if hangul > han:
            return "ko"
        return "zh"
    if cyrillic and cyrillic > latin:
        return "ru"
    languages_of = _languages_of_word()
    votes = dict.fromkeys(function_words(), 0)
    for word in _LATIN_WORD.findall(text[:_SAMPLE_CHARS].lower()):
        for language in languages_of.get(word, ()):
            votes[language] += 1
    best = max(votes.values(), default=0)
    if best == 0:
        return "de" if any(char in "äöüßÄÖÜ" for char in text) else DEFAULT_LANGUAGE
    # Ties go to the language listed first in the data file (English, then German).
    return next(language for language, count in votes.items() if count == best)
