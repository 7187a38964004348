"""Bot processes for end-to-end tests: `python -m tests.e2e.lingnan_process` (the bot's own
`main()`) against the local Discord, its settings in the environment as an operator sets them,
its log read line by line as it comes, stopped (or killed) by its process id."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.settings import env_name
from tests.conftest import REPO_ROOT
from tests.discord_fake import FakeDiscord, WaitTimeout
from tests.e2e.conftest import bot_settings
from tests.e2e.lingnan_process import API_VARIABLE, GATEWAY_VARIABLE

READY_LINE = "logged in as"  # the bot's on_ready log line: connected, its guilds received
STOP_TIMEOUT = 20.0  # a clean stop stores what is queued; longer means something hangs
LINE_LIMIT = 1 << 20  # a commit line lists every write of its batch


def setting_text(value: Any) -> str:
    """A setting as it is written in the environment."""
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    return str(value)


def process_environment(fake: FakeDiscord, corpus_folder: Path, **settings: Any) -> dict[str, str]:
    """The environment of a bot process: the settings `bot_settings` gives the in-process bot
    (with `settings` over them), none inherited from this process, and the fake's URLs."""
    configured = bot_settings(fake, corpus_folder, **settings)
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("LINGNAN_", "DISCORD_"))
    }
    for name in configured.model_fields_set:
        environment[env_name(name)] = setting_text(getattr(configured, name))
    environment[API_VARIABLE] = fake.base_url
    environment[GATEWAY_VARIABLE] = fake.gateway_url
    environment["PYTHONPATH"] = str(REPO_ROOT)
    return environment


@dataclass
class BotProcess:
    """One running bot process and every line it has logged so far."""

    name: str
    fake: FakeDiscord
    process: asyncio.subprocess.Process
    lines: list[str] = field(default_factory=list)
    _reader: asyncio.Task[None] | None = None

    @classmethod
    async def start(
        cls, name: str, fake: FakeDiscord, corpus_folder: Path, workdir: Path, **settings: Any
    ) -> BotProcess:
        """Start the bot in `workdir` (so that no `.env` of the repository is read)."""
        workdir.mkdir(parents=True, exist_ok=True)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.e2e.lingnan_process",
            cwd=workdir,
            env=process_environment(fake, corpus_folder, **settings),
            stdin=asyncio.subprocess.PIPE,  # held open while the test runs (lingnan_process)
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            limit=LINE_LIMIT,
        )
        started = cls(name, fake, process)
        started._reader = asyncio.create_task(started._read(), name=f"log of {name}")
        return started

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            self.lines.append(raw.decode("utf-8", errors="replace").rstrip("\n"))
            self.fake.notify()
        self.fake.notify()  # the end of the output: the process is gone

    @property
    def running(self) -> bool:
        return self.process.returncode is None and not (self._reader and self._reader.done())

    def logged(self, text: str) -> list[str]:
        return [line for line in self.lines if text in line]

    def errors(self) -> list[str]:
        """Lines logged at ERROR or above, and tracebacks."""
        markers = ("[ERROR", "[CRITICAL", "Traceback")
        return [line for line in self.lines if any(m in line for m in markers)]

    def tail(self, count: int = 30) -> str:
        return "\n".join(self.lines[-count:])

    async def wait_until(self, predicate: Callable[[], Any], timeout: float, what: str) -> Any:
        """Until `predicate()` holds (re-checked on every line and request); fails at once when
        the process ends first, with its last lines."""
        try:
            result = await self.fake.wait_until(
                lambda: predicate() or not self.running, timeout, f"{self.name}: {what}"
            )
        except WaitTimeout as timeout_error:
            raise WaitTimeout(f"{timeout_error}\n{self.name} logged:\n{self.tail()}") from None
        if not predicate():
            raise AssertionError(f"{self.name} ended before {what}:\n{self.tail()}")
        return result

    async def wait_ready(self, timeout: float = 60.0) -> None:
        await self.wait_until(lambda: self.logged(READY_LINE), timeout, "ready")

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed or closed."""
        self.process.send_signal(signal.SIGKILL)

    async def exited(self) -> int:
        """Wait for the process to end and its output to be read; its exit status."""
        status = await self.process.wait()
        if self._reader is not None:
            await self._reader
        if self.process.stdin is not None:
            self.process.stdin.close()
        return status

    async def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """Ctrl-C (SIGINT), as an operator stops the bot; SIGKILL when it does not end."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.kill()
        return await self.exited()


@contextlib.asynccontextmanager
async def bot_processes(
    fake: FakeDiscord,
    corpus_folder: Path,
    workdir: Path,
    configurations: dict[str, dict[str, Any]],
    ready_timeout: float = 60.0,
) -> AsyncIterator[dict[str, BotProcess]]:
    """Start one process per named configuration (settings over `bot_settings`'s) at once,
    wait until each is ready, and stop every one afterwards, whatever happened."""
    started: dict[str, BotProcess] = {}
    try:
        for name, settings in configurations.items():
            started[name] = await BotProcess.start(
                name, fake, corpus_folder, workdir / name, **settings
            )
        await asyncio.gather(*(p.wait_ready(ready_timeout) for p in started.values()))
        yield started
    finally:
        await asyncio.gather(*(p.stop() for p in started.values()))
