"""A verbatim quote as a block quote, with what answers the question in bold."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from bot.markdown import ELLIPSIS, block_quote, clip, highlight, normalise_lines

# A passage cut out of a longer sentence starts in lower case or ends on a comma; the quote marks
# the cut with an ellipsis, as a journalist would, so it does not read as the whole sentence.
_ENDS_MID_SENTENCE = re.compile(r"[,;\uff0c\uff1b\u3001]$")


def bold_terms(
    matched_terms: Sequence[str], common: Container[str], figures: Sequence[str] = ()
) -> list[str]:
    """What a quote shows in bold: the figures that answer a question of figures (alone, so the
    answer stands out), else the matched words less those found almost everywhere in the
    corpus (they mark nothing)."""
    if figures:
        return list(figures)
    return [t for t in matched_terms if t not in common]


def quote_block(text: str, bold: Sequence[str], limit: int) -> str:
    """A verbatim quote as a block quote, `bold` words in bold, cut to `limit` characters; an
    ellipsis marks where it begins or ends inside a sentence."""
    text = text.strip()
    body = highlight(normalise_lines(text), bold)
    first_word = text.split(maxsplit=1)[0].rstrip(",;:") if text else ""
    if first_word.isalpha() and first_word.islower():  # "made a series…", not "iPhone" or "5G"
        body = ELLIPSIS + body
    if _ENDS_MID_SENTENCE.search(text):
        body += ELLIPSIS
    lines = body.count("\n") + 1
    return block_quote(clip(body, max(limit - 2 * lines, 20)))
