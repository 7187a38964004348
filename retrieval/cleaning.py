"""Separate a scraped page's text from its boilerplate, keeping offsets into the original.

The text is cut into segments (a line, or several hard-wrapped lines of one paragraph), each
classified by general rules: its shape (length, final punctuation, markup), the vocabulary of
web templates by category (navigation, share buttons, spam, contacts, credits, disclaimers; see
``data/boilerplate.toml``), link and contact patterns, repetition, and for short Latin-script
paragraphs next to boilerplate, whether they share any vocabulary with the rest of the page.
A speaker line ("NAME, Governor of ...", ``retrieval/speaker_lines.py``) is content whatever its
shape. Spam injected inside a paragraph (``retrieval/spam.py``) takes its sentence or clause
with it: the paragraph is cut into the prose around it and a "spam" segment; a credit closing a
caption ("... yesterday. Photos by NAME") is cut off the same way. Only prose survives, plus
the title line the metadata step picks (``content_blocks`` groups them into paragraphs); a
segment's span never covers markup markers ("## ", "**") or an inline metadata prefix
("date 2023-12-05 ").
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path

from retrieval.dates import DATE_PATTERN, TIME_PATTERN, WEEKDAY_PATTERN
from retrieval.folding import squeezed as normalized  # the comparison key for repetition
from retrieval.languages import SPACED_WORD, detect_language, function_words
from retrieval.line_breaks import is_line_of_its_own
from retrieval.scripts import CJK_CHAR, HAN
from retrieval.spam import find_injections, spoiled_spans
from retrieval.speaker_lines import is_speaker_line

_DATA = Path(__file__).parent / "data"


class Kind(StrEnum):
    PROSE = "prose"  # running text: quotable
    HEADING = "heading"  # a title-shaped line: kept only when it is the document's title
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Segment:
    """A line (or hard-wrapped lines) of the text, classified.

    ``start``/``end`` delimit the content without markup or metadata prefix, so that
    ``text == source[start:end]``; ``line_start``/``line_end`` delimit the raw line(s).
    """

    start: int
    end: int
    text: str
    kind: Kind
    # Why a segment is boilerplate ("navigation", "spam", "contact", ...), or what kind of
    # content line it is: "speaker" (a name and an office under a report's title).
    reason: str = ""
    line_start: int = 0
    line_end: int = 0
    heading_level: int = 0  # 1-6 for a markdown heading, else 0
    prefix: str = ""  # inline metadata removed from the front ("date 2023-12-05")

    @property
    def is_content(self) -> bool:
        return self.kind is not Kind.BOILERPLATE


# --- patterns ---------------------------------------------------------------------------------

# Marks that end a sentence or a line of text that introduces what follows.
TERMINAL_MARKS = ".!?。！？:：;；…"
_CLOSERS = "\"'”’»«」』）)]】》"
_SENTENCE_END = ".!?。！？"
_URL = re.compile(
    r"<?(?:https?://|www\.)[^\s<>\"]+>?"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|de|ch|at|cn|hk|mo|io|info|gov|edu|eu|uk|"
    r"co|news|us|fr|it|es|nl|ru|jp|kr|tw)(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d{2,5}\)?(?:[ \-./]{1,3}\(?\d{2,8}\)?){1,5}(?![\w.])")
_WORD_OR_NUMBER = re.compile(r"\w+")
_MARKDOWN_LEAD = re.compile(r"(?P<heading>#{1,6}(?=\s))?[ \t]*(?P<list>(?:[-*+•]|\d{1,3}[.)])\s+)?")
_EMPHASIS_LEAD = re.compile(r"(?:\*\*|__|\*|_)(?=\S)")
_EMPHASIS_TAIL = re.compile(r"(?<=\S)(?:\*\*|__|\*|_)\s*$|\s*\\$|\s+#+\s*$")
_QUOTE_LEAD = re.compile(r">\s?")
_ELLIPSIS_END = re.compile(r"(?:\w(?:\.{3}|…)|\[(?:…|\.{3})\])\s*$")
_CREDIT_SEPARATOR = re.compile(r"\s*[|｜/:：]")  # after a credit label: "Photo: ...", "图/..."
_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
# News wires that put their name in a dateline ("Guangzhou (ots) - ..."), as readers cite them.
WIRE_NAMES = {
    "ots": "ots",
    "dpa": "dpa",
    "afp": "AFP",
    "ap": "AP",
    "reuters": "Reuters",
    "xinhua": "Xinhua",
    "apa": "APA",
    "sda": "SDA",
    "kna": "KNA",
    "epd": "epd",
    "prnewswire": "PR Newswire",
    "businesswire": "Business Wire",
    "globenewswire": "GlobeNewswire",
}
_WIRE = "|".join(WIRE_NAMES)
_DATELINE = re.compile(
    rf"[A-ZÄÖÜ][\w .,'’/-]{{0,80}}?(?:\((?:{_WIRE})\)|/\s*(?:{_WIRE})\s*/)\s*(?:[-–—]+\s*|$)",
    re.IGNORECASE,
)
# A dateline whose parenthesis gives the date, whatever the agency: an upper-case place name
# ("SHENZHEN, (Agency - Site - 19th Feb, 2024) The total ...").
_DATED_DATELINE = re.compile(
    rf"[A-ZÄÖÜ][A-ZÄÖÜ .'’-]{{1,40}},?\s*\([^()\n]{{0,120}}?(?i:{DATE_PATTERN})[^()\n]{{0,40}}\)"
    r"\s*(?:[-–—]+\s*)?"
)
_DATE_LABEL = (
    r"(?:date|datum|published|posted|last\s+updated|updated|last\s+update|update|veröffentlicht|"
    r"aktualisiert|发表时间|发布时间|更新时间|日期|时间)"
)
_DATE_VALUE = (
    rf"(?:{WEEKDAY_PATTERN}[,\s]+)?(?:{DATE_PATTERN})(?:[,\s]+(?:{TIME_PATTERN}))?(?:\s*uhr)?"
)
# A date in front of the text: labelled ("date 2023-12-05 Guangdong, ...") or set off by a
# separator ("2023-12-05 | Guangdong ..."). A bare date is the sentence's own subject
# ("February 18 2024 is the first working day ...") and stays.
_DATE_PREFIX = re.compile(
    rf"{_DATE_LABEL}\s*[:：]?\s*{_DATE_VALUE}\s*(?:[|｜·•–—-]+\s*)?"
    rf"|{_DATE_VALUE}\s*(?:[|｜·•]|--|–|—)\s*",
    re.IGNORECASE,
)
_DATE_LEFTOVER = re.compile(
    rf"(?:{WEEKDAY_PATTERN})|(?:{DATE_PATTERN})|(?:{TIME_PATTERN})|\b(?:uhr|am|pm|utc|gmt|cet|mez)\b",
    re.IGNORECASE,
)


@cache
def boilerplate_vocabulary() -> dict[str, re.Pattern[str]]:
    with (_DATA / "boilerplate.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return {
        category: _phrase_pattern(phrases, whole_words=category not in _INSIDE_WORDS)
        for category, phrases in table.items()
    }


# Categories whose phrases count inside words too: "©2024", "Bildrechte-Hinweis".
_INSIDE_WORDS = frozenset({"rights"})


def _phrase_pattern(phrases: Iterable[str], *, whole_words: bool = True) -> re.Pattern[str]:
    """One pattern for a list of phrases: Latin ones on word boundaries (unless ``whole_words``
    is off), CJK ones anywhere."""
    latin: list[str] = []
    cjk: list[str] = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = r"\s+".join(re.escape(word) for word in phrase.split())
        (cjk if CJK_CHAR.search(phrase) or not whole_words else latin).append(escaped)
    # The boundary checks stand outside the alternation so that most positions (inside a
    # word) fail before any alternative is tried.
    parts = []
    if latin:
        parts.append(rf"(?<![^\W_])(?:{'|'.join(latin)})(?![^\W_])")
    if cjk:
        parts.append("|".join(cjk))
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


_LONG_TEXT = 1500  # characters: far beyond every word-count threshold of the rules below
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+")


def word_units(text: str) -> float:
    """Length in words: a Latin word counts 1, a CJK character 1/2 (two make a word)."""
    if len(text) > _LONG_TEXT:
        # Only short texts are measured against thresholds; a long one needs a rough size.
        return len(text.split()) + (0 if text.isascii() else len(CJK_CHAR.findall(text)) / 2)
    words = len(_LATIN_RUN.findall(text))
    if text.isascii():
        return words
    return words + len(CJK_CHAR.findall(text)) / 2


def _coverage(text: str, pattern: re.Pattern[str]) -> float:
    """Share of the words of ``text`` that are matched by ``pattern``."""
    total = word_units(text)
    if not total:
        return 0.0
    remaining = word_units(pattern.sub(" ", text))
    return (total - remaining) / total


def ends_sentence(text: str, terminals: str = _SENTENCE_END) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in terminals


# --- segmentation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the line break and trailing white space


def _lines(text: str, start: int, end: int) -> list[_Line]:
    lines = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        line_end = stop
        while line_end > position and text[line_end - 1].isspace():
            line_end -= 1
        line_start = position
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        lines.append(_Line(line_start, line_end))
        position = stop + 1
    return lines


def _continues_on_next_line(text: str, line: _Line, following: _Line) -> bool:
    """Whether two adjacent non-blank lines are one hard-wrapped paragraph."""
    first = text[line.start : line.end]
    second = text[following.start : following.end]
    if len(first) < 40 or ends_sentence(first, TERMINAL_MARKS):
        return False
    lead = _MARKDOWN_LEAD.match(second)
    if (lead and lead.group(0)) or second.startswith(("#", ">", "|")):
        return False
    if is_line_of_its_own(first, second) or (_is_date_line(second) and not ends_sentence(second)):
        return False  # a headline, byline or dateline above the body (see line_breaks.py)
    return not (_looks_like_label(first) or _looks_like_label(second) or _is_byline(second))


def _looks_like_label(line: str) -> bool:
    vocabulary = boilerplate_vocabulary()
    head = line[:40]
    label = vocabulary["metadata_labels"].match(head) or vocabulary["contact"].match(head)
    return label is not None and bool(re.match(r"\s*[:：|]", line[label.end() :]))


def segment(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` into classified segments (blank lines separate them)."""
    end = len(text) if end is None else end
    groups: list[list[_Line]] = []
    previous_blank = True
    for line in _lines(text, start, end):
        if line.start == line.end:
            previous_blank = True
            continue
        if not previous_blank and groups and _continues_on_next_line(text, groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
        previous_blank = False
    segments = [_classify(text, group[0].start, group[-1].end) for group in groups]
    segments = [piece for item in segments for piece in _without_trailing_credit(text, item)]
    segments = _mark_duplicates(segments)
    segments = _mark_unrelated(segments)
    return _cut_injections(text, segments, start, end)


def _strip_markup(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Move ``start``/``end`` past markdown markers; return them and the heading level."""
    level = 0
    quote = _QUOTE_LEAD.match(text, start, end)
    if quote:
        start = quote.end()
    lead = _MARKDOWN_LEAD.match(text, start, end)
    if lead and lead.group(0):
        if lead.group("heading"):
            level = len(lead.group("heading"))
        start = lead.end()
        while start < end and text[start].isspace():
            start += 1
    emphasis = _EMPHASIS_LEAD.match(text, start, end)
    tail = _EMPHASIS_TAIL.search(text, start, end)
    if tail:
        end = tail.start()
    if emphasis and tail:
        start = emphasis.end()
    return start, end, level


def _classify(source: str, line_start: int, line_end: int) -> Segment:
    start, end, level = _strip_markup(source, line_start, line_end)
    prefix = ""
    if _is_date_line(source[start:end]):
        text = source[start:end]
        return Segment(start, end, text, Kind.BOILERPLATE, "date", line_start, line_end, level)
    for pattern in (_DATELINE, _DATED_DATELINE, _DATE_PREFIX):
        match = pattern.match(source, start, end)
        if match and match.group(0).strip():
            prefix = (prefix + " " + match.group(0).strip()).strip()
            start = match.end()
    text = source[start:end]
    base = Segment(
        start, end, text, Kind.PROSE, "", line_start, line_end, heading_level=level, prefix=prefix
    )
    if is_speaker_line(text):
        return replace(base, reason="speaker")  # "NAME, Governor of ...": who delivered it
    if not text.strip():
        reason = "markup"
        if prefix:
            reason = "dateline" if _DATELINE.match(prefix) else "date"
        return replace(base, kind=Kind.BOILERPLATE, reason=reason)
    reason = _boilerplate_reason(text)
    if reason:
        return replace(base, kind=Kind.BOILERPLATE, reason=reason)
    if _is_prose(text):
        return base
    return replace(base, kind=Kind.HEADING)


_INNER_FULL_STOP = re.compile(r"[^\W\d_]{2}[.。][\"'”’)]?\s*[A-Z\u4e00-\u9fff]")


def _is_prose(text: str) -> bool:
    units = word_units(text)
    if ends_sentence(text):
        return units >= 4
    if ends_sentence(text, ":：") and units >= 6:
        return True  # a sentence introducing a list
    if ends_sentence(text, ";；") and units >= 6:
        return True  # an item of a list of clauses: titles never end in a semicolon
    if units >= 12 and _INNER_FULL_STOP.search(text):
        return True  # whole sentences, then one the page cut off: running text, not a title
    return units >= 30  # long running text whose last stop was lost in scraping


def _boilerplate_reason(text: str) -> str:
    vocabulary = boilerplate_vocabulary()
    units = word_units(text)
    if units > 80:  # long running text: only a spam injection disqualifies it
        return "spam" if len(vocabulary["spam_strong"].findall(text)) >= 3 else ""
    lower = text.lower()
    if _is_date_line(text):
        return "date"
    if units <= 40 and vocabulary["spam_strong"].search(text):
        return "spam"
    if len(vocabulary["spam_strong"].findall(text)) >= 3:
        return "spam"
    if units <= 15 and (
        (units < 4 and vocabulary["spam_weak"].search(text))
        or len(vocabulary["spam_weak"].findall(text)) >= 2
        or _coverage(text, vocabulary["spam_weak"]) >= 0.5
    ):
        return "spam"
    if units <= 15 and _coverage(text, vocabulary["share"]) >= 0.6:
        return "share"
    if units <= 30 and _is_navigation(text, units):
        return "navigation"
    if units <= 30 and not ends_sentence(text) and vocabulary["site_greetings"].match(text):
        return "navigation"  # "Welcome to the website of ...": the site's banner
    if units <= 40 and (_EMAIL.search(text) or _has_phone_number(text)):
        return "contact"
    if units <= 12 and _coverage(text, vocabulary["contact"]) >= 0.5:
        return "contact"
    if _looks_like_label(text) and units <= 40:
        label = vocabulary["contact"].match(text[:40])
        return "contact" if label else "metadata"
    if units <= 8 and re.match(r"(?:released|published|posted|written)\s+by\s", lower):
        return "metadata"
    if units <= 25 and re.match(r"(?:released|published|posted|issued)\s+by\s", lower):
        return "metadata"
    if _is_credit(text):
        return "credits"
    if units <= 60 and vocabulary["disclaimers"].search(text):
        return "disclaimer"
    if units <= 30 and _URL.search(text):
        return "link"
    if units <= 60 and _ELLIPSIS_END.search(text):
        return "teaser"
    if (units < 4 and not CJK_CHAR.search(text)) or units < 3:
        return "short"  # a label, a name, a lone word: "Medieninhalte", "Albert Huang", "X"
    return ""


def _is_navigation(text: str, units: float) -> bool:
    if boilerplate_vocabulary()["navigation_strong"].search(text):
        return True
    if units <= 12 and len(_BREADCRUMB.findall(text)) >= 1 and not ends_sentence(text):
        return True  # "Home > News > Economy", "首页 > English 英语"
    return units <= 10 and _coverage(text, boilerplate_vocabulary()["navigation"]) >= 0.5


def _has_phone_number(text: str) -> bool:
    without_dates = _DATE_LEFTOVER.sub(" ", text)
    for match in _PHONE.finditer(without_dates):
        if sum(char.isdigit() for char in match.group(0)) >= 8:
            return True
    return False


def _is_credit(text: str) -> bool:
    """A rights notice anywhere, or a line opened by a credit label ("Photo:", "责任编辑：")."""
    vocabulary = boilerplate_vocabulary()
    if vocabulary["rights"].search(text):
        return True
    label = vocabulary["credit_labels"].match(text.strip())
    if label is not None and _CREDIT_SEPARATOR.match(text.strip(), label.end()) is not None:
        return True
    return _is_byline(text)


# The name after a credit label that closes a byline: two to four Chinese characters or up to
# three capitalised words, set off by a space or a separator ("南方网记者 王芳", "Foto: Li Gang").
_BYLINE_NAME = re.compile(
    rf"(?:\s+|\s*[|｜/:：]\s*)(?:[{HAN}]{{2,4}}|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}})\s*$"
)


# A Chinese photo credit: a name, then "摄" ("记者 王芳 摄", "通讯员李明摄").
_PHOTOGRAPHER = re.compile(
    rf"(?:(?:记者|記者|通讯员|通訊員)\s*[{HAN}]{{2,4}}|[{HAN}]{{2,4}}\s)\s*(?:摄影|攝影|摄|攝)[)）]?\s*$"
)


def _is_byline(text: str) -> bool:
    """A short line, no sentence, that ends in a credit label and a name (or in a name and
    "摄"): a byline wherever the page put it, even inside a hard-wrapped paragraph."""
    if word_units(text) > 15 or ends_sentence(text, TERMINAL_MARKS):
        return False
    if _PHOTOGRAPHER.search(text):
        return True
    labels = boilerplate_vocabulary()["credit_labels"].finditer(text)
    return any(_BYLINE_NAME.match(text, label.end()) for label in labels)


# Where a credit may start after a paragraph's last sentence: the caption's own full stop.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)）]?\s+|[。！？][\"'”’)）」』]?\s*")
_CREDIT_MAX_UNITS = 12


def _without_trailing_credit(text: str, item: Segment) -> list[Segment]:
    """A prose segment whose last line of text is a credit ("... yesterday. Photos by NAME")
    cut in two: the prose, and the credit as boilerplate. Left on, the credit would join the
    next paragraph across a blank line, as a sentence the page cut off."""
    if item.kind is not Kind.PROSE or ends_sentence(item.text, TERMINAL_MARKS):
        return [item]
    breaks = list(_SENTENCE_BREAK.finditer(item.text))
    if not breaks:
        return [item]
    cut = breaks[-1].end()
    tail = item.text[cut:]
    if word_units(tail) > _CREDIT_MAX_UNITS or not _is_credit(tail):
        return [item]
    prose_end = item.start + breaks[-1].start() + 1
    while prose_end < item.end and text[prose_end] in "\"'”’)）」』":
        prose_end += 1  # the closing quote stays with its sentence
    credit_start = item.start + cut
    return [
        replace(item, end=prose_end, text=text[item.start : prose_end]),
        replace(
            item,
            start=credit_start,
            text=text[credit_start : item.end],
            kind=Kind.BOILERPLATE,
            reason="credits",
            prefix="",
        ),
    ]


_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)


def _is_date_line(text: str) -> bool:
    if len(text) > 80 or not _DATE.search(text):
        return False
    leftover = _DATE_LEFTOVER.sub(" ", text)
    return word_units(leftover) <= 1


# --- document-level rules ---------------------------------------------------------------------


def _mark_duplicates(segments: list[Segment]) -> list[Segment]:
    """A repeated title or paragraph keeps its first occurrence only."""
    seen: set[str] = set()
    result = []
    for item in segments:
        if item.is_content:
            key = normalized(item.text)
            if key in seen:
                item = replace(item, kind=Kind.BOILERPLATE, reason="duplicate")
            seen.add(key)
        result.append(item)
    return result


_MIN_CONTEXT_WORDS = 30
_UNRELATED_OVERLAP = 0.1


@cache
def _function_words() -> frozenset[str]:
    """The function words of every language, which say nothing of what a paragraph is about."""
    return frozenset().union(*function_words().values())


def _content_words(text: str) -> set[str]:
    stop = _function_words()
    return {
        word
        for word in (match.lower() for match in SPACED_WORD.findall(text))
        if len(word) >= 4 and word not in stop
    }


def _mark_unrelated(segments: list[Segment]) -> list[Segment]:
    """Drop a short Latin-script paragraph amid boilerplate that shares no vocabulary.

    Sidebar teasers and "related post" blurbs sit between template lines and talk about
    something else. Chinese text is not judged: without segmentation, overlap says little.
    """
    prose = [index for index, item in enumerate(segments) if item.kind is Kind.PROSE]
    candidates = [
        index
        for index in prose
        if _between_boilerplate(segments, index)
        and not CJK_CHAR.search(segments[index].text)
        and word_units(segments[index].text) <= 60
    ]
    if not candidates:
        return segments
    words = {index: _content_words(segments[index].text) for index in prose}
    # In how many prose paragraphs each word stands: the context of one paragraph (the words of
    # all the others) is then known without building it again for every candidate.
    paragraphs_with: Counter[str] = Counter(word for index in prose for word in words[index])
    result = list(segments)
    for index in candidates:
        item = segments[index]
        if not words[index]:
            continue
        shared = sum(1 for word in words[index] if paragraphs_with[word] > 1)
        context_size = len(paragraphs_with) - (len(words[index]) - shared)
        if context_size < _MIN_CONTEXT_WORDS:
            continue
        overlap = shared / len(words[index])
        if overlap < _UNRELATED_OVERLAP:
            result[index] = replace(item, kind=Kind.BOILERPLATE, reason="unrelated")
    return result


def _between_boilerplate(segments: Sequence[Segment], index: int) -> bool:
    """Whether boilerplate (or the page's edge) stands on both sides of a segment."""
    return all(
        not 0 <= neighbour < len(segments) or not segments[neighbour].is_content
        for neighbour in (index - 1, index + 1)
    )


# A piece of a paragraph left between injections must say something on its own: shorter ones
# ("随后,", "He said,") go with the injection.
_MIN_PIECE_UNITS = 4


def _cut_injections(text: str, segments: list[Segment], start: int, end: int) -> list[Segment]:
    """Take spam injected inside prose out with its sentence (or clause); a title-like line
    holding any is spam as a whole."""
    injections = find_injections(text, start, end)
    if not injections:
        return segments
    result = []
    for item in segments:
        inside = [span for span in injections if span[0] < item.end and item.start < span[1]]
        if not inside or item.kind is Kind.BOILERPLATE:
            result.append(item)
        elif item.kind is Kind.PROSE:
            result.extend(_without_spoiled(text, item, inside))
        else:
            result.append(replace(item, kind=Kind.BOILERPLATE, reason="spam"))
    return result


def _without_spoiled(text: str, item: Segment, injections: list[tuple[int, int]]) -> list[Segment]:
    """A prose segment cut into the pieces the injections left whole and "spam" segments."""
    language = detect_language(item.text)
    spoiled = spoiled_spans(text, item.start, item.end, injections, language)
    kept = []
    position = item.start
    for cut_start, cut_end in [*spoiled, (item.end, item.end)]:
        piece = _trimmed(text, position, cut_start)
        if piece and word_units(text[piece[0] : piece[1]]) >= _MIN_PIECE_UNITS:
            kept.append(piece)
        position = max(position, cut_end)
    if not kept:
        return [replace(item, kind=Kind.BOILERPLATE, reason="spam")]
    pieces: list[Segment] = []
    position = item.start
    for piece_start, piece_end in [*kept, (item.end, item.end)]:
        gap = _trimmed(text, position, piece_start)
        if gap:
            pieces.append(
                replace(
                    item,
                    start=gap[0],
                    end=gap[1],
                    text=text[gap[0] : gap[1]],
                    kind=Kind.BOILERPLATE,
                    reason="spam",
                )
            )
        if piece_start < piece_end:
            pieces.append(
                replace(item, start=piece_start, end=piece_end, text=text[piece_start:piece_end])
            )
        position = piece_end
    # The inline metadata prefix stays in front, with the first segment, where it stood.
    return [
        replace(piece, prefix=item.prefix if index == 0 else "")
        for index, piece in enumerate(pieces)
    ]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start``/``end`` moved past white space; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
