"""Every fixed sentence a user sees, in one place: command descriptions, hints, refusals, errors,
button labels and console lines. Sentences that name a command take a `CommandMentions`, so that
on Discord the command can be clicked and in the console it reads `/name`.

The commands and the sentences made as `Sentence`s are translated (`bot.translations`; the German
and Chinese are in bot/data/texts/): calling one with a reply language gives it in that language.
"""

from __future__ import annotations

import math

from bot.answer_parts import plural
from bot.command_mentions import CommandMentions
from bot.markdown import clip, escape
from bot.translations import Counted, Sentence
from retrieval.errors import Refusal

# --- the commands, as Discord's command picker and /help describe them -------------------------

COMMAND_DESCRIPTIONS = {
    "ask": "The best-matching quotes from the documents; buttons page through more",
    "official": "An official's titles, documents and statements",
    "officials": "Everyone the documents name, paged",
    "sources": "The documents quoted, with source, date, language and link",
    "help": "What lingnan can do, with example questions",
    "timeline": "The best quotes on a topic in date order, oldest first",
    "reload": "Reload the corpus folder (bot owner only)",
    "add": "Add a document to the corpus: .txt, .md, .html, .pdf or .jsonl (bot owner only)",
    "remove": "Take a document file out of the corpus (bot owner only)",
}
COMMAND_OPTIONS = {
    "ask": {
        "question": "Your question, in English, German or Chinese",
        "language": "Only documents in this language",
        "since": "Only documents from then on: a year (2024), a month (2024-03) or a day",
        "until": "Only documents up to then: a year (2024), a month (2024-03) or a day",
        "source": "Only documents from this source",
    },
    "timeline": {"topic": "A topic, e.g. governor or low-altitude economy"},
    "official": {"name": "The official's name, e.g. Huang Kunming or 黄坤明"},
    "add": {"file": "The document: .txt, .md, .html, .htm, .pdf or .jsonl"},
    "remove": {"document": "The document's title or file name"},
}
# /reload, /add and /remove are the owner's.
HELP_COMMANDS = ("ask", "timeline", "official", "officials", "sources", "help")
# How /help writes a command's options when not all are needed: optional ones in brackets.
HELP_USAGE = {"ask": "question [language] [since] [until] [source]"}
FIND_SOURCES_HELP = (
    "**Find sources** on any message (right-click \u2192 Apps): the corpus's quotes for what it "
    "says, to you alone"
)

HELP_TITLE = "lingnan \u2014 quotes, sources, dates"
HELP_DESCRIPTION = (
    "I answer questions about Guangdong's industrial policy with **verbatim quotes** from the "
    "documents in my corpus, each with its source, title and date, linked to the sentence "
    "on the page where the source is online. Nothing is generated: when the documents do not "
    "answer a question, I say so."
)
HELP_COMMANDS_HEADING = "Commands"
HELP_EXAMPLES_HEADING = "Example questions"
DEFAULT_MENTION_EXAMPLE = "what are Guangdong's industrial priorities?"


def help_mention_line(example: str) -> str:
    return f"Or mention me with a question: @lingnan {example}"


# --- /ask ----------------------------------------------------------------------------------------

ANSWER_FOOTER = Sentence("ask.footer", "verbatim from the corpus")
NOTHING_FOUND_TITLE = Sentence("ask.nothing_found_title", "Nothing in the corpus answers this")
EMPTY_QUESTION_TITLE = "What would you like to know?"
_NOTHING_FOUND = Sentence(
    "ask.nothing_found",
    "The documents hold no passage that answers \u201c{question}\u201d "
    "(lingnan quotes, it never guesses).",
)
_NOTHING_FOUND_EXAMPLES = Sentence(
    "ask.nothing_found_examples",
    "The documents hold no passage that answers \u201c{question}\u201d "
    "(lingnan quotes, it never guesses); try for example:",
)
_EXAMPLES_HINT = Sentence("ask.examples_hint", "{help} shows example questions, to you alone.")
_MORE_HINT = Sentence(
    "ask.more_hint", "{sources} lists the documents, {officials} the people named."
)


def nothing_found_sentence(
    question_markdown: str, *, examples: bool = True, language: str | None = None
) -> str:
    """The one sentence of a nothing-found answer (the question already escaped); it leads to
    the example questions under it when there are any."""
    sentence = _NOTHING_FOUND_EXAMPLES if examples else _NOTHING_FOUND
    return sentence(language, question=question_markdown)


def examples_hint(commands: CommandMentions, language: str | None = None) -> str:
    """Where the example questions are when a nothing-found answer leaves them out."""
    return _EXAMPLES_HINT(language, help=commands("help"))


def empty_question_sentence(commands: CommandMentions) -> str:
    return (
        f"Ask a question about Guangdong's industrial policy after {commands('ask')}, or mention "
        "me with it, and I reply with verbatim quotes from the documents, each with its source "
        "and date; for example:"
    )


def more_hint(commands: CommandMentions, language: str | None = None) -> str:
    """The subtext line under a nothing-found answer: where else to look."""
    return _MORE_HINT(language, sources=commands("sources"), officials=commands("officials"))


CORRECTED_LABEL = "Showing results for"
# The note line under the quotes, in the asker's language.
NOTE_READ_AS = Sentence("ask.notes.read_as", "Read as")
NOTE_SAME_MEANING = Sentence("ask.notes.same_meaning", "Same meaning")
NOTE_FOUND_THROUGH = Sentence("ask.notes.found_through", "Found through")
NOTE_ALSO_SEARCHED = Sentence("ask.notes.also_searched", "Also searched as")

CITE_LABEL = "Cite"
SOURCE_LABEL = "Source"
CITE_HEADING = "Ready to paste:"
NO_CITATION_MESSAGE = "This page has no quote to cite."


# --- /official and /officials ---------------------------------------------------------------------

OFFICIAL_NOT_FOUND_TITLE = "Official not found"
SEVERAL_OFFICIALS_TITLE = "Several officials hold this office"
CLOSEST_OFFICIALS_TITLE = "Did you mean one of these officials?"
NO_STATEMENTS = "The corpus quotes no statement by them."
NO_REPORTED_STATEMENTS = "No statement of theirs is reported; their speech is in the menu below."
NO_OFFICIALS = "The corpus names no officials yet."
NO_DOCUMENTS = "The corpus folder holds no documents."
OFFICIAL_PICK_PLACEHOLDER = "Open one of them"
SPEECH_PICK_PLACEHOLDER = "Sentences from their speech, by document"
TITLES_HEADING = "Titles"
DOCUMENTS_HEADING = "Documents"
STATEMENTS_HEADING = "Statements"
ALSO_WRITTEN = "Also written"
SPEECH_HEADING = "From the transcript of their speech"
REPORTED_STATEMENTS_CHOICE = "Titles and reported statements"


def statement_heading(number: int) -> str:
    return f"Statement {number}"


def office_holders_sentence(shown: str) -> str:
    return f"Officials whose office matches \u201c{shown}\u201d; open one with the menu below:"


def official_read_note(read_as: str, shown: str, name: str) -> str:
    """The subtext line under an official's header when the input was not their name as
    written: a corrected spelling, characters read by their pinyin, an office."""
    if read_as == "office":
        return f"\u201c{shown}\u201d read as an office: {name} holds it."
    return f"\u201c{shown}\u201d read as {name}."


def statements_summary(documents: int, reported: int, spoken: int, speeches: int) -> str:
    """The line under an official's name: where they are named and what they said."""
    line = (
        f"Named in {plural(documents, 'document')} \u00b7 {plural(reported, 'statement')} reported"
    )
    if spoken:
        where = "one transcript" if speeches == 1 else f"{speeches} transcripts"
        line += f" \u00b7 {plural(spoken, 'sentence')} of their speech in {where}: menu below"
    return line


def reported_choice_description(reported: int) -> str:
    return f"{plural(reported, 'statement')} reported in the news and press releases"


def speech_choice_description(date: str, sentences: int, source: str) -> str:
    return f"{date} \u00b7 {plural(sentences, 'sentence')} \u00b7 {source}"


def speech_footer(first: int, last: int, total: int, page: int, pages: int) -> str:
    shown = f"sentences {first}\u2013{last} of {total}" if first != last else f"sentence {first}"
    return shown if pages == 1 else f"{shown} \u00b7 page {page}/{pages}"


def officials_footer_hint(commands: CommandMentions) -> str:
    return f"{commands('official')} NAME for details"


def officials_list_hint(commands: CommandMentions) -> str:
    return f"{commands('officials')} lists everyone the documents name."


def did_you_mean(shown: str) -> str:
    return f"\u201c{shown}\u201d names no single official in the corpus. Did you mean:"


def no_such_official(shown: str) -> str:
    return (
        f"No official in the corpus is called \u201c{shown}\u201d or holds that office, "
        "and no name comes close."
    )


# --- one-sentence replies ------------------------------------------------------------------------


def cooldown_message(retry_after: float) -> str:
    seconds = max(1, math.ceil(retry_after))
    unit = "second" if seconds == 1 else "seconds"
    return f"You're asking quickly \u2014 please wait {seconds} {unit} before the next question."


def not_yours_message(commands: CommandMentions) -> str:
    return (
        f"Only the person who asked can turn these pages; ask your own question with "
        f"{commands('ask')}."
    )


NOT_YOURS_MESSAGE = not_yours_message(CommandMentions())


def not_yours_menu_message(commands: CommandMentions) -> str:
    return (
        f"Only the person who asked can change this answer; look an official up yourself with "
        f"{commands('official')}."
    )


MENU_EXPIRED_MESSAGE = "That entry is no longer in the corpus; ask again for a fresh answer."
EXPIRED_BUTTONS_MESSAGE = "These buttons have expired; ask again to page through a fresh answer."
NOT_OWNER_MESSAGE = "Only the bot's owner can change or reload the corpus."
INTERNAL_ERROR_MESSAGE = "Something went wrong on my side; it has been logged. Please try again."
RELOAD_BUSY_MESSAGE = "A reload is already running; the new corpus will be served when it finishes."
BAD_ARGUMENT_MESSAGE = "One of the values given could not be used; please check it and try again."
MISSING_PERMISSIONS_MESSAGE = "I lack the permissions to answer here (I need to send embeds)."
CHECK_FAILED_MESSAGE = "You can't use this command here."
CORPUS_LOADING_MESSAGE = "The corpus is still loading; please try again in a moment."
RELOADED_TITLE = "Corpus reloaded"


def reload_failed_message(reason: object) -> str:
    shown = clip(escape(" ".join(str(reason).split())), 1500)
    return f"The corpus could not be reloaded: {shown} The previous one is still served."


# --- /add and /remove ------------------------------------------------------------------------

ADDABLE_TYPES = ".txt, .md, .html, .htm, .pdf and .jsonl"
ADD_SIZE_SETTING = "LINGNAN_ADD_MAX_MB"
ATTACHMENT_UNREACHABLE_MESSAGE = (
    "The attachment could not be downloaded from Discord; please attach it again."
)
LAST_FILE_MESSAGE = (
    "This is the corpus's only document file: removing it would leave nothing to quote."
)
NO_DOCUMENTS_FOUND = "It was saved, but the corpus reads no document from it now."


def add_refused_message(filename: str, refusal: Refusal, detail: str) -> str:
    """Why an attached file was not added, in one sentence."""
    name = f"\u201c{clip(escape(' '.join(filename.split())), 120)}\u201d"
    detail = escape(" ".join(detail.split()))
    reasons = {
        Refusal.UNKNOWN_TYPE: f"lingnan reads {ADDABLE_TYPES} files, "
        + (f"not {detail} ones" if detail else "and its name gives no type"),
        Refusal.NO_NAME: "no usable file name is left once its path and unsafe characters go; "
        "rename it",
        Refusal.TOO_LARGE: f"it is too large ({detail}; {ADD_SIZE_SETTING} sets it)",
        Refusal.EMPTY: f"it holds no text{f' ({detail})' if detail else ''}",
        Refusal.UNREADABLE: f"it cannot be read ({detail})",
        Refusal.CUT_SHORT: f"it would take too long to read whole ({detail})",
        Refusal.NOT_SAVED: f"the corpus folder refused it ({detail})",
    }
    return f"{name} was not added: {reasons[refusal]}."


def remove_failed_message(filename: str, detail: str) -> str:
    shown = clip(escape(filename), 120)
    return f"\u201c{shown}\u201d could not be removed: {escape(detail)}."


def no_such_file_message(typed: str) -> str:
    shown = clip(escape(" ".join(typed.split())), 100)
    return (
        f"No document file of the corpus is \u201c{shown}\u201d; pick one of the names "
        "the command offers as you type."
    )


def added_title(filename: str) -> str:
    return f"Added {filename}"


def removed_title(filename: str) -> str:
    return f"Removed {filename}"


def more_documents_line(count: int) -> str:
    return f"\u2026 and {count} more documents from this file."


def now_serving(documents: str, passages: str, officials: str) -> str:
    return f"Now serving {documents}, {passages} and {officials}."


OFFICIALS_FOUND_LABEL = "Officials"
NO_OFFICIALS_FOUND = "no officials named"
FILE_NOTES_LABEL = "Notes"


PREVIOUS_PAGE_LABEL = "\u25c0"
NEXT_PAGE_LABEL = "\u25b6"


def page_indicator(page: int, pages: int) -> str:
    """The label between the page buttons: "2 / 5" (`page` counts from 0)."""
    return f"{page + 1} / {pages}"


# --- questions ----------------------------------------------------------------------------------


def blank_question_message(commands: CommandMentions) -> str:
    return (
        f"Please type a question after {commands('ask')}, "
        f"e.g. {commands('ask')} What is planned for the low-altitude economy?"
    )


def question_too_long_message(length: int, limit: int) -> str:
    return f"Please keep the question under {limit} characters (this one has {length})."


def blank_name_message(commands: CommandMentions) -> str:
    return f"Please type a name after {commands('official')}, e.g. Huang Kunming."


def name_too_long_message(length: int, limit: int) -> str:
    return f"Names are at most {limit} characters; please shorten it (this one has {length})."


# --- start-up and console lines ------------------------------------------------------------------

NO_TOKEN_HINT = (
    "No Discord token set. To get one: https://discord.com/developers/applications -> "
    "New Application -> Bot -> Reset Token, and copy it.",
    "Then put DISCORD_TOKEN=<the token> in .env (see .env.example) and start again. "
    "Meanwhile, here is the local console:",
)
LOGIN_REJECTED_MESSAGE = (
    "Discord rejected the token in DISCORD_TOKEN; copy a fresh one from the developer "
    "portal (your application -> Bot -> Reset Token) into .env."
)
INTENTS_REFUSED_MESSAGE = "Discord refused the connection: the bot asked for an intent not enabled."
CONSOLE_HELP = (
    "Commands: /ask QUESTION (or just type the question), /official NAME, /officials, /sources, "
    "/help, /more and /back to turn pages, /cite for the page's citation, /pick N to open an "
    "entry of a list, quit to leave."
)
CONSOLE_GREETING = "lingnan console. " + CONSOLE_HELP
CONSOLE_PROMPT = "lingnan> "
CONSOLE_OFFICIAL_USAGE = "Usage: /official NAME, e.g. /official Huang Kunming"
CONSOLE_NO_NEXT_PAGE = "No more pages."
CONSOLE_NO_PREVIOUS_PAGE = "This is the first page."
CONSOLE_NOTHING_TO_CITE = "Nothing to cite yet: ask a question first."
CONSOLE_NOTHING_TO_PICK = "Nothing to pick from: this answer has no list to open."


def console_menu_heading(placeholder: str) -> str:
    return f"{placeholder} (/pick N):"


def console_pick_usage(choices: int) -> str:
    return f"Usage: /pick N, N from 1 to {choices}."


def unreachable_message(error: BaseException) -> str:
    return f"cannot reach Discord ({type(error).__name__}: {error})."


def console_page_hint(page: int, pages: int) -> str:
    """The line under a paged console answer: "(page 1 of 3: /more for the next)"."""
    hints = []
    if page + 1 < pages:
        hints.append("/more for the next")
    if page > 0:
        hints.append("/back for the previous")
    return f"(page {page + 1} of {pages}: {', '.join(hints)})"


def console_unknown_command(command: str) -> str:
    return f"Unknown command {command}. {CONSOLE_HELP}"


# --- /ask's filters ---------------------------------------------------------------------------

# The language filter's choices: (name shown in Discord's picker, code).
FILTER_LANGUAGE_CHOICES = (("English", "en"), ("Deutsch (German)", "de"), ("中文 (Chinese)", "zh"))
FILTERED_NOTHING_TITLE = Sentence("filters.nothing_title", "Nothing with these filters")
_FILTERS_NOTE = Sentence("filters.note", "Filters: {filters}")
_UNDATED_LEFT_OUT = Counted(
    "filters.undated_left_out",
    "{filters} ({count} undated document left out)",
    plural="{filters} ({count} undated documents left out)",
)
_NO_DOCUMENT_MEETS = Sentence(
    "filters.no_document", "No document of the corpus meets these filters ({filters})."
)
_NOTHING_IN_FILTERED = Counted(
    "filters.nothing_in",
    "Nothing in the {count} document these filters leave ({filters}) answers "
    "\u201c{question}\u201d.",
    plural="Nothing in the {count} documents these filters leave ({filters}) answers "
    "\u201c{question}\u201d.",
)
_NOTHING_WITHOUT_FILTERS = Sentence(
    "filters.nothing_without", "Without the filters, the corpus has no answer either."
)
_QUOTES_WITHOUT_FILTERS = Counted(
    "filters.quotes_without",
    "Without the filters: {count} quote.",
    plural="Without the filters: {count} quotes.",
)


def no_such_source_message(typed: str) -> str:
    return f"No source of the corpus is called \u201c{typed}\u201d; pick one from the list."


def several_sources_message(typed: str, count: int) -> str:
    return f"\u201c{typed}\u201d is part of {count} sources' names; pick one from the list."


def filters_note(described: str, undated_left_out: int, language: str | None = None) -> str:
    """The subtext line stating an answer's filters: "Filters: German · since 2025"."""
    shown = escape(described)
    if undated_left_out:
        shown = _UNDATED_LEFT_OUT(language, filters=shown, count=undated_left_out)
    return _FILTERS_NOTE(language, filters=shown)


def filtered_nothing_sentence(
    question_markdown: str, described: str, documents: int, language: str | None = None
) -> str:
    if not documents:
        return _NO_DOCUMENT_MEETS(language, filters=escape(described))
    return _NOTHING_IN_FILTERED(
        language, count=documents, filters=escape(described), question=question_markdown
    )


def without_filters_sentence(count: int, language: str | None = None) -> str:
    if not count:
        return _NOTHING_WITHOUT_FILTERS(language)
    return _QUOTES_WITHOUT_FILTERS(language, count=count)


# --- /timeline ----------------------------------------------------------------------------------

TIMELINE_HEADING = "Oldest first, one line per quote; the dates are the documents'."
TIMELINE_NOTHING_TITLE = "Nothing in the corpus on this"
UNDATED = "undated"


def timeline_nothing_sentence(topic_markdown: str) -> str:
    return f"The corpus has no passage on \u201c{topic_markdown}\u201d to put in order."


# --- "Find sources" on a message ----------------------------------------------------------------

FIND_SOURCES_NAME = "Find sources"
FIND_SOURCES_TITLE = "Sources for this message"
FIND_SOURCES_NOTHING_TITLE = "No sources in the corpus"
FIND_SOURCES_NO_TEXT = "This message has no text to find sources for."
SEARCHED_FOR_LABEL = "Searched for"


def find_sources_nothing_sentence(searched_markdown: str) -> str:
    return "The corpus holds no passage that says what this message says" + (
        f" ({SEARCHED_FOR_LABEL.lower()}: {searched_markdown})." if searched_markdown else "."
    )
