"""The answer pool: answers are built in its own bounded threads, off the event loop."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from bot.answer_pool import AnswerPool, build_answer


def _thread_name(tag: str) -> tuple[str, str]:
    return tag, threading.current_thread().name


async def test_pool_runs_the_build_in_its_own_thread() -> None:
    """The build runs in a thread of the pool, with its arguments, and its result comes back."""
    pool = AnswerPool(1)
    try:
        tag, thread = await pool.run(_thread_name, "asked")
    finally:
        pool.close()
    assert tag == "asked"
    assert thread.startswith("answers")
    assert thread != threading.main_thread().name


async def test_pool_holds_no_more_threads_than_set() -> None:
    """However many answers are asked for at once, at most `threads` build them."""
    pool = AnswerPool(2)
    started = threading.Barrier(3, timeout=0.5)

    def wait_for_two_others() -> bool:
        try:
            started.wait()
        except threading.BrokenBarrierError:
            return False
        return True

    try:
        # Three builds that each wait for two others: with two threads they never meet.
        met = [pool.run(wait_for_two_others) for _ in range(3)]
        results = [await build for build in met]
    finally:
        pool.close()
    assert results == [False, False, False]


async def test_build_answer_uses_the_clients_pool() -> None:
    """A client with an answer pool (the bot) has its answers built there."""
    pool = AnswerPool(1)
    try:
        _, thread = await build_answer(SimpleNamespace(answer_pool=pool), _thread_name, "x")
    finally:
        pool.close()
    assert thread.startswith("answers")


async def test_build_answer_refuses_a_client_without_a_pool() -> None:
    """A client without an answer pool is a wiring mistake: refused, not run elsewhere."""
    with pytest.raises(TypeError, match="no answer pool"):
        await build_answer(object(), _thread_name, "x")


async def test_closed_pool_refuses_new_work() -> None:
    """After close (the bot stopping), a new answer is refused, not silently dropped."""
    pool = AnswerPool(1)
    pool.close()
    with pytest.raises(RuntimeError):
        await pool.run(_thread_name, "late")
