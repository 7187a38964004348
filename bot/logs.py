"""The bot's log output: discord.py's handler, colour only on a terminal, no voice noise.

discord.py colours its log lines whenever it runs in Docker, even into a file; and every client
it creates warns that voice is unsupported (PyNaCl, davey), which this bot never uses.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import discord

PLAIN_FORMAT = "[{asctime}] [{levelname:<8}] {name}: {message}"
_VOICE_UNSUPPORTED = "voice will NOT be supported"


class WithoutVoiceWarnings(logging.Filter):
    """Drops discord.py's warnings that voice support is not installed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _VOICE_UNSUPPORTED not in record.getMessage()


def setup_logging(level: int, stream: TextIO | None = None) -> None:
    """Log to ``stream`` (stderr): coloured on a terminal, plain text anywhere else."""
    stream = sys.stderr if stream is None else stream
    handler = logging.StreamHandler(stream)
    if hasattr(stream, "isatty") and stream.isatty():
        # On a terminal discord.py picks its coloured formatter; nowhere else is colour wanted.
        discord.utils.setup_logging(handler=handler, level=level)
    else:
        plain = logging.Formatter(PLAIN_FORMAT, "%Y-%m-%d %H:%M:%S", style="{")
        discord.utils.setup_logging(handler=handler, formatter=plain, level=level)
    voice_filter = WithoutVoiceWarnings()
    client_log = logging.getLogger("discord.client")
    if not any(isinstance(f, WithoutVoiceWarnings) for f in client_log.filters):
        client_log.addFilter(voice_filter)
