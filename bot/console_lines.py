"""Every fixed line of the local console, in one place: the start, the help, the prompt and what
it says about paging, citing and picking. They follow `--language` as the answers do (English
without it); the commands themselves stay `/ask`, `/more` … in every language."""

from __future__ import annotations

from bot.translations import Sentence

NO_TOKEN_HINT = (
    Sentence(
        "console.no_token",
        "No Discord token set. To get one: https://discord.com/developers/applications -> "
        "New Application -> Bot -> Reset Token, and copy it.",
    ),
    Sentence(
        "console.no_token_then",
        "Then put DISCORD_TOKEN=<the token> in .env (see .env.example) and start again. "
        "Meanwhile, here is the local console:",
    ),
)
CONSOLE_HELP = Sentence(
    "console.help",
    "Commands: /ask QUESTION (or just type the question), /official NAME, /officials, /sources, "
    "/help, /more and /back to turn pages, /cite for the page's citation, /pick N to open an "
    "entry of a list, quit to leave.",
)
_GREETING = Sentence("console.greeting", "lingnan console. {help}")
CONSOLE_PROMPT = "lingnan> "
CONSOLE_OFFICIAL_USAGE = Sentence(
    "console.official_usage", "Usage: /official NAME, e.g. /official Huang Kunming"
)
CONSOLE_NO_NEXT_PAGE = Sentence("console.no_next_page", "No more pages.")
CONSOLE_NO_PREVIOUS_PAGE = Sentence("console.no_previous_page", "This is the first page.")
CONSOLE_NOTHING_TO_CITE = Sentence(
    "console.nothing_to_cite", "Nothing to cite yet: ask a question first."
)
CONSOLE_NOTHING_TO_PICK = Sentence(
    "console.nothing_to_pick", "Nothing to pick from: this answer has no list to open."
)
_MENU_HEADING = Sentence("console.menu_heading", "{placeholder} (/pick N):")
_PICK_USAGE = Sentence("console.pick_usage", "Usage: /pick N, N from 1 to {choices}.")
_UNKNOWN_COMMAND = Sentence("console.unknown_command", "Unknown command {command}. {help}")
# The line under a paged answer, by where the page is: first, last, or in between.
_PAGE_HINT_NEXT = Sentence("console.page_hint_next", "(page {page} of {pages}: /more for the next)")
_PAGE_HINT_BACK = Sentence(
    "console.page_hint_back", "(page {page} of {pages}: /back for the previous)"
)
_PAGE_HINT_BOTH = Sentence(
    "console.page_hint_both",
    "(page {page} of {pages}: /more for the next, /back for the previous)",
)


def console_greeting(language: str | None = None) -> str:
    return _GREETING(language, help=CONSOLE_HELP(language))


def console_menu_heading(placeholder: str, language: str | None = None) -> str:
    return _MENU_HEADING(language, placeholder=placeholder)


def console_pick_usage(choices: int, language: str | None = None) -> str:
    return _PICK_USAGE(language, choices=choices)


def console_page_hint(page: int, pages: int, language: str | None = None) -> str:
    """The line under a paged console answer: "(page 1 of 3: /more for the next)" (`page`
    counts from 0)."""
    more, back = page + 1 < pages, page > 0
    hint = _PAGE_HINT_BOTH if more and back else _PAGE_HINT_NEXT if more else _PAGE_HINT_BACK
    return hint(language, page=page + 1, pages=pages)


def console_unknown_command(command: str, language: str | None = None) -> str:
    return _UNKNOWN_COMMAND(language, command=command, help=CONSOLE_HELP(language))
