"""Text folding: the forms in which two spellings of a word compare equal. Every fold is here.

- ``fold``: case, accents and compatibility forms gone ("Zhāng" -> "zhang", "Lü" -> "lu",
  full-width "Ｇ" -> "g"). Names, titles, word lists, spelling correction: wherever a reader
  would call two spellings one word.
- ``fold_in_place``: ``fold`` character by character, so offsets into the folded text are
  offsets into the original: a name is found in the folded question and quoted as typed.
  Chinese characters are read as simplified (陳小明 is 陈小明, ``chinese_script``).
- ``compact``: ``fold`` keeping only letters, digits and Chinese characters ("Wang Wei-zhong"
  -> "wangweizhong"), the characters simplified: names compared whatever their spacing,
  hyphens and script.
- ``squeezed``: ``fold`` with white-space runs made one space: whole lines compared (a title
  repeated as a passage, a paragraph repeated on a page).
- ``fold_case``: compatibility forms and case only, accents kept: index terms, whose accents
  are the business of the language's stemmer (see ``strip_marks``).
- ``strip_marks``: the accents that are not part of a language's spelling dropped: German
  keeps its umlauts, which its stemmer folds itself; pinyin tone marks go everywhere.

``fold`` and ``fold_case`` differ on purpose: an index term must keep "ü" for the German
stemmer, a name need not ("Lü" is "Lu").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from retrieval.chinese_script import to_simplified
from retrieval.scripts import HAN

# Accents that belong to a language's spelling and are kept in its words; every other combining
# mark (pinyin tone marks: "Huáng Kūnmíng", a French accent in an English text) is dropped, so
# "Huang" finds "Huáng". Languages not listed keep all their accents (French, Spanish, ...).
_KEPT_MARKS: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "zh": frozenset(),
    "de": frozenset({"\u0308"}),  # the umlaut's diaeresis: the German stemmer folds it itself
}
_NOT_COMPACT = re.compile(rf"[^0-9a-z{HAN}]+")


@lru_cache(maxsize=1 << 16)  # the same words come back again and again
def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zhāng Jìnsōng" -> "zhang jinsong", "Lü" -> "lu"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_in_place(text: str) -> str:
    """``text`` folded character for character (same length, same offsets): a character whose
    fold is longer ("ß" -> "ss", "ﬁ" -> "fi") stays as it is."""
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        folded = fold(char)
        out.append(folded if len(folded) == 1 else char)
    return to_simplified("".join(out))


def compact(text: str) -> str:
    """Letters, digits and Chinese characters only, folded: "Wang Wei-zhong" -> "wangweizhong"."""
    return to_simplified(_NOT_COMPACT.sub("", fold(unicodedata.normalize("NFKC", text))))


def squeezed(text: str) -> str:
    """``text`` folded with its white-space runs made single spaces, for comparing lines."""
    return " ".join(fold(text).split())


def fold_case(word: str) -> str:
    """``word`` with compatibility forms (full-width digits, ligatures) and case folded, accents
    kept: the form an index term starts from."""
    return unicodedata.normalize("NFKC", word).casefold()


def strip_marks(word: str, language: str) -> str:
    """``word`` without the combining marks that are not part of ``language``'s spelling."""
    kept = _KEPT_MARKS.get(language)
    if kept is None or word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if c in kept or not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)
