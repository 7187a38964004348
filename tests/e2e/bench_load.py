"""Benchmark: /ask interactions through a local Discord, latency from dispatch to reply.

    .venv/bin/python -m tests.e2e.bench_load [--interactions 500] [--users 50] [--rate 0]
        [--where process|thread|same-loop] [--answer-threads N]

Starts the fake Discord and the real bot (real Library over the corpus folder, cooldown off),
sends the interactions (a burst, or `--rate` per second), waits for every answer and prints
percentiles of two delays measured by the fake: dispatch -> acknowledgement (the callback Discord
needs within 3 s) and dispatch -> answer (the quotes visible to the user).

By default the bot runs in its own process (`python -m bot`'s `main()`, as an operator runs it)
and the fake in this one, so the figures are the bot's alone, as with a real Discord.
`--where thread` keeps the bot in this process and the fake on a loop in a thread (one GIL for
both); `--where same-loop` puts the fake on the bot's loop as most tests do.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import statistics
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from bot.answer_pool import DEFAULT_ANSWER_THREADS
from tests.discord_fake import FakeDiscord, running_client
from tests.discord_fake.threaded import ThreadedFakeDiscord
from tests.e2e.conftest import bot_settings
from tests.e2e.questions import LOAD_QUESTIONS as QUESTIONS

REPO = Path(__file__).resolve().parents[2]


def percentiles(values: list[float]) -> str:
    if not values:
        return "no values"
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else []

    def at(p: int) -> float:
        return ordered[0] if not cuts else cuts[p - 1]

    return (
        f"p50 {at(50) * 1000:7.1f} ms   p90 {at(90) * 1000:7.1f} ms   "
        f"p99 {at(99) * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"
    )


# Where the bot runs relative to the fake Discord, and how the report says it.
PLACEMENTS = {
    "process": "in its own process (the bot in another)",
    "thread": "in a thread of the bot's process",
    "same-loop": "on the bot's event loop",
}


async def run(
    interactions: int,
    users: int,
    rate: float,
    corpus: Path,
    heartbeat: float,
    where: str,
    answer_threads: int,
) -> None:
    threads = f"{answer_threads} thread{'s' if answer_threads != 1 else ''}"
    print(f"the bot builds answers on {threads} (LINGNAN_ANSWER_THREADS)")
    if where == "process":
        host: Any = SameLoop(heartbeat_interval=heartbeat)
        async with host as fake, bot_process(fake, corpus, answer_threads):
            await burst(host, fake, interactions, users, rate, heartbeat, where)
        return
    from bot.client import create_bot
    from bot.library import load_library

    started = time.perf_counter()
    library = await asyncio.to_thread(load_library, corpus)
    print(f"corpus loaded in {time.perf_counter() - started:.2f} s: {library.stats}")
    host = SameLoop(heartbeat_interval=heartbeat) if where == "same-loop" else None
    host = host or ThreadedFakeDiscord(heartbeat_interval=heartbeat)
    async with host as fake:
        # Cooldown off, as in the tests.
        settings = bot_settings(fake, corpus, answer_threads=answer_threads)
        bot = create_bot(settings, library)
        async with running_client(fake, bot, ready_timeout=60):
            await burst(host, fake, interactions, users, rate, heartbeat, where)


@contextlib.asynccontextmanager
async def bot_process(fake: FakeDiscord, corpus: Path, answer_threads: int) -> AsyncIterator[None]:
    """The bot as `python -m bot` runs it, in a process of its own, until the block ends."""
    from tests.e2e.processes import bot_processes

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lingnan-bench-") as workdir:
        # The log at INFO, as an operator runs it; the database in the temporary folder, not
        # beside the corpus.
        settings = {"database_path": Path(workdir) / "bench.db", "answer_threads": answer_threads}
        bots: dict[str, Any] = {}
        try:
            async with bot_processes(fake, corpus, Path(workdir), {"bot": settings}, 300) as bots:
                print(f"bot process ready in {time.perf_counter() - started:.2f} s")
                yield
        finally:
            # Read once the process has stopped: what it logged while stopping counts too.
            problems = bots["bot"].errors() if "bot" in bots else []
            if problems:
                print(f"the bot logged {len(problems)} errors, the first: {problems[0]}")


async def burst(
    host: Any,
    fake: FakeDiscord,
    interactions: int,
    users: int,
    rate: float,
    heartbeat: float,
    where: str,
) -> None:
    """Send the interactions, wait for every answer, print the figures."""
    await host.call(lambda f: f.wait_commands(timeout=60))
    people = fake.make_users(users, prefix="reader")

    async def dispatch_all(target: FakeDiscord) -> list[Any]:
        # Runs on the fake's loop, so a burst really arrives at once.
        loop = asyncio.get_running_loop()
        began = loop.time()
        sent = []
        for number in range(interactions):
            question = QUESTIONS[number % len(QUESTIONS)]
            options = {"question": question}
            user = people[number % users]
            sent.append(await target.send_slash_command("ask", options, user=user))
            if rate > 0:
                await asyncio.sleep(max(0.0, began + (number + 1) / rate - loop.time()))
        return sent

    burst_started = asyncio.get_running_loop().time()
    handles = await host.call(dispatch_all)
    await host.call(
        lambda f: f.wait_until(
            lambda: all(h.answer is not None for h in handles), 300, "every answer"
        )
    )
    finished = asyncio.get_running_loop().time()
    report(fake, handles, interactions, users, rate, heartbeat, burst_started, finished, where)


class SameLoop:
    """The fake on the client's own loop (as in the tests), with the threaded host's interface."""

    def __init__(self, **options: Any) -> None:
        self.fake = FakeDiscord(**options)

    async def call(self, make: Any) -> Any:
        return await make(self.fake)

    async def __aenter__(self) -> FakeDiscord:
        await self.fake.start()
        return self.fake

    async def __aexit__(self, *exc_info: object) -> None:
        await self.fake.stop()


def report(
    fake: FakeDiscord,
    handles: list[Any],
    interactions: int,
    users: int,
    rate: float,
    heartbeat: float,
    burst_started: float,
    finished: float,
    where: str,
) -> None:
    acks = [h.callbacks[0].at - h.dispatched_at for h in handles if h.callbacks]
    answers = [h.latency for h in handles if h.latency is not None]
    answered_once = sum(1 for h in handles if len(h.callbacks) == 1 and len(h.followup_ids) == 1)
    late = sum(1 for ack in acks if ack > 3.0)
    gaps = fake.gateway.heartbeat_gaps(since=burst_started)
    print(
        f"{interactions} /ask from {users} users "
        f"({'burst' if rate <= 0 else f'{rate:g}/s'}), heartbeat every {heartbeat:g} s, "
        f"fake Discord {PLACEMENTS[where]}"
    )
    print(f"answered exactly once: {answered_once}/{interactions}")
    print(
        f"wall time {finished - burst_started:.2f} s, "
        f"{interactions / (finished - burst_started):.0f} answers/s"
    )
    print(f"dispatch -> ack     {percentiles(acks)}   (acks later than 3 s: {late})")
    print(f"dispatch -> answer  {percentiles(answers)}")
    print(
        f"heartbeats during the run: {len(gaps) + 1}, all acknowledged: "
        f"{fake.gateway.unacked_heartbeats == 0}, largest gap {max(gaps, default=0):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interactions", type=int, default=500)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rate", type=float, default=0.0, help="per second; 0 sends a burst")
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--heartbeat", type=float, default=1.0, help="seconds between heartbeats")
    parser.add_argument(
        "--where",
        choices=list(PLACEMENTS),
        default="process",
        help="the bot in its own process (default); else the fake in a thread of the bot's "
        "process, or on its loop",
    )
    parser.add_argument(
        "--answer-threads",
        type=int,
        default=DEFAULT_ANSWER_THREADS,
        help="the bot's LINGNAN_ANSWER_THREADS",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(
        run(
            args.interactions,
            args.users,
            args.rate,
            args.corpus,
            args.heartbeat,
            args.where,
            args.answer_threads,
        )
    )


if __name__ == "__main__":
    main()
