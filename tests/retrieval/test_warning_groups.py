"""Warnings about many files are one log line each kind; every message stays at debug level."""

from __future__ import annotations

import logging

import pytest

from retrieval.warning_groups import GROUP_FROM, grouped, log_grouped


def _no_entry(number: int) -> str:
    return f"doc-{number}.txt: no catalog entry; the text does not state date. Add them."


def test_many_files_of_one_kind_are_one_line() -> None:
    """Warnings of one kind about many files become one line with their count."""
    lines = grouped([_no_entry(n) for n in range(50)])
    assert len(lines) == 1
    assert lines[0].startswith("50 files: no catalog entry (doc-0.txt, doc-1.txt, doc-2.txt, …)")
    assert "-v" in lines[0]


def test_few_warnings_stay_as_they_are() -> None:
    """Below GROUP_FROM files a kind's warnings are kept whole, in order, with the others."""
    messages = [_no_entry(n) for n in range(GROUP_FROM - 1)] + ["catalog.toml is not TOML"]
    assert grouped(messages) == messages


def test_every_message_is_logged_at_debug_level(caplog: pytest.LogCaptureFixture) -> None:
    """The grouped line is a warning; each message it stands for is a debug record."""
    logger = logging.getLogger("retrieval.test_warning_groups")
    messages = [_no_entry(n) for n in range(10)]
    with caplog.at_level(logging.DEBUG, logger=logger.name):
        log_grouped(logger, messages)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(warnings) == 1
    assert debug == messages
