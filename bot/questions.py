"""The one check of what a user asks or looks up, for /ask, mentions, /official and the console.

Discord enforces an option's length, but a mention, a modified client or the console can send
anything. A question of mentions, emoji or invisible characters only is blank: nothing in it can
be searched. Length is counted on what was typed (what Discord's option limit counts).
"""

from __future__ import annotations

from bot import texts
from bot.command_mentions import PLAIN_COMMANDS, CommandMentions
from bot.user_text import clean_user_text

MAX_QUESTION_LENGTH = 300  # longer text is not a question BM25 can answer better
MAX_NAME_LENGTH = 100  # Discord's limit for an autocomplete choice, which names are chosen from


def question_problem(
    question: str,
    commands: CommandMentions = PLAIN_COMMANDS,
    *,
    blank_ok: bool = False,
    language: str | None = None,
) -> str | None:
    """Why `question` cannot be searched (blank or too long), in one sentence in `language`;
    None when fine. `blank_ok`: a blank question is answered with example questions instead (a
    bare mention)."""
    if len(question) > MAX_QUESTION_LENGTH:
        return texts.question_too_long_message(len(question), MAX_QUESTION_LENGTH, language)
    if not blank_ok and not clean_user_text(question):
        return texts.blank_question_message(commands, language)
    return None


def name_problem(
    name: str, commands: CommandMentions = PLAIN_COMMANDS, language: str | None = None
) -> str | None:
    """Why `name` cannot be looked up (blank or too long), in one sentence in `language`; None
    when fine."""
    if len(name) > MAX_NAME_LENGTH:
        return texts.name_too_long_message(len(name), MAX_NAME_LENGTH, language)
    if not clean_user_text(name):
        return texts.blank_name_message(commands, language)
    return None
