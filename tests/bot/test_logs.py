"""Log output: plain text off a terminal, no warnings about voice the bot never uses."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logs import setup_logging


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """Each test's handlers are taken off the root logger again."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_logs_to_a_file_have_no_colour_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off a terminal (a file, a pipe, Docker's log) lines carry no ANSI colour codes."""
    monkeypatch.setattr("discord.utils.is_docker", lambda: True)  # where colour leaked before
    stream = io.StringIO()
    setup_logging(logging.INFO, stream)
    logging.getLogger("retrieval.corpus").warning("notes.txt: skipped (empty file).")
    output = stream.getvalue()
    assert "notes.txt: skipped (empty file)." in output
    assert "\x1b[" not in output


def test_voice_support_warnings_are_dropped() -> None:
    """discord.py's "voice will NOT be supported" warnings are not shown; others are."""
    stream = io.StringIO()
    setup_logging(logging.INFO, stream)
    client_log = logging.getLogger("discord.client")
    client_log.warning("PyNaCl is not installed, voice will NOT be supported")
    client_log.warning("davey is not installed, voice will NOT be supported")
    client_log.warning("something else")
    assert stream.getvalue().count("\n") == 1
    assert "something else" in stream.getvalue()
