"""The fixed sentences a user sees of lingnan's commands: command descriptions, hints, refusals,
errors and button labels (a feature's own are beside it: `bot.filter_texts` for /ask's filters,
`bot.owner_texts` for /reload, /add and /remove, `bot.records_texts` for feedback, /stats and
/settings, `bot.console_lines` for the console). Sentences that name a command take a
`CommandMentions`, so that on Discord the command can be clicked and in the console it reads
`/name`.

The commands and the sentences made as `Sentence`s are translated (`bot.translations`; the German
and Chinese are in bot/data/texts/): calling one with a reply language gives it in that language.
"""

from __future__ import annotations

import math

from bot.answer_parts import PAGE_OF
from bot.command_mentions import CommandMentions
from bot.translations import Counted, Sentence, translated

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
# The options /help writes in brackets: the ones a command does not need.
HELP_OPTIONAL_OPTIONS = {"ask": ("language", "since", "until", "source")}
FIND_SOURCES_HELP = Sentence(
    "help.find_sources",
    "**Find sources** on any message (right-click \u2192 Apps): the corpus's quotes for what it "
    "says, to you alone",
)

HELP_TITLE = Sentence("help.title", "lingnan \u2014 quotes, sources, dates")
HELP_DESCRIPTION = Sentence(
    "help.description",
    "I answer questions about Guangdong's industrial policy with **verbatim quotes** from the "
    "documents in my corpus, each with its source, title and date, linked to the sentence "
    "on the page where the source is online. Nothing is generated: when the documents do not "
    "answer a question, I say so.",
)
HELP_COMMANDS_HEADING = Sentence("help.commands_heading", "Commands")
HELP_EXAMPLES_HEADING = Sentence("help.examples_heading", "Example questions")
DEFAULT_MENTION_EXAMPLE = Sentence(
    "help.default_mention_example", "what are Guangdong's industrial priorities?"
)
_HELP_MENTION_LINE = Sentence(
    "help.mention_line", "Or mention me with a question: @lingnan {example}"
)
_HELP_FOOTER = Sentence("help.footer", "Corpus: {documents} \u00b7 {passages} \u00b7 {officials}")
DOCUMENT_COUNT = Counted("counts.documents", "{count} document", plural="{count} documents")
PASSAGE_COUNT = Counted("counts.passages", "{count} passage", plural="{count} passages")
OFFICIAL_COUNT = Counted("counts.officials", "{count} official", plural="{count} officials")


def help_mention_line(example: str, language: str | None = None) -> str:
    return _HELP_MENTION_LINE(language, example=example)


def help_footer(documents: int, passages: int, officials: int, language: str | None = None) -> str:
    """/help's footer: the corpus's size."""
    return _HELP_FOOTER(
        language,
        documents=DOCUMENT_COUNT(language, count=documents),
        passages=PASSAGE_COUNT(language, count=passages),
        officials=OFFICIAL_COUNT(language, count=officials),
    )


def help_usage(command: str, language: str | None = None) -> str:
    """A command's options as /help writes them after it, in `language`: optional ones in
    brackets ("question [language] …")."""
    optional = HELP_OPTIONAL_OPTIONS.get(command, ())
    names = []
    for option in COMMAND_OPTIONS.get(command, {}):
        name = translated(language, f"commands.{command}.options.{option}.name", option)
        names.append(f"[{name}]" if option in optional else name)
    return " ".join(names)


def help_command_description(command: str, language: str | None = None) -> str:
    """What a command does, as /help writes it after the command (English lowercased: it
    continues the line; German nouns keep their capitals)."""
    english = COMMAND_DESCRIPTIONS[command]
    what = translated(language, f"commands.{command}.description", english)
    if what == english:
        return what[0].lower() + what[1:]
    return what


# --- /ask ----------------------------------------------------------------------------------------

ANSWER_FOOTER = Sentence("ask.footer", "verbatim from the corpus")
NOTHING_FOUND_TITLE = Sentence("ask.nothing_found_title", "Nothing in the corpus answers this")
EMPTY_QUESTION_TITLE = Sentence("ask.empty_question_title", "What would you like to know?")
_EMPTY_QUESTION = Sentence(
    "ask.empty_question",
    "Ask a question about Guangdong's industrial policy after {ask}, or mention me with it, and "
    "I reply with verbatim quotes from the documents, each with its source and date; for example:",
)
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


def empty_question_sentence(commands: CommandMentions, language: str | None = None) -> str:
    return _EMPTY_QUESTION(language, ask=commands("ask"))


def more_hint(commands: CommandMentions, language: str | None = None) -> str:
    """The subtext line under a nothing-found answer: where else to look."""
    return _MORE_HINT(language, sources=commands("sources"), officials=commands("officials"))


# The note line under the quotes, in the asker's language.
NOTE_READ_AS = Sentence("ask.notes.read_as", "Read as")
NOTE_SAME_MEANING = Sentence("ask.notes.same_meaning", "Same meaning")
NOTE_FOUND_THROUGH = Sentence("ask.notes.found_through", "Found through")
NOTE_ALSO_SEARCHED = Sentence("ask.notes.also_searched", "Also searched as")

CITE_LABEL = Sentence("buttons.cite", "Cite")
SOURCE_LABEL = Sentence("buttons.source", "Source")
CITE_HEADING = Sentence("buttons.cite_heading", "Ready to paste:")
NO_CITATION_MESSAGE = Sentence("buttons.no_citation", "This page has no quote to cite.")


# --- /official and /officials ---------------------------------------------------------------------

OFFICIAL_NOT_FOUND_TITLE = Sentence("officials.not_found_title", "Official not found")
SEVERAL_OFFICIALS_TITLE = Sentence("officials.several_title", "Several officials hold this office")
CLOSEST_OFFICIALS_TITLE = Sentence(
    "officials.closest_title", "Did you mean one of these officials?"
)
NO_STATEMENTS = Sentence("officials.no_statements", "The corpus quotes no statement by them.")
NO_REPORTED_STATEMENTS = Sentence(
    "officials.no_reported_statements",
    "No statement of theirs is reported; their speech is in the menu below.",
)
NO_STATEMENTS_FOOTER = Sentence("officials.no_statements_footer", "no statements")
NO_REPORTED_STATEMENTS_FOOTER = Sentence(
    "officials.no_reported_statements_footer", "no reported statements"
)
NO_OFFICIALS = Sentence("officials.none", "The corpus names no officials yet.")
NO_DOCUMENTS = Sentence("sources.none", "The corpus folder holds no documents.")
SOURCES_TITLE = Sentence("sources.title", "Sources")
_SOURCES_COUNTED = Sentence("sources.counted_title", "Sources ({documents})")


def sources_title(documents: int, language: str | None = None) -> str:
    """/sources' title: "Sources (12 documents)"."""
    return _SOURCES_COUNTED(language, documents=DOCUMENT_COUNT(language, count=documents))


OFFICIAL_PICK_PLACEHOLDER = Sentence("officials.pick_placeholder", "Open one of them")
SPEECH_PICK_PLACEHOLDER = Sentence(
    "officials.speech_placeholder", "Sentences from their speech, by document"
)
TITLES_HEADING = Sentence("officials.titles_heading", "Titles")
DOCUMENTS_HEADING = Sentence("officials.documents_heading", "Documents")
STATEMENTS_HEADING = Sentence("officials.statements_heading", "Statements")
ALSO_WRITTEN = Sentence("officials.also_written", "Also written")
SPEECH_HEADING = Sentence("officials.speech_heading", "From the transcript of their speech")
REPORTED_STATEMENTS_CHOICE = Sentence("officials.reported_choice", "Titles and reported statements")
OFFICIALS_TITLE = Sentence("officials.title", "Officials")
_OFFICIALS_IN_CORPUS = Sentence("officials.in_corpus", "Officials in the corpus ({count})")
_STATEMENT_HEADING = Sentence("officials.statement_heading", "Statement {number}")
_OFFICE_HOLDERS = Sentence(
    "officials.office_holders",
    "Officials whose office matches \u201c{shown}\u201d; open one with the menu below:",
)
_READ_AS_OFFICE = Sentence(
    "officials.read_as_office", "\u201c{shown}\u201d read as an office: {name} holds it."
)
_READ_AS_NAME = Sentence("officials.read_as_name", "\u201c{shown}\u201d read as {name}.")
_NAMED_IN = Sentence("officials.named_in", "Named in {documents} \u00b7 {statements} reported")
_SPOKEN_IN = Sentence(
    "officials.spoken_in",
    "{summary} \u00b7 {sentences} of their speech in {transcripts}: menu below",
)
_TRANSCRIPTS = Counted("officials.transcripts", "one transcript", plural="{count} transcripts")
STATEMENT_COUNT = Counted("counts.statements", "{count} statement", plural="{count} statements")
SENTENCE_COUNT = Counted("counts.sentences", "{count} sentence", plural="{count} sentences")
_REPORTED_CHOICE_DESCRIPTION = Sentence(
    "officials.reported_choice_description",
    "{statements} reported in the news and press releases",
)
_SPEECH_SENTENCES = Sentence(
    "officials.speech_sentences", "sentences {first}\u2013{last} of {total}"
)
_SPEECH_SENTENCE = Sentence("officials.speech_sentence", "sentence {first}")
_OFFICIALS_FOOTER_HINT = Sentence("officials.footer_hint", "{official} NAME for details")
_OFFICIALS_LIST_HINT = Sentence(
    "officials.list_hint", "{officials} lists everyone the documents name."
)
_DID_YOU_MEAN = Sentence(
    "officials.did_you_mean",
    "\u201c{shown}\u201d names no single official in the corpus. Did you mean:",
)
_NO_SUCH_OFFICIAL = Sentence(
    "officials.no_such_official",
    "No official in the corpus is called \u201c{shown}\u201d or holds that office, "
    "and no name comes close.",
)


def officials_in_corpus_title(count: int, language: str | None = None) -> str:
    return _OFFICIALS_IN_CORPUS(language, count=count)


def statement_heading(number: int, language: str | None = None) -> str:
    return _STATEMENT_HEADING(language, number=number)


def office_holders_sentence(shown: str, language: str | None = None) -> str:
    return _OFFICE_HOLDERS(language, shown=shown)


def official_read_note(read_as: str, shown: str, name: str, language: str | None = None) -> str:
    """The subtext line under an official's header when the input was not their name as
    written: a corrected spelling, characters read by their pinyin, an office."""
    sentence = _READ_AS_OFFICE if read_as == "office" else _READ_AS_NAME
    return sentence(language, shown=shown, name=name)


def statements_summary(
    documents: int, reported: int, spoken: int, speeches: int, language: str | None = None
) -> str:
    """The line under an official's name: where they are named and what they said."""
    line = _NAMED_IN(
        language,
        documents=DOCUMENT_COUNT(language, count=documents),
        statements=STATEMENT_COUNT(language, count=reported),
    )
    if spoken:
        line = _SPOKEN_IN(
            language,
            summary=line,
            sentences=SENTENCE_COUNT(language, count=spoken),
            transcripts=_TRANSCRIPTS(language, count=speeches),
        )
    return line


def reported_choice_description(reported: int, language: str | None = None) -> str:
    return _REPORTED_CHOICE_DESCRIPTION(
        language, statements=STATEMENT_COUNT(language, count=reported)
    )


def speech_choice_description(
    date: str, sentences: int, source: str, language: str | None = None
) -> str:
    return f"{date} \u00b7 {SENTENCE_COUNT(language, count=sentences)} \u00b7 {source}"


def speech_footer(
    first: int, last: int, total: int, page: int, pages: int, language: str | None = None
) -> str:
    if first != last:
        shown = _SPEECH_SENTENCES(language, first=first, last=last, total=total)
    else:
        shown = _SPEECH_SENTENCE(language, first=first)
    return shown if pages == 1 else PAGE_OF(language, shown=shown, page=page, pages=pages)


def officials_footer_hint(commands: CommandMentions, language: str | None = None) -> str:
    return _OFFICIALS_FOOTER_HINT(language, official=commands("official"))


def officials_list_hint(commands: CommandMentions, language: str | None = None) -> str:
    return _OFFICIALS_LIST_HINT(language, officials=commands("officials"))


def did_you_mean(shown: str, language: str | None = None) -> str:
    return _DID_YOU_MEAN(language, shown=shown)


def no_such_official(shown: str, language: str | None = None) -> str:
    return _NO_SUCH_OFFICIAL(language, shown=shown)


# --- one-sentence replies ------------------------------------------------------------------------


_COOLDOWN = Counted(
    "errors.cooldown",
    "You're asking quickly \u2014 please wait {count} second before the next question.",
    plural="You're asking quickly \u2014 please wait {count} seconds before the next question.",
)


def cooldown_message(retry_after: float, language: str | None = None) -> str:
    return _COOLDOWN(language, count=max(1, math.ceil(retry_after)))


_NOT_YOURS = Sentence(
    "buttons.not_yours",
    "Only the person who asked can turn these pages; ask your own question with {ask}.",
)


def not_yours_message(commands: CommandMentions, language: str | None = None) -> str:
    return _NOT_YOURS(language, ask=commands("ask"))


_NOT_YOURS_MENU = Sentence(
    "officials.not_yours_menu",
    "Only the person who asked can change this answer; look an official up yourself with "
    "{official}.",
)


def not_yours_menu_message(commands: CommandMentions, language: str | None = None) -> str:
    return _NOT_YOURS_MENU(language, official=commands("official"))


MENU_EXPIRED_MESSAGE = Sentence(
    "officials.menu_expired",
    "That entry is no longer in the corpus; ask again for a fresh answer.",
)
EXPIRED_BUTTONS_MESSAGE = Sentence(
    "errors.expired_buttons",
    "These buttons have expired; ask again to page through a fresh answer.",
)
NOT_OWNER_MESSAGE = Sentence(
    "errors.not_owner", "Only the bot's owner can change or reload the corpus."
)
INTERNAL_ERROR_MESSAGE = Sentence(
    "errors.internal", "Something went wrong on my side; it has been logged. Please try again."
)
BAD_ARGUMENT_MESSAGE = Sentence(
    "errors.bad_argument",
    "One of the values given could not be used; please check it and try again.",
)
MISSING_PERMISSIONS_MESSAGE = Sentence(
    "errors.missing_permissions",
    "I lack the permissions to answer here (I need to send embeds).",
)
CHECK_FAILED_MESSAGE = Sentence("errors.check_failed", "You can't use this command here.")
CORPUS_LOADING_MESSAGE = Sentence(
    "errors.corpus_loading", "The corpus is still loading; please try again in a moment."
)

PREVIOUS_PAGE_LABEL = "\u25c0"
NEXT_PAGE_LABEL = "\u25b6"


def page_indicator(page: int, pages: int) -> str:
    """The label between the page buttons: "2 / 5" (`page` counts from 0)."""
    return f"{page + 1} / {pages}"


# --- questions ----------------------------------------------------------------------------------


_BLANK_QUESTION = Sentence(
    "questions.blank",
    "Please type a question after {ask}, e.g. {ask} What is planned for the low-altitude economy?",
)
_QUESTION_TOO_LONG = Sentence(
    "questions.too_long",
    "Please keep the question under {limit} characters (this one has {length}).",
)
_BLANK_NAME = Sentence(
    "questions.blank_name", "Please type a name after {official}, e.g. Huang Kunming."
)
_NAME_TOO_LONG = Sentence(
    "questions.name_too_long",
    "Names are at most {limit} characters; please shorten it (this one has {length}).",
)


def blank_question_message(commands: CommandMentions, language: str | None = None) -> str:
    return _BLANK_QUESTION(language, ask=commands("ask"))


def question_too_long_message(length: int, limit: int, language: str | None = None) -> str:
    return _QUESTION_TOO_LONG(language, limit=limit, length=length)


def blank_name_message(commands: CommandMentions, language: str | None = None) -> str:
    return _BLANK_NAME(language, official=commands("official"))


def name_too_long_message(length: int, limit: int, language: str | None = None) -> str:
    return _NAME_TOO_LONG(language, limit=limit, length=length)


# --- start-up lines (the operator's terminal; the console's own are in bot.console_lines) -------

LOGIN_REJECTED_MESSAGE = (
    "Discord rejected the token in DISCORD_TOKEN; copy a fresh one from the developer "
    "portal (your application -> Bot -> Reset Token) into .env."
)
INTENTS_REFUSED_MESSAGE = "Discord refused the connection: the bot asked for an intent not enabled."


def unreachable_message(error: BaseException) -> str:
    return f"cannot reach Discord ({type(error).__name__}: {error})."


# --- /timeline ----------------------------------------------------------------------------------

TIMELINE_HEADING = Sentence(
    "timeline.heading", "Oldest first, one line per quote; the dates are the documents'."
)
TIMELINE_NOTHING_TITLE = Sentence("timeline.nothing_title", "Nothing in the corpus on this")
_TIMELINE_NOTHING = Sentence(
    "timeline.nothing", "The corpus has no passage on \u201c{topic}\u201d to put in order."
)


def timeline_nothing_sentence(topic_markdown: str, language: str | None = None) -> str:
    return _TIMELINE_NOTHING(language, topic=topic_markdown)


# --- "Find sources" on a message ----------------------------------------------------------------

FIND_SOURCES_NAME = "Find sources"
FIND_SOURCES_TITLE = Sentence("find_sources.title", "Sources for this message")
FIND_SOURCES_NOTHING_TITLE = Sentence("find_sources.nothing_title", "No sources in the corpus")
FIND_SOURCES_NO_TEXT = Sentence(
    "find_sources.no_text", "This message has no text to find sources for."
)
SEARCHED_FOR_LABEL = Sentence("find_sources.searched_for", "Searched for")
_NOTHING_SAYS_THIS = Sentence(
    "find_sources.nothing", "The corpus holds no passage that says what this message says."
)
_NOTHING_SAYS_THIS_SEARCHED = Sentence(
    "find_sources.nothing_searched",
    "The corpus holds no passage that says what this message says (searched for: {searched}).",
)


def find_sources_nothing_sentence(searched_markdown: str, language: str | None = None) -> str:
    if searched_markdown:
        return _NOTHING_SAYS_THIS_SEARCHED(language, searched=searched_markdown)
    return _NOTHING_SAYS_THIS(language)
