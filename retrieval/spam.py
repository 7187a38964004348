"""Spam injected inside real sentences: where it stands, and which clauses it spoils.

Hacked and mirrored pages carry spam in the middle of their prose: a gambling or escort token
glued into a word or a name ("...nameLuckyEscortTitle..."), a betting site's brand put in the
place of a name throughout a page ("<Latin brand><Chinese name>体育"), or a gambling phrase inside
a paragraph. The vocabulary is in ``data/spam.toml``; the rules below only say when a word of it
is foreign to its sentence: glued to the words around it, or set into a Chinese sentence.

Quotes are verbatim spans of the file, so an injection cannot be cut out of the middle of a
sentence (the two sides would have to be one quote). What can be left out is a whole span: the
sentence holding the injection, or only its clause where clauses stand on their own: a ``;``
clause in any script, a comma clause in Chinese, whose sentences chain whole clauses with
commas.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from retrieval.scripts import CJK_CHAR, HAN, HAN_CHAR
from retrieval.sentences import split_sentences

_DATA = Path(__file__).parent / "data"

Span = tuple[int, int]

# Clause marks a spoiled clause ends at: in Chinese a comma closes a clause that stands on its
# own, in Latin-script text only a semicolon does ("..., which further pointed out" does not).
_CJK_CLAUSE_MARKS = ",，;；"
_LATIN_CLAUSE_MARKS = ";；"
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")


@dataclass(frozen=True)
class SpamVocabulary:
    """The compiled lists of ``data/spam.toml``."""

    glued_words: re.Pattern[str]  # lower case, on ``_lower_latin`` text; parts checked in code
    brand: re.Pattern[str]  # a Latin brand with its Chinese gambling-site name
    sentence_phrases: re.Pattern[str]  # lower case, on ``_lower_latin`` text


@cache
def spam_vocabulary() -> SpamVocabulary:
    with (_DATA / "spam.toml").open("rb") as handle:
        table = tomllib.load(handle)
    words = sorted({word.lower() for word in table["glued_words"]}, key=len, reverse=True)
    suffixes = _alternation(table["brand_suffixes"])
    continuations = _alternation(table["brand_suffix_continuations"])
    brand = re.compile(
        # A Latin word of three or more characters with a lower-case letter in it: all-capital
        # acronyms name real channels and clubs ("NBA", "TVB").
        rf"(?<![A-Za-z0-9])(?P<latin>(?=[A-Za-z0-9]*[a-z])[A-Za-z][A-Za-z0-9]{{2,}})"
        rf"\s?(?P<name>[{HAN}]{{0,6}}?(?:{suffixes}))(?!{continuations})"
    )
    return SpamVocabulary(
        glued_words=re.compile("|".join(re.escape(word) for word in words)),
        brand=brand,
        sentence_phrases=_phrase_pattern(table["sentence_phrases"]),
    )


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Lower-case Latin phrases on word boundaries (any white space between their words), CJK
    ones anywhere."""
    latin: list[str] = []
    cjk: list[str] = []
    for phrase in sorted({phrase.lower() for phrase in phrases}, key=len, reverse=True):
        escaped = r"\s+".join(re.escape(word) for word in phrase.split())
        (cjk if CJK_CHAR.search(phrase) else latin).append(escaped)
    parts = []
    if latin:
        parts.append(rf"(?<![^\W_])(?:{'|'.join(latin)})(?![^\W_])")
    if cjk:
        parts.append("|".join(cjk))
    return re.compile("|".join(parts) or "(?!)")


# --- word parts -------------------------------------------------------------------------------

# Latin letters to lower case, one character for one: offsets stay those of the text. Searching
# lower-case text for lower-case words is ten times faster than a case-insensitive search.
_LOWER_LATIN = {
    code: ord(char.lower())
    for code in range(0x0250)
    if (char := chr(code)).isupper() and len(char.lower()) == 1
}


def _lower_latin(text: str) -> str:
    return text.translate(_LOWER_LATIN)


def _glued_word_matches(text: str) -> Iterator[Span]:
    """Where a word of ``glued_words`` stands as whole word parts ("Escort" in "EscortXi", not
    "bet" in "between")."""
    for match in spam_vocabulary().glued_words.finditer(_lower_latin(text)):
        start, end = match.span()
        if _part_boundary(text, start) and _part_boundary(text, end):
            yield start, end


def _is_latin(char: str) -> bool:
    """A Latin letter or a digit (CJK characters are alphanumeric to Python, but not this)."""
    return char.isalnum() and ord(char) < 0x0250


def _inside_word(text: str, position: int) -> bool:
    """Whether ``position`` lies between two Latin letters or digits: no space there."""
    return 0 < position < len(text) and _is_latin(text[position - 1]) and _is_latin(text[position])


def _part_boundary(text: str, position: int) -> bool:
    """Whether a word part starts or ends at ``position``: a word's edge, a change from lower to
    upper case ("Jin|Xi", "KL|Escorts"), or between letters and digits ("bet|365")."""
    if not _inside_word(text, position):
        return True
    before, after = text[position - 1], text[position]
    if before.isdigit() != after.isdigit() or (before.islower() and after.isupper()):
        return True
    following = text[position + 1 : position + 2]
    return before.isupper() and after.isupper() and following.islower()


def _part_start(text: str, end: int) -> int:
    """Start of the word part that ends at ``end``."""
    position = end - 1
    while position > 0 and not _part_boundary(text, position):
        position -= 1
    return position


def _part_end(text: str, start: int) -> int:
    """End of the word part that starts at ``start``."""
    position = start + 1
    while position < len(text) and not _part_boundary(text, position):
        position += 1
    return position


def _next_to_cjk(text: str, start: int, end: int) -> bool:
    """Whether a CJK character stands right before or after ``text[start:end]`` (one space
    between allowed): a Latin word set into a Chinese sentence."""
    before = text[max(0, start - 2) : start].lstrip(" ")[-1:]
    after = text[end : end + 2].lstrip(" ")[:1]
    return bool(CJK_CHAR.match(before) or CJK_CHAR.match(after))


# --- finding injections -----------------------------------------------------------------------


def has_spam_vocabulary(text: str) -> bool:
    """Whether ``text`` (a name, a phrase) holds a word of spam: a gambling or escort word as a
    word part, a gambling-site brand, or a spam phrase."""
    vocabulary = spam_vocabulary()
    return (
        any(_glued_word_matches(text))
        or vocabulary.brand.search(text) is not None
        or vocabulary.sentence_phrases.search(_lower_latin(text)) is not None
    )


def find_injections(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The spans of ``text[start:end]`` that are spam injected into the text, merged, in order.

    A string found injected once is spam wherever else it stands on the page: a brand put in
    the place of a name throughout a page is glued into a word only here and there.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    found = _glued_words(region)
    found += _repeated(region, found)
    if HAN_CHAR.search(region):  # brands carry a Chinese name: most pages need no search
        found += _brands(region)
    phrases = spam_vocabulary().sentence_phrases.finditer(_lower_latin(region))
    found += [match.span() for match in phrases]
    return [(first + start, last + start) for first, last in _merged(found)]


def _glued_words(text: str) -> list[Span]:
    """Gambling and escort words glued into the words around them or set into Chinese text."""
    spans = []
    for start, end in _glued_word_matches(text):
        glued = _glued_to_letters(text, start, end) or _next_to_cjk(text, start, end)
        if text[start].isupper():  # an injected phrase is title-cased: "...wordXY Escorts ..."
            before, after = _glued_neighbour_before(text, start), _glued_neighbour_after(text, end)
            if before is not None:
                start, glued = before, True
            if after is not None:
                end, glued = after, True
        if glued:
            spans.append((start, end))
    return spans


def _glued_to_letters(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` runs on into the word before or after it. Run on
    into digits, only a brand-like number counts ("bet365"), not a code ("BET151" is a drug,
    "slot2" a socket)."""
    brand_like = not text[start:end].isupper()
    for position, step in ((start, -1), (end, 1)):
        if not _inside_word(text, position):
            continue
        neighbour = position - 1 if step < 0 else position
        if not text[neighbour].isdigit():
            return True
        if brand_like and _digits_from(text, neighbour, step) >= 2:
            return True
    return False


def _digits_from(text: str, position: int, step: int) -> int:
    """How many digits stand in a row from ``position`` on, going by ``step`` (-1 or 1)."""
    count = 0
    while 0 <= position < len(text) and text[position].isdigit():
        count += 1
        position += step
    return count


def _glued_neighbour_before(text: str, start: int) -> int | None:
    """Start of the capitalised word part before ``start`` (one space between) when that part is
    glued to the word in front of it ("Harbour|Golden Escorts")."""
    if not (start >= 2 and text[start - 1] == " " and _is_latin(text[start - 2])):
        return None
    part = _part_start(text, start - 1)
    return part if text[part].isupper() and _inside_word(text, part) else None


def _glued_neighbour_after(text: str, end: int) -> int | None:
    """End of the capitalised word part after ``end`` (one space between) when that part is
    glued to the word behind it ("Escort XY|General")."""
    if not (text[end : end + 1] == " " and _is_latin(text[end + 1 : end + 2] or " ")):
        return None
    part = _part_end(text, end + 1)
    return part if text[end + 1].isupper() and _inside_word(text, part) else None


def _repeated(text: str, spans: Sequence[Span]) -> list[Span]:
    """Every other place where a string found injected stands as whole word parts."""
    repeated = []
    for injected in {text[start:end] for start, end in spans}:
        for match in re.finditer(re.escape(injected), text):
            if _part_boundary(text, match.start()) and _part_boundary(text, match.end()):
                repeated.append(match.span())
    return repeated


def _brands(text: str) -> list[Span]:
    """Gambling-site brands ("<Latin><Chinese>体育") and every other place their Latin word is
    glued into the page, with as much of their Chinese name as follows it there."""
    spans = []
    names: dict[str, set[str]] = {}
    for match in spam_vocabulary().brand.finditer(text):
        spans.append(match.span())
        names.setdefault(match.group("latin"), set()).add(match.group("name"))
    for latin, chinese in names.items():
        for match in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(latin)}(?![A-Za-z0-9])", text):
            end = match.end()
            tail = max(_common_prefix(text, end, name) for name in chinese)
            spans.append((match.start(), end + tail))
    return spans


def _common_prefix(text: str, position: int, name: str) -> int:
    length = 0
    while length < len(name) and text[position + length : position + length + 1] == name[length]:
        length += 1
    return length


def _merged(spans: Iterable[Span], text: str | None = None) -> list[Span]:
    """Overlapping spans (and, given ``text``, spans with only white space between) as one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and (
            start <= merged[-1][1] or (text is not None and not text[merged[-1][1] : start].strip())
        ):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# --- what an injection spoils -----------------------------------------------------------------


def spoiled_spans(
    text: str, start: int, end: int, injections: Sequence[Span], language: str
) -> list[Span]:
    """The sentences, or clauses, of the paragraph ``text[start:end]`` that hold an injection.

    Spans are absolute offsets into ``text``, merged and in order. A clause is cut only at a
    clause mark that stands on its own in the sentence's script (see the module docstring).
    """
    spoiled = []
    for sentence_start, sentence_end in split_sentences(text[start:end], language):
        sentence_start += start
        sentence_end += start
        for injection_start, injection_end in injections:
            if injection_end <= sentence_start or injection_start >= sentence_end:
                continue
            spoiled.append(
                _clause(
                    text,
                    (sentence_start, sentence_end),
                    (max(injection_start, sentence_start), min(injection_end, sentence_end)),
                )
            )
    return _merged(spoiled, text)


def _clause(text: str, sentence: Span, injection: Span) -> Span:
    """The clause of ``sentence`` around ``injection``: from the clause mark before it to the
    clause mark after it (included), or the sentence's edges."""
    sentence_start, sentence_end = sentence
    chinese = _is_chinese(text[sentence_start:sentence_end])
    marks = _CJK_CLAUSE_MARKS if chinese else _LATIN_CLAUSE_MARKS
    clause_start = sentence_start
    for position in range(injection[0] - 1, sentence_start - 1, -1):
        if text[position] in marks:
            clause_start = position + 1
            break
    clause_end = sentence_end
    for position in range(injection[1], sentence_end):
        if text[position] in marks:
            clause_end = position + 1
            break
    while clause_start < clause_end and text[clause_start].isspace():
        clause_start += 1
    return clause_start, clause_end


def _is_chinese(sentence: str) -> bool:
    """Whether a sentence is written in Chinese (Latin words in it aside): two characters make
    about one word."""
    return len(CJK_CHAR.findall(sentence)) / 2 > len(_LATIN_LETTERS.findall(sentence))
