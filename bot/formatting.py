"""The one place the text a user sees is written: every answer, page, hint and error sentence.

Builders turn retrieval models into an `Answer`: a list of `Card` pages (title, url, description,
fields, footer). A card renders to a `discord.Embed` (`to_embed`) and to console text (`to_text`),
so Discord, the local console and the tests show the same words. Every card passes `fit_card`,
which holds it to Discord's embed limits whatever the corpus contains.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, TypeVar
from urllib.parse import urlsplit

import discord

from bot.examples import Example
from bot.markdown import (
    ELLIPSIS,
    block_quote,
    clip,
    discord_len,
    escape,
    highlight,
    link,
    normalise_lines,
    text_fragment_url,
    to_plain,
)
from bot.user_text import clean_user_text
from retrieval.models import (
    Copy,
    Counterpart,
    DocumentInfo,
    DocumentSummary,
    Expansion,
    Official,
    OfficialLookup,
    SearchResponse,
    SearchResult,
    Statement,
)
from retrieval.search import corrected_question

if TYPE_CHECKING:
    from retrieval.library import LibraryStats

T = TypeVar("T")

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
MESSAGE_LIMIT = 2000

ANSWER_COLOUR = 0x1F8B4C  # jade: Lingnan
EMPTY_COLOUR = 0x95A5A6

MAX_QUESTION_LENGTH = 300  # longer text is not a question BM25 can answer better
OFFICIALS_PER_PAGE = 15
SOURCES_PER_PAGE = 5
STATEMENTS_PER_PAGE = 3
MAX_ANSWER_PAGES = 5

LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "zh": "Chinese",
    "fr": "French",
    "es": "Spanish",
    "ja": "Japanese",
    "ko": "Korean",
    "pt": "Portuguese",
    "ru": "Russian",
}
_LANGUAGE_ORDER = {"en": 0, "de": 1, "zh": 2}


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True)
class Card:
    """One page of an answer, in Discord markdown (already escaped and within the limits)."""

    title: str
    description: str = ""
    url: str | None = None
    fields: tuple[Field, ...] = ()
    footer: str | None = None
    colour: int = ANSWER_COLOUR


@dataclass(frozen=True)
class Answer:
    """What the bot says in reply: one card per page; `ephemeral` for private replies."""

    pages: tuple[Card, ...]
    ephemeral: bool = False
    found: bool = True  # False when the corpus had nothing for the request

    def __post_init__(self) -> None:
        if not self.pages:
            raise ValueError("an answer has at least one page")


@dataclass(frozen=True)
class Suggestions:
    """What can be asked, drawn from the corpus being served, for help and empty answers."""

    officials: Sequence[str] = ()
    documents: Sequence[str] = ()
    examples: Sequence[Example] = field(default_factory=tuple)


# --- the commands, as Discord's command picker and /help describe them -------------------------

COMMAND_DESCRIPTIONS = {
    "ask": "The best-matching quotes from the documents; buttons page through more",
    "official": "An official's titles, documents and statements",
    "officials": "Everyone the documents name, paged",
    "sources": "The documents quoted, with source, date, language and link",
    "help": "What lingnan can do, with example questions",
    "reload": "Reload the corpus folder (bot owner only)",
}
COMMAND_OPTIONS = {
    "ask": {"question": "Your question, in English, German or Chinese"},
    "official": {"name": "The official's name, e.g. Huang Kunming or 黄坤明"},
}
HELP_COMMANDS = ("ask", "official", "officials", "sources", "help")  # /reload is the owner's


# --- rendering -----------------------------------------------------------------------------------


def card_length(card: Card) -> int:
    """The characters Discord counts toward an embed's 6000 total."""
    return (
        discord_len(card.title)
        + discord_len(card.description)
        + sum(discord_len(f.name) + discord_len(f.value) for f in card.fields)
        + discord_len(card.footer or "")
    )


def fit_card(card: Card) -> Card:
    """`card` held to every embed limit; clipping is markdown-safe (see `bot.markdown.clip`)."""
    title = clip(card.title, TITLE_LIMIT) or "\u2026"
    fields = tuple(
        Field(
            clip(f.name, FIELD_NAME_LIMIT) or "\u200b",
            clip(f.value, FIELD_VALUE_LIMIT) or "\u200b",
            f.inline,
        )
        for f in card.fields[:FIELD_COUNT_LIMIT]
    )
    fitted = replace(
        card,
        title=title,
        description=clip(card.description, DESCRIPTION_LIMIT),
        fields=fields,
        footer=clip(card.footer, FOOTER_LIMIT) if card.footer else None,
    )
    while card_length(fitted) > EMBED_TOTAL_LIMIT and fitted.fields:
        fitted = replace(fitted, fields=fitted.fields[:-1])
    excess = card_length(fitted) - EMBED_TOTAL_LIMIT
    if excess > 0:
        room = max(discord_len(fitted.description) - excess, 0)
        fitted = replace(fitted, description=clip(fitted.description, room))
    return fitted


def to_embed(card: Card) -> discord.Embed:
    """The card as a Discord embed."""
    embed = discord.Embed(
        title=card.title,
        url=card.url,
        description=card.description or None,
        colour=discord.Colour(card.colour),
    )
    for item in card.fields:
        embed.add_field(name=item.name, value=item.value, inline=item.inline)
    if card.footer:
        embed.set_footer(text=card.footer)
    return embed


def _display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def to_text(card: Card, *, ansi: bool = False) -> str:
    """The card as console text: the same words as the embed, links spelled out."""
    lines = [to_plain(card.title, ansi=ansi)]
    if card.url:
        lines.append(card.url)
    lines.append("=" * min(max(_display_width(to_plain(card.title)), 8), 72))
    if card.description:
        lines.append(to_plain(card.description, ansi=ansi))
    for item in card.fields:
        lines.append("")
        lines.append(to_plain(item.name, ansi=ansi))
        lines.extend("  " + line for line in to_plain(item.value, ansi=ansi).split("\n"))
    if card.footer:
        lines.append("")
        lines.append(f"-- {to_plain(card.footer, ansi=ansi)}")
    return "\n".join(lines)


# --- shared pieces -------------------------------------------------------------------------------


def _date(value: str | None) -> str:
    return value or "undated"


def _language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def inline(text: str) -> str:
    """Corpus or user text for one line of an answer: whitespace flattened, then escaped."""
    return escape(" ".join(text.split()))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def citation(
    document: DocumentInfo,
    *,
    quote_text: str | None,
    paragraph: int | None,
    title_limit: int = 150,
    linked: bool = True,
) -> str:
    """The citation line: source · title (linked to the quote on its page) · date · ¶ n."""
    title = clip(inline(document.title), title_limit) or "untitled"
    source = clip(inline(document.source), 80) or "unknown source"
    url = text_fragment_url(document.url, quote_text) if document.url and quote_text else None
    parts = [source, link(f"*{title}*", (url or document.url) if linked else None)]
    parts.append(_date(document.date))
    if paragraph:
        parts.append(f"¶ {paragraph}")
    return " · ".join(parts)


# A passage cut out of a longer sentence starts in lower case or ends on a comma; the quote marks
# the cut with an ellipsis, as a journalist would, so it does not read as the whole sentence.
_ENDS_MID_SENTENCE = re.compile(r"[,;\uff0c\uff1b\u3001]$")


def quote_block(text: str, matched_terms: Sequence[str], limit: int) -> str:
    """A verbatim quote as a block quote, matched words bold, cut to `limit` characters; an
    ellipsis marks where it begins or ends inside a sentence."""
    text = text.strip()
    body = highlight(normalise_lines(text), matched_terms)
    first_word = text.split(maxsplit=1)[0].rstrip(",;:") if text else ""
    if first_word.isalpha() and first_word.islower():  # "made a series…", not "iPhone" or "5G"
        body = ELLIPSIS + body
    if _ENDS_MID_SENTENCE.search(text):
        body += ELLIPSIS
    lines = body.count("\n") + 1
    return block_quote(clip(body, max(limit - 2 * lines, 20)))


@dataclass(frozen=True)
class _Page(Generic[T]):
    items: Sequence[T]
    first: int  # the number of the page's first item, from 1
    footer: str  # "quotes 4–6 of 9 · page 2/3"


def _paged(items: Sequence[T], per_page: int, noun: str) -> list[_Page[T]]:
    """`items` cut into pages of `per_page`, each with its first item's number and its footer."""
    total = len(items)
    starts = range(0, total, per_page)
    singular = noun.removesuffix("s")
    pages: list[_Page[T]] = []
    for number, start in enumerate(starts, start=1):
        chunk = items[start : start + per_page]
        first, last = start + 1, start + len(chunk)
        if total == 1:
            shown = f"1 {singular}"
        elif first == last:
            shown = f"{singular} {first} of {total}"
        else:
            shown = f"{noun} {first}–{last} of {total}"
        footer = shown if len(starts) == 1 else f"{shown} · page {number}/{len(starts)}"
        pages.append(_Page(chunk, first, footer))
    return pages


def _examples_by_language(examples: Sequence[Example]) -> list[Example]:
    return sorted(examples, key=lambda e: _LANGUAGE_ORDER.get(e.language, 9))


def _example_lines(examples: Sequence[Example], limit: int = 6) -> str:
    chosen: list[Example] = []
    seen: set[str] = set()
    ordered = _examples_by_language(examples)
    for example in ordered:  # one per language first, then the rest
        if example.language not in seen:
            chosen.append(example)
            seen.add(example.language)
    chosen += [e for e in ordered if e not in chosen]
    chosen = _examples_by_language(chosen[:limit])
    return "\n".join(f"• `/ask` {inline(e.question)}" for e in chosen)


# --- /ask ----------------------------------------------------------------------------------------


def synonyms_note(synonyms: Sequence[Expansion]) -> str:
    """One line naming the synonyms the quotes below matched: "Same meaning: “rules” as
    regulations; “come into force” as take effect"."""
    return _expansions_note("Same meaning", "as", synonyms)


def translations_note(translations: Sequence[Expansion]) -> str:
    """One line naming the translations the quotes below were found through: "Found
    through: “地区生产总值” → GDP"."""
    return _expansions_note("Found through", "\u2192", translations)


def _expansions_note(label: str, joiner: str, expansions: Sequence[Expansion]) -> str:
    parts = [
        f"\u201c{clip(inline(e.original), 40)}\u201d {joiner} "
        + " / ".join(clip(inline(word), 40) for word in e.added[:2])
        for e in expansions[:3]
    ]
    return f"-# {label}: " + "; ".join(parts)


def ask_answer(
    question: str, response: SearchResponse, *, per_page: int, suggestions: Suggestions
) -> Answer:
    """The best quotes for `question`, `per_page` to a page, or the plain nothing-found answer."""
    if not response.results:
        return nothing_found_answer(question, suggestions)
    results = response.results[: per_page * MAX_ANSWER_PAGES]
    title = "\u201c" + clip(inline(question), TITLE_LIMIT - 2) + "\u201d"
    notes: list[str] = []
    if response.corrections:
        # Exactly the question that was searched (the library searches this one).
        corrected = corrected_question(question, response.corrections)
        notes.append(f"Showing results for \u201c{clip(inline(corrected), 300)}\u201d.")
    for expansion in response.expansions[:3]:
        others = " / ".join(clip(inline(name), 60) for name in expansion.added[:3])
        original = clip(inline(expansion.original), 60)
        if others:
            notes.append(f"Also searched as {others} (for \u201c{original}\u201d).")
    if response.synonyms:
        notes.append(synonyms_note(response.synonyms))
    if response.translations:
        notes.append(translations_note(response.translations))
    header = "\n".join(notes) + "\n\n" if notes else ""
    room = DESCRIPTION_LIMIT - discord_len(header)
    pages = [
        Card(
            title=title,
            description=header + _quotes(page.items, page.first, room),
            footer=f"{page.footer} · verbatim from the corpus",
        )
        for page in _paged(results, per_page, "quotes")
    ]
    return Answer(tuple(fit_card(card) for card in pages))


def _quotes(results: Sequence[SearchResult], first_number: int, room: int) -> str:
    separator = "\n\n"
    share = (room - discord_len(separator) * (len(results) - 1)) // max(len(results), 1)
    blocks: list[str] = []
    for number, result in enumerate(results, start=first_number):
        cite = f"\u2014 **{number}.** " + bounded_citation(
            result.document, result.text, result.paragraph, share * 2 // 5 - 12
        )
        other_languages = also_in_segment(result.also_in, share // 5)
        if other_languages:
            cite += " \u00b7 " + other_languages
        also = also_published_line(result.also_published, share // 4)
        if also:
            cite += "\n" + also
        quote = quote_block(result.text, result.matched_terms, share - discord_len(cite) - 1)
        blocks.append(f"{quote}\n{cite}")
    return separator.join(blocks)


def _copy_name(document: DocumentInfo) -> str:
    """A short name for who published a copy: its source, else its site, else its title (in
    italics, as citations show titles)."""
    source = " ".join(document.source.split())
    if source and source.casefold() != "unknown source":
        return clip(inline(source), 40)
    host = urlsplit(document.url).hostname if document.url else None
    if host:
        return clip(inline(host.removeprefix("www.")), 40)
    title = clip(inline(document.title), 40)
    return f"*{title}*" if title else "another document"


def also_published_line(copies: Sequence[Copy], limit: int) -> str:
    """The other documents that carry the quote, within `limit`: "also published by Xinhua
    (2024-02-19), example.org". As many names as fit, the rest counted; names link to their
    copy when that fits too. Empty when there are no copies."""
    if not copies:
        return ""
    head = "also published by "
    plain = [_copy_name(copy.document) for copy in copies]
    linked = [link(name, copy.document.url) for name, copy in zip(plain, copies, strict=True)]
    dates = [f" ({copy.document.date})" if copy.document.date else "" for copy in copies]
    for shown in range(len(copies), 0, -1):
        rest = len(copies) - shown
        more = f" and {rest} more" if rest else ""
        for names in (linked, plain):
            line = head + ", ".join(n + d for n, d in zip(names[:shown], dates, strict=False))
            if discord_len(line + more) <= limit:
                return line + more
    return clip(f"{head}{_plural(len(copies), 'other document')}", limit)


def also_in_segment(counterparts: Sequence[Counterpart], limit: int) -> str:
    """The languages the quote is also in, within `limit`: "also in German (original),
    Chinese". Each language links to its counterpart's sentence on its page (a text fragment,
    as citations link), when that fits; the original is marked when the dates tell. Empty when
    there are no counterparts."""
    by_language: dict[str, list[Counterpart]] = {}
    for counterpart in counterparts:
        found = by_language.setdefault(counterpart.language, [])
        if not found or found[0].document.id == counterpart.document.id:
            found.append(counterpart)  # one document per language: the others are its copies
    if not by_language:
        return ""
    names = [inline(_language(language)) for language in by_language]
    marks = [
        " (original)" if any(c.original for c in found) else "" for found in by_language.values()
    ]
    links = [_counterpart_url(found) for found in by_language.values()]
    attempts = [
        [link(name, url) + mark for name, url, mark in zip(names, links, marks, strict=True)],
        [name + mark for name, mark in zip(names, marks, strict=True)],
    ]
    for parts in attempts:
        line = "also in " + ", ".join(parts)
        if discord_len(line) <= limit:
            return line
    return clip("also in " + ", ".join(attempts[-1]), limit)


def _counterpart_url(counterparts: Sequence[Counterpart]) -> str | None:
    """The address of the counterparts' sentences: their page, with a text fragment from the
    first one's opening words to the last one's closing words."""
    url = counterparts[0].document.url
    if not url:
        return None
    text = " ".join(c.text for c in counterparts)
    return text_fragment_url(url, text) if text.strip() else url


def bounded_citation(document: DocumentInfo, quote_text: str, paragraph: int, limit: int) -> str:
    """The citation within `limit`, so the quote keeps most of the room. What gives way, in
    order: the text fragment, then the title's length, then the link; the source and the date
    stay whenever they fit at all."""
    attempts: list[tuple[str | None, int, bool]] = [  # (fragment text, title length, linked)
        (quote_text, 150, True),
        (None, 150, True),
        (None, 60, True),
        (None, 60, False),
        (None, 24, False),
    ]
    for fragment, title_limit, linked in attempts:
        cite = citation(
            document,
            quote_text=fragment,
            paragraph=paragraph,
            title_limit=title_limit,
            linked=linked,
        )
        if discord_len(cite) <= limit:
            return cite
    source = clip(inline(document.source), 40) or "unknown source"
    return clip(f"{source} · {_date(document.date)}", limit)


def nothing_found_answer(question: str, suggestions: Suggestions) -> Answer:
    """Say plainly the corpus has no passage for it, and what can be asked instead."""
    shown = clip(inline(question), 200)
    description = (
        f"The corpus has no passage that answers \u201c{shown}\u201d. lingnan only quotes its "
        "documents, so there is no answer rather than a guess.\n"
        "Try other words, a name, or one of the suggestions below."
    )
    fields = _suggestion_fields(suggestions)
    card = Card(
        title="No passage in the corpus answers this",
        description=description,
        fields=tuple(fields),
        footer="/sources lists the documents · /officials the people named in them",
        colour=EMPTY_COLOUR,
    )
    return Answer((fit_card(card),), found=False)


def _suggestion_fields(suggestions: Suggestions) -> list[Field]:
    fields: list[Field] = []
    if suggestions.officials:
        names = ", ".join(clip(inline(name), 100) for name in suggestions.officials[:8])
        fields.append(Field("Officials you can look up with /official", names))
    if suggestions.documents:
        titles = "\n".join(f"• {clip(inline(t), 120)}" for t in suggestions.documents[:6])
        fields.append(Field("Topics: the documents in the corpus", titles))
    if suggestions.examples:
        fields.append(Field("Example questions", _example_lines(suggestions.examples)))
    return fields


def empty_question_answer(suggestions: Suggestions) -> Answer:
    """A mention or /ask with no question in it."""
    card = Card(
        title="What would you like to know?",
        description=(
            "Ask a question about Guangdong's industrial policy after `/ask`, or mention me "
            "with it, and I reply with verbatim quotes from the documents, each with its source "
            "and date."
        ),
        fields=tuple(_suggestion_fields(Suggestions(examples=suggestions.examples))),
        colour=EMPTY_COLOUR,
    )
    return Answer((fit_card(card),), ephemeral=True, found=False)


def question_problem(question: str) -> str | None:
    """Why `question` cannot be searched (blank or too long), in one sentence; None when fine.

    Discord enforces the option's limits, but a modified client can send anything. A question
    of mentions, emoji or invisible characters only is blank: nothing in it can be searched.
    """
    if not clean_user_text(question):
        return (
            "Please type a question after /ask, "
            "e.g. /ask What is planned for the low-altitude economy?"
        )
    if len(question) > MAX_QUESTION_LENGTH:
        return question_too_long_message(len(question))
    return None


def name_problem(name: str, limit: int) -> str | None:
    """Why `name` cannot be looked up (blank or too long), in one sentence; None when fine."""
    if not clean_user_text(name):
        return "Please type a name after /official, e.g. /official Huang Kunming."
    if len(name) > limit:
        return (
            f"Names are at most {limit} characters; please shorten it (this one has {len(name)})."
        )
    return None


def question_too_long_message(length: int) -> str:
    return (
        f"Please keep the question under {MAX_QUESTION_LENGTH} characters (this one has {length})."
    )


# --- /official and /officials ---------------------------------------------------------------------


def official_answer(query: str, lookup: OfficialLookup) -> Answer:
    """An official's titles, documents and statements, or the closest names."""
    official = lookup.official
    if official is None:
        return _unknown_official(query, lookup.suggestions)
    documents = {doc.id: doc for doc in official.documents}
    title = clip(inline(official.name), 200) or "?"
    head_fields = _official_head_fields(official, documents)
    intro = _official_intro(official)
    paged = _paged(official.statements, STATEMENTS_PER_PAGE, "statements")
    if not paged:
        no_statements = Field("Statements", "The corpus quotes no statement by them.")
        card = Card(title, intro, fields=(*head_fields, no_statements), footer="no statements")
        return Answer((fit_card(card),))
    pages: list[Card] = []
    for page in paged:
        fields = list(head_fields) if page.first == 1 else []
        for number, statement in enumerate(page.items, start=page.first):
            fields.append(_statement_field(number, statement, documents))
        pages.append(
            fit_card(Card(title=title, description=intro, fields=tuple(fields), footer=page.footer))
        )
    return Answer(tuple(pages))


def _official_intro(official: Official) -> str:
    lines: list[str] = []
    if official.main_title:
        lines.append(f"**{clip(inline(official.main_title), 200)}**")
    aliases = [a for a in official.aliases if a != official.name]
    if aliases:
        lines.append("Also written: " + " · ".join(clip(inline(a), 100) for a in aliases[:10]))
    spoken = sum(1 for s in official.statements if s.kind == "transcript")
    reported = len(official.statements) - spoken
    quoted = f"{_plural(reported, 'statement')} reported"
    if spoken:
        quoted += f" · {_plural(spoken, 'sentence')} from the transcript of their speech"
    lines.append(f"Named in {_plural(len(official.documents), 'document')} · {quoted}")
    return "\n".join(lines)


def _official_head_fields(official: Official, documents: dict[str, DocumentInfo]) -> list[Field]:
    fields: list[Field] = []
    if official.titles:
        lines = []
        for item in official.titles:
            document = documents.get(item.document)
            source = f"{inline(document.source)}, " if document else ""
            lines.append(f"• {inline(item.title)} \u2014 {source}{_date(item.date)}")
        fields.append(Field("Titles", _lines_within(lines, FIELD_VALUE_LIMIT)))
    if official.documents:
        lines = [
            "• " + link(clip(inline(d.title), 120), d.url) + f" \u2014 {inline(d.source)}, "
            f"{_date(d.date)}"
            for d in official.documents
        ]
        fields.append(Field("Documents", _lines_within(lines, FIELD_VALUE_LIMIT)))
    return fields


def _statement_field(
    number: int, statement: Statement, documents: dict[str, DocumentInfo]
) -> Field:
    document = documents.get(statement.document)
    if document is not None:
        cite = bounded_citation(document, statement.text, statement.paragraph, 400)
        name = f"Statement {number} \u00b7 {_date(statement.date or document.date)}"
        if statement.kind == "transcript":
            name += " \u00b7 from the speech transcript"
    else:
        cite = f"{inline(statement.document)} · {_date(statement.date)}"
        name = f"Statement {number} \u00b7 {_date(statement.date)}"
    quote = quote_block(statement.text, [], FIELD_VALUE_LIMIT - discord_len(cite) - 3)
    return Field(name, f"{quote}\n\u2014 {cite}")


def _lines_within(lines: Sequence[str], limit: int) -> str:
    """Whole lines up to `limit`, then a count of the ones left out."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        more = f"\n… and {len(lines) - index} more"
        line = clip(line, limit // 2)
        if used + discord_len(line) + 1 + discord_len(more) > limit:
            kept.append(more.strip())
            break
        kept.append(line)
        used += discord_len(line) + 1
    return "\n".join(kept)


def _unknown_official(query: str, suggestions: Sequence[str]) -> Answer:
    shown = clip(inline(query), 100)
    if suggestions:
        names = "\n".join(f"• {clip(inline(name), 100)}" for name in suggestions[:10])
        description = (
            f"\u201c{shown}\u201d names no single official in the corpus. Did you mean:\n{names}"
        )
    else:
        description = (
            f"No official in the corpus is called \u201c{shown}\u201d or holds that office, "
            "and no name comes close."
        )
    card = Card(
        title="Official not found",
        description=description,
        footer="/officials lists everyone the documents name",
        colour=EMPTY_COLOUR,
    )
    return Answer((fit_card(card),), found=False)


def _empty_list_answer(title: str, sentence: str) -> Answer:
    """A listing with nothing to list: its title and one sentence saying so."""
    return Answer((fit_card(Card(title, sentence, colour=EMPTY_COLOUR)),), found=False)


def officials_answer(officials: Sequence[Official]) -> Answer:
    """The directory, paged: each name with their main title and how often they are named."""
    if not officials:
        return _empty_list_answer("Officials", "The corpus names no officials yet.")
    pages: list[Card] = []
    for page in _paged(officials, OFFICIALS_PER_PAGE, "officials"):
        lines = []
        for official in page.items:
            line = f"**{clip(inline(official.name), 100)}**"
            if official.main_title:
                line += f" \u2014 {clip(inline(official.main_title), 160)}"
            line += f" ({_plural(len(official.documents), 'document')})"
            lines.append(line)
        pages.append(
            fit_card(
                Card(
                    title=f"Officials in the corpus ({len(officials)})",
                    description="\n".join(lines),
                    footer=f"{page.footer} · /official NAME for details",
                )
            )
        )
    return Answer(tuple(pages))


# --- /sources and /help --------------------------------------------------------------------------


def sources_answer(documents: Sequence[DocumentSummary]) -> Answer:
    """The documents quoted: title (linked), source, date, language, passages."""
    if not documents:
        return _empty_list_answer("Sources", "The corpus folder holds no documents.")
    pages: list[Card] = []
    for page in _paged(documents, SOURCES_PER_PAGE, "documents"):
        blocks = []
        for document in page.items:
            title = link(f"**{clip(inline(document.title), 200)}**", document.url)
            details = " · ".join(
                [
                    clip(inline(document.source), 120),
                    _date(document.date),
                    _language(document.language),
                    _plural(document.passages, "passage"),
                ]
            )
            blocks.append(f"{title}\n{details}")
        pages.append(
            fit_card(
                Card(
                    title=f"Sources ({_plural(len(documents), 'document')})",
                    description="\n\n".join(blocks),
                    footer=page.footer,
                )
            )
        )
    return Answer(tuple(pages))


def _mention_example(examples: Sequence[Example]) -> str:
    english = [e.question for e in examples if e.language == "en"]
    return inline(english[0]) if english else "what are Guangdong's industrial priorities?"


def help_answer(stats: LibraryStats, suggestions: Suggestions) -> Answer:
    """What the bot does, its commands, and example questions in several languages."""
    description = (
        "I answer questions about Guangdong's industrial policy with **verbatim quotes** from the "
        "documents in my corpus, each with its source, title and date, linked to the sentence "
        "on the page where the source is online. Nothing is generated: when the documents do not "
        "answer a question, I say so."
    )
    lines = []
    for name in HELP_COMMANDS:
        usage = " ".join([f"/{name}", *COMMAND_OPTIONS.get(name, {})])
        what = COMMAND_DESCRIPTIONS[name]
        lines.append(f"`{usage}` \u2014 {what[0].lower()}{what[1:]}")
    lines.append(
        "Or mention me with a question: @lingnan " + _mention_example(suggestions.examples)
    )
    commands_text = "\n".join(lines)
    fields = [Field("Commands", commands_text)]
    if suggestions.examples:
        fields.append(Field("Example questions", _example_lines(suggestions.examples)))
    footer = (
        f"Corpus: {_plural(stats.documents, 'document')} · {_plural(stats.passages, 'passage')}"
        f" · {_plural(stats.officials, 'official')}"
    )
    card = Card(
        title="lingnan \u2014 quotes, sources, dates",
        description=description,
        fields=tuple(fields),
        footer=footer,
    )
    return Answer((fit_card(card),), ephemeral=True)


def reload_answer(stats: LibraryStats, warnings: Sequence[str], seconds: float) -> Answer:
    """The owner's report after /reload: the new counts and any corpus warnings."""
    description = (
        f"Now serving {_plural(stats.documents, 'document')}, "
        f"{_plural(stats.passages, 'passage')} and {_plural(stats.officials, 'official')}."
        f" Loaded in {seconds:.2f} s."
    )
    fields: tuple[Field, ...] = ()
    if warnings:
        lines = [f"• {inline(w)}" for w in warnings]
        fields = (Field(_plural(len(warnings), "warning"), _lines_within(lines, 1000)),)
    card = Card(title="Corpus reloaded", description=description, fields=fields)
    return Answer((fit_card(card),), ephemeral=True)


# --- one-sentence replies ------------------------------------------------------------------------


def cooldown_message(retry_after: float) -> str:
    seconds = max(1, math.ceil(retry_after))
    unit = "second" if seconds == 1 else "seconds"
    return f"You're asking quickly \u2014 please wait {seconds} {unit} before the next question."


NOT_YOURS_MESSAGE = (
    "Only the person who asked can turn these pages; ask your own question with /ask."
)
EXPIRED_BUTTONS_MESSAGE = "These buttons have expired; ask again to page through a fresh answer."
NOT_OWNER_MESSAGE = "Only the bot's owner can reload the corpus."
INTERNAL_ERROR_MESSAGE = "Something went wrong on my side; it has been logged. Please try again."
RELOAD_BUSY_MESSAGE = "A reload is already running; the new corpus will be served when it finishes."
BAD_ARGUMENT_MESSAGE = "One of the values given could not be used; please check it and try again."
MISSING_PERMISSIONS_MESSAGE = "I lack the permissions to answer here (I need to send embeds)."
CHECK_FAILED_MESSAGE = "You can't use this command here."
CORPUS_LOADING_MESSAGE = "The corpus is still loading; please try again in a moment."


PREVIOUS_PAGE_LABEL = "\u25c0"
NEXT_PAGE_LABEL = "\u25b6"


def page_indicator(page: int, pages: int) -> str:
    """The label between the page buttons: "2 / 5" (`page` counts from 0)."""
    return f"{page + 1} / {pages}"


def reload_failed_message(reason: object) -> str:
    shown = clip(inline(str(reason)), 1500)
    return f"The corpus could not be reloaded: {shown} The previous one is still served."


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
    "/help, /more and /back to turn pages, quit to leave."
)
CONSOLE_GREETING = "lingnan console. " + CONSOLE_HELP
CONSOLE_PROMPT = "lingnan> "
CONSOLE_OFFICIAL_USAGE = "Usage: /official NAME, e.g. /official Huang Kunming"
CONSOLE_NO_NEXT_PAGE = "No more pages."
CONSOLE_NO_PREVIOUS_PAGE = "This is the first page."


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
