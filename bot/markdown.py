"""Safe Discord markdown: escaping corpus text, bolding matched words, clipping to a limit.

Everything here works on the markdown this bot writes itself: corpus text is escaped first, so any
unescaped `**`, `[label](url)` left in a string is ours. That is what lets `clip` cut anywhere
without breaking a marker, and `to_plain` turn an answer back into console text.

Lengths are counted in UTF-16 code units (`discord_len`): never less than Python's code-point count,
so a text within the limit by this measure is within it however Discord counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import quote as percent_quote

import regex
from discord.utils import escape_mentions

ELLIPSIS = "…"

# discord.utils' own URL pattern (private there): URLs stay unescaped, as Discord's client
# autolinks them before it reads markdown, and a backslash inside would break the link.
_URL = r"<[^: >]+:\/[^ >]+>|(?:https?|steam):\/\/[^\s<]+[^<.,:;\"\'\]\s]"

# Stricter than discord.utils.escape_markdown, which leaves the inside of masked links, ordered
# list numbers and `<t:...>` / `<#...>` tokens live. Discord hides a backslash before any ASCII
# punctuation, so escaping more than needed never shows.
_ESCAPE = re.compile(
    rf"(?P<url>{_URL})|(?P<md>[\\*_~|`\[\]<>#-])|^(?P<num>[ \t]*\d+)\.(?=[ \t])",
    re.MULTILINE,
)

# One indivisible piece of our markdown: an escape pair, a bold marker, a whole masked link,
# a newline, other whitespace, or one grapheme cluster (never split surrogates or emoji sequences).
_ATOM = regex.compile(
    r"\\[^\sA-Za-z0-9]|\*\*|\[(?:\\.|[^\]\\\n])*\]\([^()\s]+\)|\n|\s|\X", regex.DOTALL
)
_LINK = regex.compile(r"\[((?:\\.|[^\]\\\n])*)\]\(([^()\s]+)\)")
_UNESCAPE = re.compile(r"\\([^\sA-Za-z0-9])")
# What discord.py's escape_mentions puts after an "@" so that it pings no one.
_MENTION_BREAK = "@\u200b"
# Scripts written without spaces between words: no word boundary to look for.
_UNSPACED_SCRIPTS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}"
_NO_WORD_BOUNDARY = regex.compile(rf"[{_UNSPACED_SCRIPTS}]")
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}_]")
_CJK_PUNCTUATION = "，。、；：！？,;:!?"


def discord_len(text: str) -> int:
    """Length as Discord's limits count it, safely: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Corpus or user text made inert: no markdown, no mentions, no timestamps or channel links."""

    def replace(match: re.Match[str]) -> str:
        if match.group("url"):
            return match.group("url")
        if match.group("md"):
            return "\\" + match.group("md")
        return match.group("num") + "\\."

    return escape_mentions(_ESCAPE.sub(replace, text))


def unescape(markdown: str) -> str:
    """The text `escape` was given, from what it made: escapes and broken mentions undone."""
    return _UNESCAPE.sub(r"\1", markdown).replace(_MENTION_BREAK, "@")


# A letter or digit of a script with spaces: a term next to one is part of a longer word. A Han
# character is no such neighbour: "2024年" and "简称GDP" hold the whole words 2024 and GDP.
_SPACED_WORD_CHAR = rf"[\p{{L}}\p{{N}}_--{_UNSPACED_SCRIPTS}]"


def _term_pattern(term: str) -> str:
    # Whole words for scripts with spaces; CJK has no word boundaries to ask for.
    left = (
        ""
        if _NO_WORD_BOUNDARY.match(term[0]) or not _WORD_CHAR.match(term[0])
        else rf"(?<!{_SPACED_WORD_CHAR})"
    )
    right = (
        ""
        if _NO_WORD_BOUNDARY.match(term[-1]) or not _WORD_CHAR.match(term[-1])
        else rf"(?!{_SPACED_WORD_CHAR})"
    )
    return left + regex.escape(term) + right


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of the terms in `text`, case-insensitive, outside URLs."""
    cleaned = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    if not cleaned:
        return []
    urls = [m.span() for m in re.finditer(_URL, text)]
    pattern = regex.compile(
        "|".join(_term_pattern(t) for t in cleaned), regex.IGNORECASE | regex.VERSION1
    )
    spans = [
        m.span()
        for m in pattern.finditer(text, overlapped=False)
        if m.end() > m.start() and not any(a <= m.start() < b for a, b in urls)
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        # Overlapping, touching or only a space apart: one bold run ("**Zhang Jinsong**").
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start] == " "):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: Iterable[str]) -> str:
    """`text` escaped, with every whole-word occurrence of the terms in bold."""
    text = escape_mentions(text)
    pieces: list[str] = []
    position = 0
    for start, end in match_spans(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append("**" + escape(text[start:end]) + "**")
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def clip(markdown: str, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """`markdown` cut to `limit` at a word boundary with an ellipsis; markers stay balanced.

    Falls back to a grapheme boundary when the text has no space near the cut (CJK, long URLs).
    """
    if discord_len(markdown) <= limit:
        return markdown
    budget = limit - discord_len(ellipsis) - 2  # room for a closing bold marker
    if budget <= 0:
        return ellipsis[: max(limit, 0)]
    kept: list[str] = []
    used = 0
    last_space = -1
    used_before_space = 0
    # Atoms are read only up to the cut: a long text is not split whole to keep its start.
    for match in _ATOM.finditer(markdown):
        atom = match.group()
        size = len(atom) if atom.isascii() else discord_len(atom)
        if used + size > budget:
            break
        if atom.isspace():
            last_space, used_before_space = len(kept), used
        kept.append(atom)
        used += size
    if last_space > 0 and used_before_space >= budget // 2:
        kept = kept[:last_space]
    bold_markers = kept.count("**")
    while kept and (kept[-1].isspace() or (kept[-1] == "**" and bold_markers % 2 == 1)):
        if kept.pop() == "**":  # no trailing blanks, no bold opened on nothing
            bold_markers -= 1
    return "".join(kept) + ("**" if bold_markers % 2 == 1 else "") + ellipsis


def block_quote(markdown: str) -> str:
    """Every line of `markdown` quoted, so a multi-line passage stays one block quote."""
    return "\n".join("> " + line for line in markdown.split("\n"))


def normalise_lines(text: str) -> str:
    """Whitespace inside lines kept; blank lines (which would end a block quote) removed."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def link(label_markdown: str, url: str | None) -> str:
    """A masked link when `url` is a web address, else just the label."""
    # A newline would end the link; a URL inside the label would be autolinked (and Discord
    # refuses masked links whose label looks like a URL), so its "//" is escaped.
    label_markdown = " ".join(label_markdown.split()).replace("://", ":\\/\\/")
    if not url or not url.lower().startswith(("https://", "http://")):
        return label_markdown
    safe = (
        url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
    ).replace(">", "%3E")
    return f"[{label_markdown}]({safe})"


def _encode_fragment_part(text: str) -> str:
    # RFC 3986 percent-encoding, plus '-' (which quote() leaves alone) since the text directive
    # uses '-' ',' '&' as syntax: https://wicg.github.io/scroll-to-text-fragment/#syntax
    return percent_quote(text, safe="").replace("-", "%2D")


# Words that open (and close) a long quote's text fragment. The browser highlights from the
# first place the opening words occur on the page: four ("It is necessary to") recur in a long
# speech and sent 7 of the seed corpus's 126 links to an earlier paragraph; six recur nowhere.
FRAGMENT_WORDS = 6


def text_fragment_url(url: str, quote_text: str, *, max_encoded: int = 600) -> str:
    """`url` with a text fragment that scrolls to and highlights `quote_text` on the page.

    Short quotes are matched whole; long ones by their first and last words
    (`#:~:text=start,end`), which keeps the URL short. Falls back to `url` when the fragment
    would be too long to fit an answer.
    """
    flat = " ".join(quote_text.split())
    if not flat:
        return url
    words = flat.split(" ")
    directive: str
    if len(words) > 2 * FRAGMENT_WORDS:
        directive = (
            _encode_fragment_part(" ".join(words[:FRAGMENT_WORDS]))
            + ","
            + _encode_fragment_part(" ".join(words[-FRAGMENT_WORDS:]))
        )
    elif len(flat) > 40 and _NO_WORD_BOUNDARY.search(flat):
        directive = _cjk_directive(flat)
    else:
        directive = _encode_fragment_part(flat)
    if len(directive) > max_encoded:
        return url
    separator = ":~:text=" if "#" in url else "#:~:text="
    return f"{url}{separator}{directive}"


def _cjk_directive(flat: str) -> str:
    # Start and end must fall on word boundaries; in Chinese the safe ones are punctuation marks.
    first = next((i for i, c in enumerate(flat) if c in _CJK_PUNCTUATION and 6 <= i <= 40), None)
    last = next(
        (i for i in range(len(flat) - 2, -1, -1) if flat[i] in _CJK_PUNCTUATION),
        None,
    )
    if first is None or last is None or last <= first:
        return _encode_fragment_part(flat)
    start, end = flat[:first], flat[last + 1 :]
    if not start.strip() or not end.strip() or len(end) > 40:
        return _encode_fragment_part(flat)
    return _encode_fragment_part(start.strip()) + "," + _encode_fragment_part(end.strip())


def without_text_fragment(url: str) -> str:
    """`url` without its `#:~:text=` directive: the page's own address."""
    cut = url.find(":~:")
    if cut < 0:
        return url
    return url[:cut].removesuffix("#")


def to_plain(
    markdown: str,
    *,
    ansi: bool = False,
    markers: bool = True,
    full_links: bool = True,
    clean: Callable[[str], str] | None = None,
) -> str:
    """Our markdown as console text: links as `label <url>`, escapes removed; bold and italics
    as ANSI styles (`ansi`), as their markdown markers (`markers`), or not marked at all.
    Without `full_links` a link shows its page's address, not the text fragment. `clean` is
    applied to the text between the styles once unescaped (the console removes control
    characters there, and keeps its own styles)."""

    def atoms() -> Iterator[str]:
        # A masked link is one atom (never one begun at an escaped "\\["): its label's atoms,
        # then its address.
        for atom in _ATOM.findall(markdown):
            found = _LINK.fullmatch(atom)
            if found is None:
                yield atom
                continue
            yield from _ATOM.findall(found.group(1))
            url = found.group(2) if full_links else without_text_fragment(found.group(2))
            yield f" <{url}>"

    pieces: list[str] = []
    run: list[str] = []  # atoms since the last style: escape pairs stay whole in one run

    def end_run() -> None:
        shown = unescape("".join(run))
        pieces.append(clean(shown) if clean else shown)
        run.clear()

    bold = italic = False
    for atom in atoms():
        if atom == "**":
            end_run()
            bold = not bold
            pieces.append(("\033[1m" if bold else "\033[22m") if ansi else "**" if markers else "")
        elif atom == "*":
            end_run()
            italic = not italic
            pieces.append(("\033[3m" if italic else "\033[23m") if ansi else "*" if markers else "")
        else:
            run.append(atom)
    end_run()
    return "".join(pieces)
