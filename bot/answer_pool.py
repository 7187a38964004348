"""Where answers are built: a thread of their own, off the event loop.

Search and formatting hold the GIL. Every thread doing them makes the event loop wait longer
to get it back after each read or write (the GIL's convoy effect), and the event loop is what
acknowledges interactions within Discord's 3 seconds. With asyncio's default pool (six threads
on a two-core machine) more than half of a burst of 2,000 /ask was acknowledged too late; with
one thread none was, answering as many per second as with two (figures: README, "bot under
load", `tests/e2e/bench_load.py`). More threads only help work that runs without the GIL.

Answers to commands, buttons and menus are built here, each acknowledged first. What is due
within 3 s with no acknowledgement possible (autocomplete) and what takes long and is rare
(loading or reloading a corpus, /add, /stats) stay on asyncio's default pool: they must not wait
behind a queue of answers, nor stop it.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

Parameters = ParamSpec("Parameters")
Result = TypeVar("Result")

DEFAULT_ANSWER_THREADS = 1


class AnswerPool:
    """A bounded pool of threads that build answers (search, formatting)."""

    def __init__(self, threads: int = DEFAULT_ANSWER_THREADS) -> None:
        self.threads = threads
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="answers")

    async def run(
        self,
        build: Callable[Parameters, Result],
        *args: Parameters.args,
        **keywords: Parameters.kwargs,
    ) -> Result:
        """`build(*args, **keywords)` in one of the pool's threads, as `asyncio.to_thread`
        runs it (the caller's context variables with it)."""
        context = contextvars.copy_context()
        call = functools.partial(context.run, build, *args, **keywords)
        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    def close(self) -> None:
        """Stop taking work (the bot is stopping): answers being built finish in their threads,
        queued ones are dropped, and their askers are left with Discord's "thinking…" until it
        gives up, as when a bot stops mid-answer."""
        self._executor.shutdown(wait=False, cancel_futures=True)


async def build_answer(
    client: object,
    build: Callable[Parameters, Result],
    *args: Parameters.args,
    **keywords: Parameters.kwargs,
) -> Result:
    """`build(*args, **keywords)` in `client`'s answer pool (a LingnanBot has one). A client
    without one is a mistake in the wiring, said at once rather than run elsewhere unnoticed."""
    pool = getattr(client, "answer_pool", None)
    if not isinstance(pool, AnswerPool):
        raise TypeError(f"{type(client).__name__} has no answer pool to build answers in")
    return await pool.run(build, *args, **keywords)
