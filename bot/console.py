"""A local console that takes the bot's commands and prints its answers as text.

It needs no Discord token, so a newcomer can see the bot work at once. Answers come from the same
`Answers` and builders as the Discord replies; only the rendering differs (`bot.console_text`).
Works with piped input too; ends on EOF, `quit` or Ctrl-C. What it prints from the corpus or the
user never carries a terminal's control characters (`terminal_safe`). Its own lines
(`bot.console_lines`) are in the language given, as lingnan's words in answers are.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from typing import TextIO

from bot import console_lines as lines
from bot import texts
from bot.answers import Answers
from bot.cards import Answer
from bot.console_text import TextStyle, terminal_safe, to_text
from bot.questions import name_problem, question_problem

log = logging.getLogger(__name__)

QUIT_WORDS = {"quit", "exit", "/quit", "/exit", ":q"}


@dataclass
class Pager:
    answer: Answer | None = None
    page: int = 0


class Console:
    """Reads commands line by line and writes answers; one instance per session."""

    def __init__(
        self,
        answers: Answers,
        output: TextIO,
        *,
        style: TextStyle | None = None,
        language: str | None = None,
    ) -> None:
        self.answers = answers
        # The console's lines and lingnan's words in answers (--language); None: English lines,
        # and answers in each question's language.
        self.language = language
        self.output = output
        self.style = style or TextStyle()
        self.pager = Pager()

    def write(self, text: str) -> None:
        """Print a line that may hold corpus or user text: its control characters removed."""
        self._print(terminal_safe(text))

    def _print(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def show(self, answer: Answer, page: int = 0) -> None:
        self.pager = Pager(answer, page)
        card = answer.pages[page]
        self._print(to_text(card, self.style))  # made safe by `to_text`, styles kept
        if len(answer.pages) > 1:
            self.write(lines.console_page_hint(page, len(answer.pages), self.language))
        if answer.menu is not None:
            self.write(lines.console_menu_heading(answer.menu.placeholder, self.language))
            for number, choice in enumerate(answer.menu.choices, start=1):
                shown = (
                    f"{choice.label} ({choice.description})" if choice.description else choice.label
                )
                self.write(f"  {number}. {shown}")
        self.write("")

    def turn(self, step: int) -> None:
        answer, page = self.pager.answer, self.pager.page + step
        if answer is None or not 0 <= page < len(answer.pages):
            line = lines.CONSOLE_NO_NEXT_PAGE if step > 0 else lines.CONSOLE_NO_PREVIOUS_PAGE
            self.write(line(self.language))
            return
        self.show(answer, page)

    def cite(self) -> None:
        """The shown page's citations, ready to paste (what Discord's Cite button sends)."""
        answer = self.pager.answer
        citation = answer.pages[self.pager.page].citation if answer else None
        self.write(citation or lines.CONSOLE_NOTHING_TO_CITE(self.language))

    def pick(self, argument: str) -> None:
        """Open entry N of the shown answer's menu (what Discord's select menu does)."""
        answer = self.pager.answer
        menu = answer.menu if answer else None
        if answer is None or menu is None:
            self.write(lines.CONSOLE_NOTHING_TO_PICK(self.language))
            return
        if not argument.isdigit() or not 1 <= int(argument) <= len(menu.choices):
            self.write(lines.console_pick_usage(len(menu.choices), self.language))
            return
        name = answer.origin.argument if answer.origin else ""
        value = menu.choices[int(argument) - 1].value
        chosen = self.answers.choose(menu.kind, name, value, self.language)
        if chosen is None:
            self.write(texts.MENU_EXPIRED_MESSAGE(self.language))
        else:
            self.show(chosen)

    def official(self, name: str) -> None:
        # What Discord's /official refuses is refused here too, in the same sentence.
        if not name:
            self.write(lines.CONSOLE_OFFICIAL_USAGE(self.language))
            return
        problem = name_problem(name, language=self.language)
        if problem is not None:
            self.write(problem)
        else:
            self.show(self.answers.official(name, self.language))

    def ask(self, question: str) -> None:
        # What Discord's /ask refuses is refused here too: the same question, the same reply;
        # a blank one gets example questions, as a bare mention does.
        problem = question_problem(question, blank_ok=True, language=self.language)
        if problem is not None:
            self.write(problem)
        else:
            self.show(self.answers.ask(question, language=self.language))

    def handle(self, line: str) -> bool:
        """Run one line; False when the session should end."""
        line = line.strip()
        if not line:
            return True
        if line.lower() in QUIT_WORDS:
            return False
        command, _, argument = line.partition(" ")
        command, argument = command.lower(), argument.strip()
        argument = _without_option_name(command, argument)
        try:
            if not command.startswith("/"):
                self.ask(line)
            elif command == "/ask":
                self.ask(argument)
            elif command == "/official":
                self.official(argument)
            elif command == "/officials":
                self.show(self.answers.officials(self.language))
            elif command == "/sources":
                self.show(self.answers.sources(self.language))
            elif command == "/help":
                self.show(self.answers.help(self.language))
                self.write(lines.CONSOLE_HELP(self.language))
            elif command in {"/more", "/next"}:
                self.turn(+1)
            elif command in {"/back", "/prev", "/previous"}:
                self.turn(-1)
            elif command == "/cite":
                self.cite()
            elif command == "/pick":
                self.pick(argument)
            else:
                self.write(lines.console_unknown_command(command, self.language))
        except Exception:
            log.exception("console command %r failed", line)
            self.write(texts.INTERNAL_ERROR_MESSAGE(self.language))
        return True


# Discord's option of each command, as its cards and the README show a command
# ("/ask question: ..."): typed so, the option's name is not part of the question or name.
_OPTION_NAMES = {"/ask": "question", "/official": "name"}


def _without_option_name(command: str, argument: str) -> str:
    option = _OPTION_NAMES.get(command)
    if option is not None:
        written, colon, value = argument.partition(":")
        if colon and written.strip().lower() == option:
            return value.strip()
    return argument


def run_console(
    answers: Answers,
    stdin: TextIO,
    stdout: TextIO,
    *,
    full_links: bool = False,
    language: str | None = None,
) -> int:
    """The read-answer loop; returns the exit status (0: ended normally). Styles only on a
    terminal; piped output is plain text."""
    interactive = stdin.isatty() and stdin is sys.stdin and stdout is sys.stdout
    style = TextStyle(ansi=stdout.isatty(), full_links=full_links)
    console = Console(answers, stdout, style=style, language=language)
    console.write(lines.console_greeting(language))
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (line editing and history for input())
    try:
        while True:
            if interactive:
                try:
                    line = input(lines.CONSOLE_PROMPT)
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
