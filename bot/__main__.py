"""`python -m bot` and the `lingnan` script: the bot, or without a token the local console."""

from __future__ import annotations

import asyncio
import sys

import aiohttp
import discord

from bot import formatting
from bot.answers import Answers
from bot.client import run_bot
from bot.console import run_console
from bot.examples import load_examples
from bot.library import load_library
from bot.settings import Settings, SettingsError, load_settings
from retrieval.errors import RetrievalError


def _fail(message: str, status: int = 1) -> int:
    print(f"lingnan: {message}", file=sys.stderr)
    return status


def start_console(settings: Settings) -> int:
    """Load the corpus and take commands from stdin."""
    for line in formatting.NO_TOKEN_HINT:
        print(line, file=sys.stderr)
    try:
        library = load_library(settings.corpus_folder, k1=settings.bm25_k1, b=settings.bm25_b)
    except RetrievalError as error:
        return _fail(str(error))
    answers = Answers(
        lambda: library,
        quotes_per_answer=settings.quotes_per_answer,
        examples=load_examples(),
    )
    return run_console(answers, sys.stdin, sys.stdout)


def start_bot(settings: Settings) -> int:
    """Run the Discord bot until it is stopped; one line for every way start-up can fail."""
    try:
        asyncio.run(run_bot(settings))
    except discord.LoginFailure:
        return _fail(formatting.LOGIN_REJECTED_MESSAGE)
    except RetrievalError as error:
        return _fail(str(error))
    except discord.PrivilegedIntentsRequired:
        return _fail(formatting.INTENTS_REFUSED_MESSAGE)
    except (aiohttp.ClientError, discord.GatewayNotFound, OSError) as error:
        return _fail(formatting.unreachable_message(error))
    except KeyboardInterrupt:
        pass  # Ctrl-C is how an operator stops the bot: a normal end
    return 0


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error), status=2)
    discord.utils.setup_logging(level=settings.log_level_number)
    if settings.discord_token is None:
        return start_console(settings)
    return start_bot(settings)


if __name__ == "__main__":
    sys.exit(main())
