"""Warnings about many files logged as one line each kind, the full list at debug level.

A corpus of 5,000 files without catalog entries gave 5,000 warning lines at every start. Each
warning still reaches ``Library.warnings`` (the bot's /reload answer, the document notes); the
log gets one line per kind with a count and the first names, and every message at debug level
(``-v`` on the command line).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

# Fewer warnings of a kind than this are logged one by one: a grouped line would hide them.
GROUP_FROM = 4
_EXAMPLES = 3
# "<file>: <what happened>; <details>" or "<file>: <what happened> (<details>)".
_SHAPE = re.compile(r"(?P<name>[^:]+): (?P<kind>[^;(]+?)\s*(?:[;(]|$)")


def grouped(messages: Sequence[str]) -> list[str]:
    """The lines to log for ``messages``: one per kind shared by GROUP_FROM or more files,
    the others as they are, in order of first appearance."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    order: list[str | tuple[str]] = []
    for message in messages:
        match = _SHAPE.match(message)
        if match is None:
            order.append((message,))
            continue
        kind = match.group("kind").rstrip(".")
        if kind not in kinds:
            kinds[kind] = []
            order.append(kind)
        kinds[kind].append((match.group("name"), message))
    lines: list[str] = []
    for item in order:
        if isinstance(item, tuple):
            lines.append(item[0])
            continue
        found = kinds[item]
        if len(found) < GROUP_FROM:
            lines.extend(message for _, message in found)
            continue
        names = ", ".join(name for name, _ in found[:_EXAMPLES])
        lines.append(
            f"{len(found)} files: {item} ({names}, …); each is logged at debug level "
            "(-v on the command line)."
        )
    return lines


def log_grouped(logger: logging.Logger, messages: Sequence[str]) -> None:
    """Log ``messages`` grouped at warning level, and each one at debug level."""
    lines = grouped(messages)
    for line in lines:
        logger.warning("%s", line)
    if len(lines) < len(messages):
        for message in messages:
            logger.debug("%s", message)
