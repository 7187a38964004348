"""Sentence boundaries in English, German and Chinese text (languages: ``retrieval.languages``).

Rule-based on purpose: quotes must be whole sentences, so an abbreviation ("z. B.", "Dr.",
"No. 18", "U.S.") or a German ordinal date ("5. Februar 2025") must never end one, and the
splitter must be fast enough for tens of thousands of documents. General-purpose segmenters
(pysbd, for one) split German ordinal dates and are an order of magnitude slower.

Scraped pages add two shapes: a stop with the space after it lost ("industries.The plan"),
which still ends a sentence between two words, and a headline or byline on a line of its own
without final punctuation (``retrieval.line_breaks``), which ends at its line break.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from retrieval.line_breaks import is_line_of_its_own
from retrieval.scripts import is_han

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
# A glued sentence end: a word of 2+ letters (perhaps closed by a bracket or quote) before the
# stop, an optional opening quote and a capitalised word after it.
_MAX_WORD = 40
_GLUED_BEFORE = re.compile(r"(?<![^\W\d_])(?P<word>[^\W\d_]{2,})[)\]”’\"']?$")
_GLUED_AFTER = re.compile(r"[\"“„«‘']?(?P<word>[^\W\d_]+)")
_MAX_TOKEN = 200  # how far back a link or address is looked for
_DOMAIN_GOES_ON = re.compile(r"\.[^\W\d_]")
_ADDRESS_MARKS = ("/", "@", "://", "www.", "\\")
_WORD_AFTER = re.compile(r"\w+")
# A line break between two lines that hold text (not a blank line).
_SINGLE_LINE_BREAK = re.compile(r"(?<=\S)[^\S\n]*\n[^\S\n]*(?=\S)")


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
    a sentence in any language, so mixed Chinese-English text splits correctly. A line that
    stands on its own (a headline above the body) is a sentence of its own.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    ends = sorted({*_sentence_ends(text, language), *_line_ends(text)})
    for end in ends:
        span = _trim(text, start, end)
        if span:
            spans.append(span)
        start = end
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def has_final_stop(sentence: str) -> bool:
    """Whether ``sentence`` ends with a full stop, "?", "!" or "…" (closing quotes aside).

    A headline or a byline that ``split_sentences`` cut off at its line break has none.
    """
    stripped = sentence.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _CJK_STOPS + _LATIN_STOPS


def _line_ends(text: str) -> Iterator[int]:
    """Ends of lines that stand on their own: a headline or a byline right above the body.

    Only a single line break counts; a blank line inside a paragraph is where a page broke a
    sentence in two, and the paragraph's maker has already judged it.
    """
    for match in _SINGLE_LINE_BREAK.finditer(text):
        end = match.start()
        if text[end - 1] in _CJK_STOPS or text[end - 1] in _LATIN_STOPS:
            continue  # the stop ends the sentence anyway
        line = text[text.rfind("\n", 0, end) + 1 : end].strip()
        next_end = text.find("\n", match.end())
        next_line = text[match.end() : len(text) if next_end == -1 else next_end].strip()
        if line and next_line and is_line_of_its_own(line, next_line):
            yield end


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
            elif _is_glued_boundary(text, match.start(), end, abbreviations):
                yield end  # "industries.The plan": the page lost the space after the stop
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


def _is_glued_boundary(text: str, stop: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Whether a stop with no space after it still ends a sentence: "growth.The city".

    Only a word of two or more letters before the stop (not an abbreviation: "Inc.", "Dr.";
    single letters are initials or "U.S.", "e.g.", "R&D.") and a capitalised word after it
    ("The", "Über", "“We") qualify; a stop inside a link, an address or a file name
    ("news.cn/Report", "Example.Com.cn") or before a digit ("No.5", "4.8") never does.
    """
    if end - stop > 1 and text[stop + 1] in _LATIN_STOPS:
        return False  # "...", "?!": runs of stops glued to a word are not worth the risk
    before = _GLUED_BEFORE.search(text, max(0, stop - _MAX_WORD), stop)
    if before is None or before.group("word").lower() in abbreviations:
        return False
    after = _GLUED_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group("word")
    if len(word) < 2 or not (word[0].isupper() and word[1].islower()):
        return False
    token_start = stop
    while (
        token_start > 0 and stop - token_start < _MAX_TOKEN and not text[token_start - 1].isspace()
    ):
        token_start -= 1
    token = text[token_start : after.end()]
    if any(mark in token for mark in _ADDRESS_MARKS):
        return False
    return not _DOMAIN_GOES_ON.match(text, after.end())  # "Example.Com.cn"


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
