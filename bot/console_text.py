"""A card as console text: the same words as the embed, for a terminal or for a pipe.

On a terminal bold and italics are ANSI styles; piped, there are no markers at all (no `**`).
Links show the page's address; the text fragment that scrolls to the quote only with
`--links full` (it is often hundreds of characters of percent-encoding). Subtext lines lose
their `-# `; command mentions read `/name`. Whatever comes from the corpus or the user reaches
the terminal without control characters (`terminal_safe`): a document cannot move the cursor,
retitle the window or colour the rest of the session.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.cards import Card
from bot.command_mentions import mentions_as_plain
from bot.markdown import to_plain
from bot.user_text import TERMINAL_ESCAPE

SUBTEXT = "-# "
DIM, NORMAL = "\033[2m", "\033[22m"
# C0 and C1 controls and DEL, but newline and tab: what is left once escape sequences are gone.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# Keeps a Chinese date on one line in Discord ("2025年1月16日"); a terminal does not wrap there,
# and some draw it as a box.
_WORD_JOINER = "\u2060"


def terminal_safe(text: str) -> str:
    """`text` without terminal escape sequences, control characters (newline and tab kept) or
    word joiners."""
    return _CONTROL.sub("", TERMINAL_ESCAPE.sub("", text)).replace(_WORD_JOINER, "")


@dataclass(frozen=True)
class TextStyle:
    """How console text is written: ANSI styles (a terminal) or none (a pipe), full links."""

    ansi: bool = False
    full_links: bool = False


def _display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def plain_text(markdown: str, style: TextStyle) -> str:
    """Our markdown as console text in `style`, line by line."""
    lines: list[str] = []
    for line in mentions_as_plain(markdown).split("\n"):
        subtext = line.startswith(SUBTEXT)
        text = to_plain(
            line.removeprefix(SUBTEXT),
            ansi=style.ansi,
            markers=False,
            full_links=style.full_links,
            clean=terminal_safe,
        )
        if subtext and style.ansi:
            text = DIM + text + NORMAL
        lines.append(text)
    return "\n".join(lines)


PLAIN = TextStyle()


def to_text(card: Card, style: TextStyle = PLAIN) -> str:
    """The card as console text: the same words as the embed, links spelled out."""
    title = plain_text(card.title, style)
    lines = [title]
    if card.url:
        lines.append(terminal_safe(card.url))
    lines.append("=" * min(max(_display_width(plain_text(card.title, PLAIN)), 8), 72))
    if card.description:
        lines.append(plain_text(card.description, style))
    for item in card.fields:
        lines.append("")
        lines.append(plain_text(item.name, style))
        lines.extend("  " + line for line in plain_text(item.value, style).split("\n"))
    if card.footer:
        lines.append("")
        lines.append(f"-- {plain_text(card.footer, style)}")
    return "\n".join(lines)
