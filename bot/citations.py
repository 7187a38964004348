"""How a quote is cited: one short subtext line under it, and the full citation to paste.

The line under a quote names, in this order, who said it (when the corpus says), the source's
short name, a date that never breaks, the page (of a PDF), the paragraph, and the title linked to
the quoted sentence itself (a `#:~:text=` fragment). The full source and title are in the Cite
button's text and in /sources, not after every quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.answer_parts import inline, iso_date, language_name, plural, short_date
from bot.markdown import clip, discord_len, link, text_fragment_url
from retrieval.models import Copy, Counterpart, DocumentInfo

SOURCE_LENGTH = 32
TITLE_LENGTH = 56
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


def short_source(source: str) -> str:
    """The source's name without what its parentheses add: "Lingnan on the Cloud (Yangcheng
    Evening News, …)" is "Lingnan on the Cloud"; at most a few words."""
    name = " ".join(_PARENTHESES.sub("", source).split()) or " ".join(source.split())
    if not name or name.casefold() == "unknown source":
        return "unknown source"
    return clip(inline(name), SOURCE_LENGTH)


def quote_url(document: DocumentInfo, text: str) -> str | None:
    """The address of the quoted sentence on its page (a text fragment), or of the page."""
    if not document.url:
        return None
    return text_fragment_url(document.url, text) if text.strip() else document.url


def citation_line(number: int | None, cited: Cited, limit: int) -> str:
    """The subtext line under a quote, within `limit` characters of markdown. What gives way,
    in order: the copies, the other languages' links, the text fragment, the title's length,
    the title's link; number, speaker, source, date, page and paragraph stay."""
    head: list[str] = [f"**{number}**"] if number is not None else []
    if cited.speaker:
        head.append(f"said by {clip(inline(cited.speaker), 60)}")
    head.append(short_source(cited.document.source))
    head.append(short_date(cited.document.date))
    if cited.page:
        head.append(f"p.\u00a0{cited.page}")
    if cited.paragraph:
        head.append(f"\u00b6\u00a0{cited.paragraph}")
    title = clip(inline(cited.document.title), TITLE_LENGTH) or "untitled"
    fragment_url = quote_url(cited.document, cited.text)
    titles = [
        link(f"*{title}*", fragment_url),
        link(f"*{title}*", cited.document.url),
        link(f"*{clip(title, 28)}*", cited.document.url),
        f"*{clip(title, 28)}*",
    ]
    extras_full = [
        also_in_segment(cited.also_in, 400),
        also_published_segment(cited.also_published, 200),
    ]
    extras_short = [also_in_segment(cited.also_in, 60, linked=False), ""]
    for extras in (extras_full, extras_short, ["", ""]):
        for shown_title in titles:
            parts = [*head, shown_title, *(e for e in extras if e)]
            line = "-# " + " \u00b7 ".join(parts)
            if discord_len(line) <= limit:
                return line
    return clip("-# " + " \u00b7 ".join(head), limit)


def full_citation(number: int | None, cited: Cited) -> str:
    """The citation to paste, on one line: speaker, full source, full title, ISO date, page
    (of a PDF), paragraph, and the page's clean address (no text fragment)."""
    parts: list[str] = []
    if cited.speaker:
        parts.append(" ".join(cited.speaker.split()))
    parts.append(" ".join(cited.document.source.split()) or "unknown source")
    parts.append("\u201c" + (" ".join(cited.document.title.split()) or "untitled") + "\u201d")
    parts.append(iso_date(cited.document.date))
    if cited.page:
        parts.append(f"p. {cited.page}")
    if cited.paragraph:
        parts.append(f"para. {cited.paragraph}")
    line = ", ".join(parts) + "."
    if cited.document.url:
        line += " " + cited.document.url
    prefix = f"[{number}] " if number is not None else ""
    return (prefix + line).replace("`", "'")  # a backtick would end the code block


def _copy_name(document: DocumentInfo) -> str:
    """A short name for who published a copy: its source, else its site, else its title (in
    italics, as citations show titles)."""
    source = " ".join(document.source.split())
    if source and source.casefold() != "unknown source":
        return short_source(source)
    host = urlsplit(document.url).hostname if document.url else None
    if host:
        return clip(inline(host.removeprefix("www.")), 40)
    title = clip(inline(document.title), 40)
    return f"*{title}*" if title else "another document"


def also_published_segment(copies: Sequence[Copy], limit: int) -> str:
    """The other documents that carry the quote, within `limit`: "also published by Xinhua
    (2024-02-19), example.org". As many names as fit, the rest counted; names link to their
    copy when that fits too. Empty when there are no copies."""
    if not copies:
        return ""
    head = "also published by "
    plain = [_copy_name(copy.document) for copy in copies]
    linked = [link(name, copy.document.url) for name, copy in zip(plain, copies, strict=True)]
    dates = [f" ({short_date(c.document.date)})" if c.document.date else "" for c in copies]
    for shown in range(len(copies), 0, -1):
        rest = len(copies) - shown
        more = f" and {rest} more" if rest else ""
        for names in (linked, plain):
            line = head + ", ".join(n + d for n, d in zip(names[:shown], dates, strict=False))
            if discord_len(line + more) <= limit:
                return line + more
    return clip(f"{head}{plural(len(copies), 'other document')}", limit)


def also_in_segment(counterparts: Sequence[Counterpart], limit: int, *, linked: bool = True) -> str:
    """The languages the quote is also in, within `limit`: "also in German (original),
    Chinese". Each language links to its counterpart's sentence on its page (a text fragment,
    as citations link), when that fits; the original is marked when the dates tell. Empty when
    there are no counterparts."""
    by_language: dict[str, list[Counterpart]] = {}
    for counterpart in counterparts:
        found = by_language.setdefault(counterpart.language, [])
        if not found or found[0].document.id == counterpart.document.id:
            found.append(counterpart)  # one document per language: the others are its copies
    if not by_language:
        return ""
    names = [inline(language_name(language)) for language in by_language]
    marks = [
        " (original)" if any(c.original for c in found) else "" for found in by_language.values()
    ]
    links = [_counterpart_url(found) for found in by_language.values()]
    attempts = [[name + mark for name, mark in zip(names, marks, strict=True)]]
    if linked:
        linked_parts = [
            link(name, url) + mark for name, url, mark in zip(names, links, marks, strict=True)
        ]
        attempts.insert(0, linked_parts)
    for parts in attempts:
        line = "also in " + ", ".join(parts)
        if discord_len(line) <= limit:
            return line
    return clip("also in " + ", ".join(attempts[-1]), limit)


def _counterpart_url(counterparts: Sequence[Counterpart]) -> str | None:
    """The address of the counterparts' sentences: their page, with a text fragment from the
    first one's opening words to the last one's closing words."""
    url = counterparts[0].document.url
    if not url:
        return None
    text = " ".join(c.text for c in counterparts)
    return text_fragment_url(url, text) if text.strip() else url
