"""How a quote is cited: one short subtext line under it, and the full citation to paste.

The line under a quote names, in this order, who said it (when the corpus says), the source's
short name, a date that never breaks, a warning when the page reads as a word-scrambled copy
(SEO spam), the page (of a PDF), the paragraph, and the title linked to
the quoted sentence itself (a `#:~:text=` fragment). The full source and title are in the Cite
button's text and in /sources, not after every quote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot import citation_texts as words
from bot.answer_parts import inline, iso_date, language_name, short_date
from bot.markdown import clip, discord_len, link, text_fragment_url
from retrieval.models import Copy, Counterpart, DocumentInfo

SOURCE_LENGTH = 32
TITLE_LENGTH = 56
# The title, shorter, when the citation line has no room for TITLE_LENGTH.
SHORT_TITLE_LENGTH = 28
_PARENTHESES = re.compile(r"\s*[(\uff08][^()\uff08\uff09]*[)\uff09]")


@dataclass(frozen=True)
class Cited:
    """What a citation needs of a quote, whether it came from a search or a statement list."""

    document: DocumentInfo
    text: str
    paragraph: int | None
    page: int | None = None  # the page a quote from a PDF starts on
    speaker: str | None = None
    also_in: Sequence[Counterpart] = ()
    also_published: Sequence[Copy] = ()


def short_source(source: str, language: str | None = None) -> str:
    """The source's name without what its parentheses add: "Lingnan on the Cloud (Yangcheng
    Evening News, …)" is "Lingnan on the Cloud"; at most a few words ("unknown source" in
    `language` when there is none)."""
    name = " ".join(_PARENTHESES.sub("", source).split()) or " ".join(source.split())
    if not name or name.casefold() == "unknown source":
        return words.UNKNOWN_SOURCE(language)
    return clip(inline(name), SOURCE_LENGTH)


def quote_url(document: DocumentInfo, text: str) -> str | None:
    """The address of the quoted sentence on its page (a text fragment), or of the page."""
    if not document.url:
        return None
    return text_fragment_url(document.url, text) if text.strip() else document.url


def citation_line(number: int | None, cited: Cited, limit: int, language: str | None = None) -> str:
    """The subtext line under a quote, within `limit` characters of markdown, its words and
    date in `language`. What gives way, in order: the copies, the other languages' links, the
    text fragment, the title's length, the title's link; number, speaker, source, date, the
    scrambled-copy warning, page and paragraph stay."""
    head: list[str] = [f"**{number}**"] if number is not None else []
    if cited.speaker:
        head.append(words.SAID_BY(language, speaker=clip(inline(cited.speaker), 60)))
    head.append(short_source(cited.document.source, language))
    head.append(short_date(cited.document.date, language))
    if cited.document.scrambled:
        head.append(words.SCRAMBLED(language))
    if cited.page:
        head.append(words.PAGE(language, page=cited.page))
    if cited.paragraph:
        head.append(f"\u00b6\u00a0{cited.paragraph}")
    title, shorter = _title_lengths(cited.document.title)
    title = title or words.UNTITLED(language)
    shorter = shorter or title
    fragment_url = quote_url(cited.document, cited.text)
    titles = [
        link(f"*{title}*", fragment_url),
        link(f"*{title}*", cited.document.url),
        link(f"*{shorter}*", cited.document.url),
        f"*{shorter}*",
    ]
    extras_full = [
        also_in_segment(cited.also_in, 400, language=language),
        also_published_segment(cited.also_published, 200, language),
    ]
    extras_short = [also_in_segment(cited.also_in, 60, linked=False, language=language), ""]
    for extras in (extras_full, extras_short, ["", ""]):
        for shown_title in titles:
            parts = [*head, shown_title, *(e for e in extras if e)]
            line = "-# " + " \u00b7 ".join(parts)
            if discord_len(line) <= limit:
                return line
    return clip("-# " + " \u00b7 ".join(head), limit)


@functools.lru_cache(maxsize=1024)
def _title_lengths(title: str) -> tuple[str, str]:
    """A document's title as a citation line shows it, and shorter: worked out once per
    document, not for every quote of it (clipping reads the title grapheme by grapheme)."""
    shown = clip(inline(title), TITLE_LENGTH)
    return shown, clip(shown, SHORT_TITLE_LENGTH)


def full_citation(number: int | None, cited: Cited, language: str | None = None) -> str:
    """The citation to paste, on one line: speaker, full source, full title, ISO date, page
    (of a PDF), paragraph, and the page's clean address (no text fragment); the few words of
    its own ("p.", "untitled") in `language`."""
    parts: list[str] = []
    if cited.speaker:
        parts.append(" ".join(cited.speaker.split()))
    parts.append(" ".join(cited.document.source.split()) or words.UNKNOWN_SOURCE(language))
    title = " ".join(cited.document.title.split()) or words.UNTITLED(language)
    parts.append("\u201c" + title + "\u201d")
    parts.append(iso_date(cited.document.date, language))
    if cited.page:
        parts.append(words.PASTED_PAGE(language, page=cited.page))
    if cited.paragraph:
        parts.append(words.PASTED_PARAGRAPH(language, paragraph=cited.paragraph))
    line = ", ".join(parts) + "."
    if cited.document.url:
        line += " " + cited.document.url
    prefix = f"[{number}] " if number is not None else ""
    return (prefix + line).replace("`", "'")  # a backtick would end the code block


def _copy_name(document: DocumentInfo, language: str | None) -> str:
    """A short name for who published a copy: its source, else its site, else its title (in
    italics, as citations show titles)."""
    source = " ".join(document.source.split())
    if source and source.casefold() != "unknown source":
        return short_source(source)
    host = urlsplit(document.url).hostname if document.url else None
    if host:
        return clip(inline(host.removeprefix("www.")), 40)
    title = clip(inline(document.title), 40)
    return f"*{title}*" if title else words.ANOTHER_DOCUMENT(language)


def also_published_segment(copies: Sequence[Copy], limit: int, language: str | None = None) -> str:
    """The other documents that carry the quote, within `limit`, in `language`: "also published
    by Xinhua (19 Feb 2024), example.org". As many names as fit, the rest counted; names link
    to their copy when that fits too. Empty when there are no copies."""
    if not copies:
        return ""
    separator = words.LIST_SEPARATOR(language)
    plain = [_copy_name(copy.document, language) for copy in copies]
    linked = [link(name, copy.document.url) for name, copy in zip(plain, copies, strict=True)]
    dates = [
        f" ({short_date(c.document.date, language)})" if c.document.date else "" for c in copies
    ]
    for shown in range(len(copies), 0, -1):
        rest = len(copies) - shown
        for names in (linked, plain):
            listed = separator.join(n + d for n, d in zip(names[:shown], dates, strict=False))
            if rest:
                listed = words.AND_MORE(language, names=listed, count=rest)
            line = words.ALSO_PUBLISHED_BY(language, names=listed)
            if discord_len(line) <= limit:
                return line
    return clip(words.ALSO_PUBLISHED_ELSEWHERE(language, count=len(copies)), limit)


def also_in_segment(
    counterparts: Sequence[Counterpart],
    limit: int,
    *,
    linked: bool = True,
    language: str | None = None,
) -> str:
    """The languages the quote is also in, within `limit`, in `language`: "also in German
    (original), Chinese". Each language links to its counterpart's sentence on its page (a text
    fragment, as citations link), when that fits; the original is marked when the dates tell.
    Empty when there are no counterparts."""
    by_language: dict[str, list[Counterpart]] = {}
    for counterpart in counterparts:
        found = by_language.setdefault(counterpart.language, [])
        if not found or found[0].document.id == counterpart.document.id:
            found.append(counterpart)  # one document per language: the others are its copies
    if not by_language:
        return ""
    names = [inline(language_name(code, language)) for code in by_language]
    originals = [any(c.original for c in found) for found in by_language.values()]
    links = [_counterpart_url(found) for found in by_language.values()]
    shown_names = [names]
    if linked:
        shown_names.insert(0, [link(n, url) for n, url in zip(names, links, strict=True)])
    separator = words.LIST_SEPARATOR(language)
    lines = [
        words.ALSO_IN(
            language,
            languages=separator.join(
                words.ORIGINAL(language, language=name) if original else name
                for name, original in zip(shown, originals, strict=True)
            ),
        )
        for shown in shown_names
    ]
    for line in lines:
        if discord_len(line) <= limit:
            return line
    return clip(lines[-1], limit)


def _counterpart_url(counterparts: Sequence[Counterpart]) -> str | None:
    """The address of the counterparts' sentences: their page, with a text fragment from the
    first one's opening words to the last one's closing words."""
    url = counterparts[0].document.url
    if not url:
        return None
    text = " ".join(c.text for c in counterparts)
    return text_fragment_url(url, text) if text.strip() else url
