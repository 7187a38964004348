"""Where an /ask answer shows its question, so that its buttons read back exactly that question.

The buttons rebuild an answer from the question its message shows, checked against a checksum
in their ids. The title shows the question between quotes, escaped and cut to Discord's 256
characters; when that cannot give the question back exactly (a long question, or many
underscores, each escaped with a backslash), the footer's last line carries it whole. A footer
is plain text, not markdown, so it needs no escaping, and its 2,048 characters hold any question
the bot accepts.
"""

from __future__ import annotations

from bot.answer_parts import inline
from bot.cards import TITLE_LIMIT
from bot.markdown import clip, unescape

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"


def question_title(question: str) -> str:
    """The title of an answer to `question`: the question between quotes, cut to fit."""
    return OPEN_QUOTE + clip(inline(question), TITLE_LIMIT - 2) + CLOSE_QUOTE


def _read_title(title: str) -> str:
    return unescape(title.removeprefix(OPEN_QUOTE).removesuffix(CLOSE_QUOTE))


def question_footer(footer: str, question: str) -> str:
    """`footer`, and under it the whole question when the title cannot give it back."""
    if _read_title(question_title(question)) == question:
        return footer
    return f"{footer}\n{OPEN_QUOTE}{question}{CLOSE_QUOTE}"


def question_shown(title: str, footer: str | None) -> str:
    """The question an answer's title and footer show (as `question_title` and
    `question_footer` wrote them)."""
    if footer and "\n" in footer:
        last = footer.rpartition("\n")[2]
        return last.removeprefix(OPEN_QUOTE).removesuffix(CLOSE_QUOTE)
    return _read_title(title)
