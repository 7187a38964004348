"""Which language a text is written in: every guess of the project is here.

Two guesses, different on purpose:

- ``detect_language`` is for documents and passages: any language; the script decides CJK,
  function words (``retrieval/data/language-function-words.toml``) decide between Latin-script
  languages, and text without evidence is English: every passage needs a language to be
  stemmed in.
- ``question_language`` and ``language_order`` are for questions: only the languages questions
  are searched in, told by the tokenizer's stopword lists (the words questions are made of),
  and no guess (None) on a tie: a bare name or keyword has no language, and must not make
  passages of one language rank higher.

The word patterns by script that these and the corpus cleaner and the office lookup read words
with are here too, so that "a word" means one of two things across the project, not five.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

from retrieval.folding import fold_case
from retrieval.scripts import CJK, HAN, HAN_CHAR, HANGUL, KANA

_DATA = Path(__file__).parent / "data"

# A run of letters of a script that puts spaces between its words (Latin, Cyrillic, Greek):
# what function words and content words are counted in. Digits say nothing of a language.
SPACED_WORD = re.compile(f"[^\\W\\d_{CJK}]+")
# A run of letters and digits that are not Chinese characters: a question's or an office
# title's words beside its Chinese runs ("14th", "5G" are words of a title).
NON_HAN_WORD = re.compile(f"[^\\W_{HAN}]+")

DEFAULT_LANGUAGE = "en"
_SAMPLE_CHARS = 3000  # function words settle the language long before this

_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


# ---- documents and passages ---------------------------------------------------------------


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words, in the order of the data file (English, German, ...)."""
    with (_DATA / "language-function-words.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return {language: frozenset(words) for language, words in table.items()}


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
    for word in SPACED_WORD.findall(text[:_SAMPLE_CHARS].lower()):
        for language in languages_of.get(word, ()):
            votes[language] += 1
    best = max(votes.values(), default=0)
    if best == 0:
        return "de" if any(char in "äöüßÄÖÜ" for char in text) else DEFAULT_LANGUAGE
    # Ties go to the language listed first in the data file (English, then German).
    return next(language for language, count in votes.items() if count == best)


# ---- questions ----------------------------------------------------------------------------


def question_language(
    text: str, stopwords: Mapping[str, Collection[str]], candidates: Sequence[str]
) -> str | None:
    """The language of the question ``text`` (NFKC-normalised), when it tells: Chinese when
    most of its letters are Chinese characters, else the one of ``candidates`` whose
    ``stopwords`` it uses most; None on a tie, as for a bare name or keyword."""
    han = len(HAN_CHAR.findall(text))
    letters = sum(1 for c in text if c.isalpha())
    if letters and han * 2 > letters:
        return "zh"
    words = [fold_case(m.group()) for m in NON_HAN_WORD.finditer(text)]
    hits = sorted(
        ((sum(w in stopwords.get(lang, ()) for w in words), lang) for lang in candidates),
        reverse=True,
    )
    if not hits or hits[0][0] == 0 or (len(hits) > 1 and hits[1][0] == hits[0][0]):
        return None
    return hits[0][1]


def language_order(
    text: str, stopwords: Mapping[str, Collection[str]], candidates: Sequence[str]
) -> tuple[str, ...]:
    """``candidates``, the likeliest language of the question ``text`` first: the one whose
    stopwords it uses most. German letters (ä, ö, ü, ß) count for German: "Künstliche
    Intelligenz" is German though it holds no stopword. A stable sort: ties keep the order of
    ``candidates``, so a question that tells nothing is tried in their order."""
    words = [fold_case(m.group()) for m in NON_HAN_WORD.finditer(text)]
    hits = {
        lang: sum(w in stopwords.get(lang, ()) for w in words)
        + (2 if lang == "de" and any(c in "äöüß" for w in words for c in w) else 0)
        for lang in candidates
    }
    return tuple(sorted(candidates, key=lambda lang: -hits[lang]))
