"""`python -m tests.e2e.lingnan_process`: the bot as `python -m bot` runs it, pointed at a local
Discord, for the tests that need a real process boundary (several processes, a kill).

discord.py's REST base and gateway are class attributes, which the environment cannot set; this
sets them from LINGNAN_TEST_DISCORD_API and LINGNAN_TEST_DISCORD_GATEWAY, turns on the database
writer's line for each committed transaction (what a kill can no longer lose), shortens
discord.py's wait for more guilds after READY as `running_client` does for bots in the test
process (the fake sends every guild at once), and calls the same `main()` as `python -m bot`,
which reads every other setting from the environment. Its standard
input is a pipe from the test: when it closes, the test process is gone, and so is this one (a
bot left behind would try to reconnect for ever).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import ParamSpec

import discord.gateway
import discord.http
import yarl

from bot import __main__ as lingnan
from bot import client
from bot.storage import writer

Options = ParamSpec("Options")

API_VARIABLE = "LINGNAN_TEST_DISCORD_API"
GATEWAY_VARIABLE = "LINGNAN_TEST_DISCORD_GATEWAY"
ORPHANED = 3  # the exit status when the test went away first
STDIN = 0
GUILD_READY_TIMEOUT = 0.05  # seconds; discord.py waits 2 for more GUILD_CREATEs after the last


def end_with_the_test() -> None:
    """Block until standard input ends, then end this process at once. Reads the descriptor
    itself: a daemon thread holding sys.stdin's lock would abort the interpreter's shutdown."""
    while os.read(STDIN, 4096):
        pass
    os._exit(ORPHANED)


def ready_at_once(
    create: Callable[Options, client.LingnanBot],
) -> Callable[Options, client.LingnanBot]:
    """`create` (create_bot), its bot ready as soon as the fake's guilds have come."""

    @functools.wraps(create)
    def create_bot(*args: Options.args, **kwargs: Options.kwargs) -> client.LingnanBot:
        bot = create(*args, **kwargs)
        bot._connection.guild_ready_timeout = GUILD_READY_TIMEOUT
        return bot

    return create_bot


def main() -> int:
    threading.Thread(target=end_with_the_test, name="end-with-the-test", daemon=True).start()
    discord.http.Route.BASE = os.environ[API_VARIABLE]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ[GATEWAY_VARIABLE])
    logging.getLogger(writer.__name__).setLevel(logging.DEBUG)
    client.create_bot = ready_at_once(client.create_bot)
    return lingnan.main([])


if __name__ == "__main__":
    sys.exit(main())
