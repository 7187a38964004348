"""The reader's worker process: results and exceptions come back, a slow call is given up."""

from __future__ import annotations

import logging
import time

import pytest

from retrieval.reader_process import ReaderProcessError, ReadTimeout, run_bounded


def _double(number: int) -> int:
    return number * 2


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def _warn_and_answer(text: str) -> str:
    logging.getLogger("tests.reader").warning("read %s", text)
    return text


def _fail(reason: str) -> None:
    raise ValueError(reason)


def test_a_call_returns_its_result() -> None:
    """The function's result comes back from the worker."""
    assert run_bounded(_double, 21, 30) == 42


def test_an_exception_is_raised_here() -> None:
    """An exception the function raises is raised to the caller, with its message."""
    with pytest.raises(ValueError, match="no text"):
        run_bounded(_fail, "no text", 30)


def test_a_call_over_its_bound_is_given_up_and_the_next_one_runs() -> None:
    """A call past its bound raises ReadTimeout at once; the next call gets a new worker."""
    started = time.monotonic()
    with pytest.raises(ReadTimeout):
        run_bounded(_sleep, 30.0, 0.5)
    assert time.monotonic() - started < 15
    assert run_bounded(_double, 2, 30) == 4


def test_what_the_function_logs_is_logged_here(caplog: pytest.LogCaptureFixture) -> None:
    """Log records of the worker reach this process's loggers under their own names."""
    caplog.set_level(logging.INFO)
    assert run_bounded(_warn_and_answer, "page", 30) == "page"
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("tests.reader", logging.WARNING, "read page")
    ]


def _unpicklable(_: object) -> object:
    return lambda: None


def test_a_result_that_cannot_be_sent_back_is_an_error() -> None:
    """A result that does not pickle raises ReaderProcessError here, and the worker goes on."""
    with pytest.raises(ReaderProcessError, match="could not be sent back"):
        run_bounded(_unpicklable, None, 30)
    assert run_bounded(_double, 5, 30) == 10
