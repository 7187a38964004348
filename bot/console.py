"""A local console that takes the bot's commands and prints its answers as text.

It needs no Discord token, so a newcomer can see the bot work at once. Answers come from the same
`Answers` and formatter as the Discord replies; only the rendering differs (`formatting.to_text`).
Works with piped input too; ends on EOF, `quit` or Ctrl-C.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from typing import TextIO

from bot import formatting
from bot.answers import Answers
from bot.formatting import Answer

log = logging.getLogger(__name__)

QUIT_WORDS = {"quit", "exit", "/quit", "/exit", ":q"}


@dataclass
class Pager:
    answer: Answer | None = None
    page: int = 0


class Console:
    """Reads commands line by line and writes answers; one instance per session."""

    def __init__(self, answers: Answers, output: TextIO, *, ansi: bool = False) -> None:
        self.answers = answers
        self.output = output
        self.ansi = ansi
        self.pager = Pager()

    def write(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def show(self, answer: Answer, page: int = 0) -> None:
        self.pager = Pager(answer, page)
        card = answer.pages[page]
        self.write(formatting.to_text(card, ansi=self.ansi))
        if len(answer.pages) > 1:
            self.write(formatting.console_page_hint(page, len(answer.pages)))
        self.write("")

    def turn(self, step: int) -> None:
        answer, page = self.pager.answer, self.pager.page + step
        if answer is None or not 0 <= page < len(answer.pages):
            self.write(
                formatting.CONSOLE_NO_NEXT_PAGE if step > 0 else formatting.CONSOLE_NO_PREVIOUS_PAGE
            )
            return
        self.show(answer, page)

    def ask(self, question: str) -> None:
        # The length Discord's /ask refuses is refused here too: the same question, the same reply.
        if len(question) > formatting.MAX_QUESTION_LENGTH:
            self.write(formatting.question_too_long_message(len(question)))
        else:
            self.show(self.answers.ask(question))

    def handle(self, line: str) -> bool:
        """Run one line; False when the session should end."""
        line = line.strip()
        if not line:
            return True
        if line.lower() in QUIT_WORDS:
            return False
        command, _, argument = line.partition(" ")
        command, argument = command.lower(), argument.strip()
        try:
            if not command.startswith("/"):
                self.ask(line)
            elif command == "/ask":
                self.ask(argument)
            elif command == "/official":
                if not argument:
                    self.write(formatting.CONSOLE_OFFICIAL_USAGE)
                else:
                    self.show(self.answers.official(argument))
            elif command == "/officials":
                self.show(self.answers.officials())
            elif command == "/sources":
                self.show(self.answers.sources())
            elif command == "/help":
                self.show(self.answers.help())
                self.write(formatting.CONSOLE_HELP)
            elif command in {"/more", "/next"}:
                self.turn(+1)
            elif command in {"/back", "/prev", "/previous"}:
                self.turn(-1)
            else:
                self.write(formatting.console_unknown_command(command))
        except Exception:
            log.exception("console command %r failed", line)
            self.write(formatting.INTERNAL_ERROR_MESSAGE)
        return True


def run_console(answers: Answers, stdin: TextIO, stdout: TextIO) -> int:
    """The read-answer loop; returns the exit status (0: ended normally)."""
    interactive = stdin.isatty() and stdin is sys.stdin and stdout is sys.stdout
    console = Console(answers, stdout, ansi=interactive and stdout.isatty())
    console.write(formatting.CONSOLE_GREETING)
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (line editing and history for input())
    try:
        while True:
            if interactive:
                try:
                    line = input(formatting.CONSOLE_PROMPT)
                except EOFError:
                    stdout.write("\n")
                    break
            else:
                line = stdin.readline()
                if not line:  # EOF
                    break
            if not console.handle(line):
                break
    except KeyboardInterrupt:
        stdout.write("\n")
    stdout.flush()
    return 0
