"""`python -m bot` and the `lingnan` script: the bot, or without a token the local console.

`--links full` makes the console print each quote's link with its text fragment (the part that
scrolls the page to the sentence); by default links are the page's address.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

import aiohttp
import discord

from bot import console_lines, texts
from bot.answers import Answers
from bot.client import run_bot
from bot.console import run_console
from bot.examples import load_examples
from bot.library import load_library
from bot.logs import setup_logging
from bot.settings import Settings, SettingsError, load_settings
from bot.storage.database import DatabaseError
from retrieval.errors import RetrievalError


def _fail(message: str, status: int = 1) -> int:
    print(f"lingnan: {message}", file=sys.stderr)
    return status


def start_console(
    settings: Settings, *, full_links: bool = False, language: str | None = None
) -> int:
    """Load the corpus and take commands from stdin, its lines in `language`."""
    for line in console_lines.NO_TOKEN_HINT:
        print(line(language), file=sys.stderr)
    try:
        library = load_library(settings.corpus_folder, k1=settings.bm25_k1, b=settings.bm25_b)
    except RetrievalError as error:
        return _fail(str(error))
    answers = Answers(
        lambda: library,
        quotes_per_answer=settings.quotes_per_answer,
        examples=load_examples(),
    )
    return run_console(answers, sys.stdin, sys.stdout, full_links=full_links, language=language)


def start_bot(settings: Settings) -> int:
    """Run the Discord bot until it is stopped; one line for every way start-up can fail."""
    try:
        asyncio.run(run_bot(settings))
    except discord.LoginFailure:
        return _fail(texts.LOGIN_REJECTED_MESSAGE)
    except (RetrievalError, DatabaseError) as error:
        return _fail(str(error))
    except discord.PrivilegedIntentsRequired:
        return _fail(texts.INTENTS_REFUSED_MESSAGE)
    except (aiohttp.ClientError, discord.GatewayNotFound, OSError) as error:
        return _fail(texts.unreachable_message(error))
    except KeyboardInterrupt:
        pass  # Ctrl-C is how an operator stops the bot: a normal end
    return 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="lingnan", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--links",
        choices=("short", "full"),
        default="short",
        help="console links: the page's address (short) or with the quote's text fragment (full)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "de", "zh"),
        default=None,
        help="the console's language, its own lines and lingnan's words in answers "
        "(default: English lines, answers in each question's language)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error), status=2)
    setup_logging(settings.log_level_number)
    if settings.discord_token is None:
        return start_console(
            settings, full_links=arguments.links == "full", language=arguments.language
        )
    return start_bot(settings)


if __name__ == "__main__":
    sys.exit(main())
