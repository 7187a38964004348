"""What a page says about itself: title, date, source, address and language.

Read by general rules from the classified segments of ``cleaning.segment``: the title is the
most title-like line of the page head (a repeated line or a markdown heading first, else the
longest; never a speaker line, which is content), the date the first one the head or a metadata
label states, the source the value of a "Source:" / "Quelle:" / "来源:" / "From:" /
"Released by" label (in the page's main script when there are several) plus the news wire of a
dateline ("(ots)"), the author the value of a byline's "Writer:" / "作者:" / "记者" label or
its "By", the URL one that a line gives as the page's own address ("Diese Meldung kann unter
<...> abgerufen werden"). What the text does not state stays None; the catalog fills it in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.cleaning import (
    WIRE_NAMES,
    Kind,
    Segment,
    boilerplate_vocabulary,
    word_units,
)
from retrieval.content_blocks import speaker_occasion
from retrieval.dates import find_dates, first_date
from retrieval.folding import squeezed
from retrieval.languages import detect_language
from retrieval.scripts import CJK_CHAR
from retrieval.sentences import split_sentences

_BODY_MIN_UNITS = 20  # a head ends at the first paragraph of at least this many words
_TITLE_MAX_UNITS = 40
_FALLBACK_TITLE_CHARS = 120

_WIRE = re.compile(
    r"\((" + "|".join(WIRE_NAMES) + r")\)|/\s*(" + "|".join(WIRE_NAMES) + r")\s*/", re.I
)

_SOURCE_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:information\s+source|source|quelle|来源|信息来源|herausgeber|publisher|"
    r"veröffentlicht\s+von|provided\s+by|published\s+by|released\s+by|issued\s+by)"
    r"(?:\s*[:：]\s*|\s+)"
    r"|(?:^|(?<=\s))from\s*[:：]\s*",  # "From: <paper>" only with its colon
    re.IGNORECASE,
)
# Labels of a byline's writer: "Writer: …", "By …" opening the line or a field, "作者:…",
# "记者 …" (a Chinese reporter credit, the name after a space), "文/…".
_AUTHOR_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜]))(?:writers?|authors?|autor(?:in)?|verfasser(?:in)?|reporters?)\s*[:：]\s*"
    r"|(?:^|[|｜]\s*)by\s+(?=[A-Z])"
    r"|(?:作者|记者|撰稿|撰文)(?:\s*[:：/｜|]\s*|\s+)"
    r"|(?:^|(?<=[\s|｜]))文\s*[:：/｜|]\s*",
    re.IGNORECASE,
)
_AUTHOR_MAX_UNITS = 12
_FIELD_SEPARATORS = ("|", "｜", "·")
# Where a label's value ends: at the next label, a date, a separator or a double space.
_VALUE_END = re.compile(
    r"\s{2,}|\s[|｜·]\s|\s(?=(?:作者|记者|编辑|责任编辑|来源|发表时间|发布时间|时间|日期|author|autor|"
    r"by|date|datum|release\s+time|released|published|updated|update|editor|writer|from|source)"
    r"\s*[:：])|(?=\s*\d{4}[-/.年]\d{1,2})|\s*$",
    re.IGNORECASE,
)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'）)\]]+")


@dataclass(frozen=True)
class ExtractedMetadata:
    title: str | None
    title_segment: int | None  # index of the segment holding the title, when it is in the text
    title_guessed: bool  # True when the title is the first sentence, for want of a title line
    date: str | None  # ISO 8601
    date_from_body: bool  # True when no date was stated and one from the first paragraph is used
    source: str | None
    author: str | None  # who wrote it, as a byline states
    url: str | None
    language: str
    languages: tuple[str, ...]  # every language of the prose, main one first


def extract_metadata(
    text: str, segments: Sequence[Segment], *, event_date_fallback: bool = True
) -> ExtractedMetadata:
    """Read the metadata from classified segments.

    ``event_date_fallback``: when no date is stated, take the first date of the first
    paragraphs (flagged ``date_from_body``); off for data records, whose text is an abstract.
    """
    languages = _languages(segments)
    language = languages[0]
    head_end = _head_end(segments)
    title_index = _title_segment(segments, head_end)
    title, guessed = None, False
    if title_index is not None:
        title = segments[title_index].text.strip()
    else:
        title = _first_sentence(segments, language)
        guessed = title is not None
    date, from_body = _date(segments, head_end, event_date_fallback)
    return ExtractedMetadata(
        title=title,
        title_segment=title_index,
        title_guessed=guessed,
        date=date,
        date_from_body=from_body,
        source=_source(segments, language),
        author=_author(segments),
        url=_url(segments),
        language=language,
        languages=languages,
    )


def _languages(segments: Sequence[Segment]) -> tuple[str, ...]:
    weight: Counter[str] = Counter()
    for item in segments:
        if item.kind is Kind.PROSE:
            weight[detect_language(item.text)] += int(word_units(item.text) * 10)
    if not weight:
        return ("en",)
    return tuple(language for language, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])))


def _head_end(segments: Sequence[Segment]) -> int:
    """Index of the first body paragraph; the segments before it are the page head."""
    for index, item in enumerate(segments):
        if item.kind is Kind.PROSE and word_units(item.text) >= _BODY_MIN_UNITS:
            return index
    return len(segments)


def _title_segment(segments: Sequence[Segment], head_end: int) -> int | None:
    counts = Counter(squeezed(item.text) for item in segments)
    best: tuple[tuple[int, int, int, float], int] | None = None
    for index in range(head_end):
        item = segments[index]
        if item.kind is Kind.BOILERPLATE or item.reason or not _title_shaped(item.text):
            continue  # boilerplate, or content of its own kind (a speaker line)
        repeated = counts[squeezed(item.text)] > 1
        # The occasion above a speaker line ("Delivered at ...") names the report's session,
        # not the report: the title only when no other line can be.
        occasion = speaker_occasion(segments, index)
        score = (
            int(not occasion),
            int(repeated),
            1 if item.heading_level else 0,
            word_units(item.text),
        )
        if best is None or score > best[0]:
            best = (score, index)
    return best[1] if best else None


def _title_shaped(text: str) -> bool:
    units = word_units(text)
    if not 3 <= units <= _TITLE_MAX_UNITS:
        return False
    stripped = text.rstrip().rstrip("\"'”’»」』）)]】》")  # a quoted sentence is no title either
    return not stripped.endswith((".", "。", ":", "：", ",", "，", ";"))


def _first_sentence(segments: Sequence[Segment], language: str) -> str | None:
    for item in segments:
        if item.kind is Kind.PROSE and not item.reason:
            spans = split_sentences(item.text[: _FALLBACK_TITLE_CHARS * 4], language)
            if not spans:
                continue
            start, end = spans[0]
            sentence = " ".join(item.text[start:end].split())
            if len(sentence) <= _FALLBACK_TITLE_CHARS:
                return sentence
            cut = sentence.rfind(" ", 0, _FALLBACK_TITLE_CHARS)
            return sentence[: cut if cut > 40 else _FALLBACK_TITLE_CHARS].rstrip(" ,;:") + "…"
    return None


def _date(
    segments: Sequence[Segment], head_end: int, event_date_fallback: bool
) -> tuple[str | None, bool]:
    # 1. stated in the page head: a date line, a label, a byline, an inline prefix
    for index, item in enumerate(segments[: head_end + 1]):
        if item.prefix:
            found = first_date(item.prefix)
            if found:
                return found, False
        if index < head_end and item.kind is not Kind.PROSE:
            found = first_date(item.text)
            if found:
                return found, False
    # 2. stated by a metadata label anywhere ("Published: ...", "发布时间: ...")
    for item in segments:
        if item.kind is Kind.BOILERPLATE and item.reason in ("metadata", "date"):
            found = first_date(item.text)
            if found:
                return found, False
    # 3. only an event date in the first paragraphs ("On February 5, 2025, ...")
    if not event_date_fallback:
        return None, False
    for item in segments[head_end : head_end + 2]:
        if item.kind is Kind.PROSE:
            dates = find_dates(item.text)
            if dates:
                return dates[0].iso, True
    return None, False


def _source(segments: Sequence[Segment], language: str) -> str | None:
    candidates: list[str] = []
    wire: str | None = None
    for item in segments:
        for chunk in (item.prefix, item.text if item.kind is not Kind.PROSE else ""):
            found = _WIRE.search(chunk) if chunk else None
            if found and wire is None:
                wire = WIRE_NAMES[(found.group(1) or found.group(2)).lower()]
        if item.kind is Kind.PROSE or word_units(item.text) > 30:
            continue
        value = _label_value(item.text)
        if value:
            candidates.append(value)
    source = _choose_source(candidates, language)
    if wire and source and wire.lower() not in source.lower():
        return f"{source} ({wire})"
    return source or wire


def _label_value(text: str) -> str | None:
    # A Latin label opens the line or a field of a byline ("Writer: X | From: Paper"); inside
    # a sentence "source" is a word.
    label = next(
        (
            found
            for found in _SOURCE_LABEL.finditer(text)
            if found.start() == 0
            or CJK_CHAR.match(text[found.start()])
            or text[: found.start()].rstrip().endswith(_FIELD_SEPARATORS)
        ),
        None,
    )
    if label is None:
        return None
    rest = text[label.end() :]
    end = _VALUE_END.search(rest)
    raw = rest[: end.start() if end else len(rest)].rstrip()
    if raw.endswith((":", "：")):
        return None  # an empty label, then the next one ("来源: 点击:")
    value = raw.strip(" *_:：-–—|,.;")
    if (
        not value
        or word_units(value) > 12
        or boilerplate_vocabulary()["navigation"].fullmatch(value)
    ):
        return None
    return value


def _author(segments: Sequence[Segment]) -> str | None:
    """The writer a byline names: the first label's value on a line that is not running text."""
    for item in segments:
        if item.kind is Kind.PROSE or word_units(item.text) > 30:
            continue
        label = _AUTHOR_LABEL.search(item.text)
        if label is None:
            continue
        rest = item.text[label.end() :]
        end = _VALUE_END.search(rest)
        value = rest[: end.start() if end else len(rest)].strip(" *_:：-–—|,.;")
        if value and word_units(value) <= _AUTHOR_MAX_UNITS:
            return value
    return None


def _choose_source(candidates: list[str], language: str) -> str | None:
    """Prefer the source written in the page's main script ("Lingnan on the Cloud" in an
    English page that also names "羊城晚报-云上岭南")."""
    if not candidates:
        return None
    cjk_page = language in ("zh", "ja", "ko")
    for candidate in candidates:
        if bool(CJK_CHAR.search(candidate)) == cjk_page:
            return candidate
    return candidates[0]


def _url(segments: Sequence[Segment]) -> str | None:
    location = boilerplate_vocabulary()["location"]
    for item in segments:
        if item.kind is Kind.PROSE and word_units(item.text) > 30:
            continue
        if not location.search(item.text):
            continue
        found = _URL_IN_TEXT.search(item.text)
        if found:
            return found.group(0).rstrip(".,;:>")
    return None
