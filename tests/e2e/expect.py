"""Reading the bot's answers as a user does: markdown undone, so tests compare plain words."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_fake import message_text

_MASKED_LINK = re.compile(r"\[((?:\\.|[^\]\\\n])*)\]\(([^()\s]+)\)")
_ESCAPED = re.compile(r"\\([^\sA-Za-z0-9])")
_QUOTE_PREFIX = re.compile(r"^> ?", re.MULTILINE)


def plain(markdown: str) -> str:
    """What a reader sees of Discord markdown: no link targets, markers, escapes or quote bars;
    whitespace collapsed (Discord's zero-width space in escaped mentions removed too)."""
    text = _MASKED_LINK.sub(r"\1", markdown)
    text = _QUOTE_PREFIX.sub("", text)
    text = text.replace("**", "").replace("\u200b", "")
    text = _ESCAPED.sub(r"\1", text)
    text = text.replace("*", "")  # italic titles
    return " ".join(text.split())


def seen(message: dict[str, Any]) -> str:
    """Everything a user reads in a message, as plain text."""
    return plain(message_text(message))


def flat(text: str) -> str:
    return " ".join(text.split())


def opening(text: str, characters: int = 40) -> str:
    """The first words of a passage, as the answer must show them verbatim."""
    return flat(text)[:characters].rstrip()


def embed(message: dict[str, Any]) -> dict[str, Any]:
    """The message's one embed (every answer of the bot is a single embed)."""
    embeds = message.get("embeds") or []
    assert len(embeds) == 1, f"expected one embed, got {len(embeds)}: {message.get('content')!r}"
    return embeds[0]


_INTERNALS = re.compile(r"Traceback|Exception|Error:|\{\w*\}|<class ")


def reply_problems(message: dict[str, Any]) -> list[str]:
    """Why a reply is not a clear answer for a person: empty, internals leaking (tracebacks,
    exception names, unfilled {placeholders}), or a text reply longer than a short sentence."""
    problems: list[str] = []
    text = seen(message)
    if not text:
        problems.append("the reply is empty")
    leaked = _INTERNALS.findall(text)
    if leaked:
        problems.append(f"the reply shows internals {leaked}: {text[:200]!r}")
    if not message.get("embeds"):
        sentences = re.findall(r"[.!?。！？](?:\s|$)", text)
        if len(text) > 300 or len(sentences) > 2:
            problems.append(f"a text reply should be a short sentence: {text[:300]!r}")
    return problems
