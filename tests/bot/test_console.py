"""The local console: same answers as text, paging, and a clean end on EOF, quit or Ctrl-C."""

from __future__ import annotations

import io
from typing import NoReturn

from bot.answers import Answers
from bot.console import run_console
from bot.console_text import terminal_safe
from bot.examples import load_examples
from retrieval.models import SearchResponse
from tests.bot.fixtures import (
    PRESS_EN,
    ROBOTICS_EN,
    FakeLibrary,
    FakeOfficials,
    as_library,
    result,
    robotics_response,
)
from tests.bot.invented_officials import QIAO, SPEECH_2026

QUESTION = "What did the governor say about robotics?"


def console_output(
    lines: str, library: FakeLibrary | None = None, language: str | None = None
) -> tuple[int, str]:
    library = library or FakeLibrary(responses={QUESTION: robotics_response(QUESTION)})
    answers = Answers(lambda: as_library(library), quotes_per_answer=2, examples=load_examples())
    stdout = io.StringIO()
    status = run_console(answers, io.StringIO(lines), stdout, language=language)
    return status, stdout.getvalue()


def test_bare_question_is_answered_with_quotes() -> None:
    """A line without a command is a question; its quotes are printed with citations."""
    status, output = console_output(QUESTION + "\n")
    assert status == 0
    assert (
        "There is a special priority in the areas of artificial intelligence and robotics" in output
    )
    assert "news aktuell · 6\u00a0Feb\u00a02025" in output
    assert "(page 1 of 2: /more for the next)" in output


def test_ask_command_equals_bare_question() -> None:
    """`/ask QUESTION` prints the same as the bare question."""
    _, bare = console_output(QUESTION + "\n")
    _, command = console_output(f"/ask {QUESTION}\n")
    assert bare == command


def test_commands_typed_with_discords_option_names_read_their_values() -> None:
    """`/ask question: Q` and `/official name: N`, as Discord shows them, read Q and N."""
    _, bare = console_output(QUESTION + "\n")
    _, with_option = console_output(f"/ask question: {QUESTION}\n")
    _, official = console_output("/official name: Wang Weizhong\n")
    assert with_option == bare
    assert "Governor of Guangdong" in official


def test_a_colon_inside_a_question_is_kept() -> None:
    """A question that itself holds a colon is not cut at it."""
    question = "Targets: what did the governor say about robotics?"
    library = FakeLibrary(responses={question: robotics_response(question)})
    _, output = console_output(f"/ask {question}\n", library)
    assert "Targets: what did the governor say" in output


def test_more_and_back_turn_pages() -> None:
    """/more shows the next page, /back the previous; past the end says so."""
    _, output = console_output(f"{QUESTION}\n/more\n/more\n/back\n")
    assert "\n3 · " in output
    assert "(page 2 of 2: /back for the previous)" in output
    assert "No more pages." in output
    assert output.count("(page 1 of 2: /more for the next)") == 2


def test_official_officials_sources_help() -> None:
    """Each command prints its answer."""
    _, output = console_output("/official Wang Weizhong\n/officials\n/sources\n/help\n")
    assert "Governor of Guangdong" in output
    assert "Officials in the corpus (3)" in output
    assert "Sources (3 documents)" in output
    assert "Example questions" in output


def test_official_without_name_shows_usage() -> None:
    """/official alone explains how to use it."""
    _, output = console_output("/official\n")
    assert "Usage: /official NAME" in output


def test_unknown_command_is_explained() -> None:
    """An unknown command names itself and lists the commands."""
    _, output = console_output("/frobnicate\n")
    assert "Unknown command /frobnicate." in output


def test_quit_ends_before_later_lines() -> None:
    """`quit` ends the session; nothing after it runs."""
    library = FakeLibrary()
    _, _ = console_output("quit\n/ask robotics\n", library)
    assert library.queries == []


def test_eof_ends_cleanly() -> None:
    """End of input ends the session with status 0."""
    status, output = console_output("")
    assert status == 0
    assert output.startswith("lingnan console.")


def test_ctrl_c_ends_cleanly() -> None:
    """Ctrl-C (KeyboardInterrupt while reading) ends with status 0, no traceback."""

    class Interrupting(io.StringIO):
        def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    library = FakeLibrary()
    answers = Answers(lambda: as_library(library), quotes_per_answer=3, examples=[])
    stdout = io.StringIO()
    assert run_console(answers, Interrupting(), stdout) == 0


def test_a_failing_command_is_one_sentence() -> None:
    """An error inside a command prints one sentence and the session goes on."""

    class Broken(FakeLibrary):
        def search(
            self,
            query: str,
            top_k: int = 3,
            filters: object = None,
            *,
            highlight: range | None = None,
        ) -> NoReturn:
            raise RuntimeError("index exploded")

    status, output = console_output("robotics\n/sources\n", Broken())
    assert status == 0
    assert "Something went wrong on my side" in output
    assert "index exploded" not in output
    assert "Sources (3 documents)" in output


def test_quote_text_is_verbatim_in_console() -> None:
    """The console shows the quote's words unchanged (bold markers aside)."""
    _, output = console_output(QUESTION + "\n")
    assert ROBOTICS_EN in output.replace("**", "")


def test_overlong_question_is_refused_as_on_discord() -> None:
    """A question longer than /ask accepts gets the same one-sentence refusal, no search."""
    library = FakeLibrary()
    _, output = console_output("x" * 301 + "\n", library)
    assert "Please keep the question under 300 characters (this one has 301)." in output
    assert library.queries == []


def test_undecodable_input_is_answered() -> None:
    """Bytes stdin could not decode (lone surrogates) are dropped; the question is answered."""
    _, output = console_output(QUESTION + " \udcff\udcfe\n")
    assert "robotics" in output and "**" not in output
    assert "Something went wrong" not in output


def test_pick_opens_an_entry_of_the_menu() -> None:
    """An answer with a menu lists its entries; /pick N opens one, as Discord's menu does."""
    library = FakeLibrary(officials=FakeOfficials(people=[QIAO]))
    _, output = console_output("/official Qiao Lanfeng\n/pick 2\n/pick 9\n", library)
    assert "Sentences from their speech, by document (/pick N):" in output
    assert f"  1. {SPEECH_2026.title} (12 May 2026 · 60 sentences · Harbour Daily)" in output
    assert "A new year of work on the harbour begins today for all of us." in output
    assert "Usage: /pick N, N from 1 to 3." in output


def test_pick_without_a_menu_says_so() -> None:
    """/pick under an answer without a menu (or before any) says there is nothing to pick."""
    _, output = console_output("/pick 1\n")
    assert "Nothing to pick from" in output


def test_control_characters_from_the_corpus_never_reach_the_terminal() -> None:
    """Escape sequences and control characters in a document's title, source and text are
    not printed (no colours, window titles or cursor moves planted by a document), nor in
    what Cite prints; newlines and the words stay."""
    planted = PRESS_EN.model_copy(
        update={
            "title": "Robots\x1b]0;pwned\x07 in \x1b[2JGuangdong",
            "source": "news\x9b aktuell\x1b[31m",
        }
    )
    text = "Robotics\x1b[1A will\x08 grow\x00 fast.\x1bc"
    response = SearchResponse(query="robots", results=[result(text, planted, ["robotics"])])
    _, output = console_output("robots\n/cite\n", FakeLibrary(responses={"robots": response}))
    assert "Robotics will grow fast." in output
    assert "Robots in Guangdong" in output and "news aktuell" in output
    assert not any((ord(c) < 32 and c not in "\n\t") or 127 <= ord(c) < 160 for c in output)


def test_control_characters_typed_are_not_echoed() -> None:
    """An unknown command holding escape sequences is named without them."""
    _, output = console_output("/x\x1b[2J\x1b]0;t\x07y\n")
    assert "Unknown command /xy." in output and "\x1b" not in output


def test_an_overlong_name_is_refused_as_on_discord() -> None:
    """/official with a name longer than Discord's option allows gets the same sentence as
    the Discord cog, and nothing is looked up."""
    officials = FakeOfficials(people=[QIAO])
    _, output = console_output("/official " + "Qiao " * 30 + "\n", FakeLibrary(officials=officials))
    assert "Names are at most 100 characters" in output
    assert officials.lookups == []


def test_language_option_puts_answers_words_in_it() -> None:
    """`--language de` gives an English question's answer lingnan's German words."""
    library = FakeLibrary(responses={QUESTION: robotics_response(QUESTION)})
    answers = Answers(lambda: as_library(library), quotes_per_answer=2, examples=load_examples())
    stdout = io.StringIO()
    run_console(answers, io.StringIO(QUESTION + "\n"), stdout, language="de")
    assert "wörtlich aus dem Korpus" in stdout.getvalue()
    assert "verbatim from the corpus" not in stdout.getvalue()


def test_the_console_prints_no_word_joiners() -> None:
    """The joiners that keep a Chinese date on one line in Discord are left out of the console."""
    assert terminal_safe("2025\u2060年\u20601\u2060月\u206016\u2060日") == "2025年1月16日"


def test_german_console_greets_and_pages_in_german() -> None:
    """With --language de the greeting, the page hint and the end of pages are German."""
    _, output = console_output(f"{QUESTION}\n/more\n/more\n", language="de")
    assert output.startswith("lingnan-Konsole. Befehle: /ask FRAGE")
    assert "(Seite 1 von 2: /more für die nächste)" in output
    assert "Keine weiteren Seiten." in output
    assert "page 1 of 2" not in output and "No more pages" not in output


def test_chinese_console_refuses_an_unknown_command_in_chinese() -> None:
    """With --language zh an unknown command is answered in Chinese, with the help."""
    _, output = console_output("/frobnicate\n/cite\n", language="zh")
    assert "未知命令 /frobnicate。命令：/ask 问题" in output
    assert "还没有可引用的内容：请先提问。" in output
    assert "Unknown command" not in output
