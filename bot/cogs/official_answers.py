"""What /official and /officials answer: an official's titles, documents and reported
statements (their speech apart, by document, in a menu); the officials an office or a close name
could mean, with a menu to open one; the directory of everyone the documents name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot import texts
from bot.answer_parts import inline, lines_within, paged, short_date
from bot.cards import (
    EMPTY_COLOUR,
    FIELD_VALUE_LIMIT,
    SELECT_OPTION_LIMIT,
    Answer,
    Card,
    Choice,
    Field,
    Menu,
    Origin,
    checksum,
    fit_card,
)
from bot.citations import Cited, citation_line, full_citation, quote_url, short_source
from bot.cogs.official_parts import (
    official_title,
    plain_choice_text,
    reported_statements,
    speech_menu,
    speeches,
)
from bot.command_mentions import CommandMentions
from bot.markdown import clip, discord_len, link
from bot.quotes import quote_block
from retrieval.models import Candidate, DocumentInfo, Official, OfficialLookup, Statement
from retrieval.officials.title_groups import MergedTitle, merge_titles

OFFICIALS_PER_PAGE = 15
STATEMENTS_PER_PAGE = 3


def official_answer(
    query: str, lookup: OfficialLookup, commands: CommandMentions, language: str | None = None
) -> Answer:
    """An official's card; several officials (an office's holders, close names) to pick from;
    or, when nothing comes close, one sentence."""
    official = lookup.official
    if official is None:
        if lookup.candidates or lookup.suggestions:
            return _several_officials(query, lookup, commands, language)
        return _unknown_official(query, commands, language)
    note = ""
    if lookup.read_as in ("corrected", "office"):
        note = texts.official_read_note(
            lookup.read_as, clip(inline(query), 100), clip(inline(official.name), 100), language
        )
    return statements_answer(official, note, language)


def statements_answer(official: Official, note: str = "", language: str | None = None) -> Answer:
    """An official's titles, documents and reported statements (paged); the sentences of their
    speeches are in the menu under every page, by document."""
    documents = {doc.id: doc for doc in official.documents}
    title = official_title(official)
    reported = reported_statements(official)
    head_fields = _official_head_fields(official, documents, language)
    intro = _official_intro(official, len(reported), note, language)
    origin = Origin("official", official.name)
    menu = speech_menu(official, shown=None, language=language)
    statements_pages = paged(reported, STATEMENTS_PER_PAGE, "statements", language)
    if not statements_pages:
        missing = texts.NO_REPORTED_STATEMENTS if menu else texts.NO_STATEMENTS
        footer = texts.NO_REPORTED_STATEMENTS_FOOTER if menu else texts.NO_STATEMENTS_FOOTER
        card = Card(
            title,
            intro,
            fields=(*head_fields, Field(texts.STATEMENTS_HEADING(language), missing(language))),
            footer=footer(language),
        )
        return Answer((fit_card(card),), origin=origin, menu=menu, language=language)
    pages: list[Card] = []
    for page in statements_pages:
        fields = list(head_fields) if page.first == 1 else []
        cited = [_cited(statement, documents, official) for statement in page.items]
        pairs = zip(page.items, cited, strict=True)
        for number, (statement, quote) in enumerate(pairs, start=page.first):
            fields.append(_statement_field(number, statement, quote, language))
        known = [c for c in cited if c is not None]
        pages.append(
            fit_card(
                Card(
                    title=title,
                    description=intro,
                    fields=tuple(fields),
                    footer=page.footer,
                    citation="\n".join(
                        full_citation(n, c, language)
                        for n, c in enumerate(cited, start=page.first)
                        if c is not None
                    )
                    or None,
                    source_url=quote_url(known[0].document, known[0].text) if known else None,
                )
            )
        )
    return Answer(tuple(pages), origin=origin, menu=menu, language=language)


def _cited(
    statement: Statement, documents: dict[str, DocumentInfo], official: Official
) -> Cited | None:
    """The statement as Cite gives it: said by the official, as /ask's Cite names its speaker."""
    document = documents.get(statement.document)
    if document is None:
        return None
    return Cited(
        document=document,
        text=statement.text,
        paragraph=statement.paragraph,
        speaker=official.name,
    )


def _official_intro(
    official: Official, reported: int, note: str, language: str | None = None
) -> str:
    lines: list[str] = []
    if official.main_title:
        lines.append(f"**{clip(inline(official.main_title), 200)}**")
    aliases = [a for a in official.aliases if a not in (official.name, official.chinese_name)]
    if aliases:
        shown = " · ".join(clip(inline(a), 100) for a in aliases[:10])
        lines.append(f"{texts.ALSO_WRITTEN(language)}: {shown}")
    spoken = speeches(official)
    sentences = sum(len(speech.sentences) for speech in spoken)
    lines.append(
        texts.statements_summary(
            len(official.documents), reported, sentences, len(spoken), language
        )
    )
    if note:
        lines.append(f"-# {note}")
    return "\n".join(lines)


def _official_head_fields(
    official: Official, documents: dict[str, DocumentInfo], language: str | None = None
) -> list[Field]:
    fields: list[Field] = []
    if official.titles:
        languages = {doc.id: doc.language for doc in official.documents}
        lines = [
            _merged_title_line(merged, documents, language)
            for merged in merge_titles(official.titles, languages)
        ]
        heading = texts.TITLES_HEADING(language)
        fields.append(Field(heading, lines_within(lines, FIELD_VALUE_LIMIT, language)))
    if official.documents:
        lines = [
            "• "
            + link(clip(inline(d.title), 120), d.url)
            + f" \u2014 {short_source(d.source, language)}, "
            f"{short_date(d.date, language)}"
            for d in official.documents
        ]
        heading = texts.DOCUMENTS_HEADING(language)
        fields.append(Field(heading, lines_within(lines, FIELD_VALUE_LIMIT, language)))
    return fields


def _merged_title_line(
    merged: MergedTitle, documents: dict[str, DocumentInfo], language: str | None = None
) -> str:
    """One office, as each language writes it, with where and when the documents give it:
    "• Governor / Gouverneur — 2 documents, 6 Feb 2025"."""
    forms = " / ".join(clip(inline(form.title), 160) for form in merged.forms)
    sources = list(dict.fromkeys(item.document for item in merged.titles))
    dates = sorted({item.date for item in merged.titles if item.date})
    when = short_date(dates[0] if dates else None, language)
    if len(dates) > 1:
        when += f" \u2013 {short_date(dates[-1], language)}"
    if len(sources) == 1 and sources[0] in documents:
        where = short_source(documents[sources[0]].source, language)
    else:
        where = texts.DOCUMENT_COUNT(language, count=len(sources))
    return f"• {forms} \u2014 {where}, {when}"


def _statement_field(
    number: int, statement: Statement, cited: Cited | None, language: str | None = None
) -> Field:
    if cited is not None:
        # The card is the official's own: the line under each statement need not name them.
        cite = citation_line(None, replace(cited, speaker=None), 400, language)
    else:
        cite = f"-# {inline(statement.document)} · {short_date(statement.date, language)}"
    quote = quote_block(statement.text, [], FIELD_VALUE_LIMIT - discord_len(cite) - 3)
    return Field(texts.statement_heading(number, language), f"{quote}\n{cite}")


def _several_officials(
    query: str, lookup: OfficialLookup, commands: CommandMentions, language: str | None = None
) -> Answer:
    """The holders of an office ("director") or the closest names, each with their office, and
    a menu that opens one."""
    shown = clip(inline(query), 100)
    candidates = lookup.candidates or [Candidate(name=name) for name in lookup.suggestions]
    unique: dict[str, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.name, candidate)  # a menu's values must differ
    candidates = list(unique.values())[:SELECT_OPTION_LIMIT]
    several_holders = lookup.read_as == "office" and len(candidates) > 1
    if several_holders:
        heading = texts.SEVERAL_OFFICIALS_TITLE(language)
        sentence = texts.office_holders_sentence(shown, language)
    else:
        heading = texts.CLOSEST_OFFICIALS_TITLE(language)
        sentence = texts.did_you_mean(shown, language)
    lines = [_candidate_line(candidate) for candidate in candidates]
    description = "\n".join(
        [
            sentence,
            lines_within(lines, 3000, language),
            "-# " + texts.officials_list_hint(commands, language),
        ]
    )
    menu = Menu(
        "official",
        texts.OFFICIAL_PICK_PLACEHOLDER(language),
        tuple(_candidate_choice(candidate) for candidate in candidates),
    )
    card = Card(title=heading, description=description)
    # Close names are no answer yet (found=False); an office's holders are one.
    return Answer((fit_card(card),), found=several_holders, menu=menu, language=language)


def _candidate_name(candidate: Candidate) -> str:
    if candidate.chinese_name and candidate.chinese_name != candidate.name:
        return f"{candidate.name} ({candidate.chinese_name})"
    return candidate.name


def _candidate_line(candidate: Candidate) -> str:
    line = f"• **{clip(inline(_candidate_name(candidate)), 120)}**"
    if candidate.title:
        line += f" \u2014 {clip(inline(candidate.title), 200)}"
    return line


def _candidate_choice(candidate: Candidate) -> Choice:
    return Choice(
        plain_choice_text(_candidate_name(candidate)),
        checksum(candidate.name),
        plain_choice_text(candidate.title) if candidate.title else None,
    )


def _unknown_official(query: str, commands: CommandMentions, language: str | None = None) -> Answer:
    description = texts.no_such_official(clip(inline(query), 100), language)
    description += "\n-# " + texts.officials_list_hint(commands, language)
    title = texts.OFFICIAL_NOT_FOUND_TITLE(language)
    card = Card(title=title, description=description, colour=EMPTY_COLOUR)
    return Answer((fit_card(card),), found=False, language=language)


def officials_answer(
    officials: Sequence[Official], commands: CommandMentions, language: str | None = None
) -> Answer:
    """The directory, paged: each name with their main title and how often they are named."""
    if not officials:
        card = Card(
            texts.OFFICIALS_TITLE(language), texts.NO_OFFICIALS(language), colour=EMPTY_COLOUR
        )
        return Answer((fit_card(card),), found=False, language=language)
    pages: list[Card] = []
    for page in paged(officials, OFFICIALS_PER_PAGE, "officials", language):
        lines = []
        for official in page.items:
            line = f"**{clip(inline(official.name), 100)}**"
            if official.main_title:
                line += f" \u2014 {clip(inline(official.main_title), 160)}"
            line += f" ({texts.DOCUMENT_COUNT(language, count=len(official.documents))})"
            lines.append(line)
        lines.append("-# " + texts.officials_footer_hint(commands, language))
        pages.append(
            fit_card(
                Card(
                    title=texts.officials_in_corpus_title(len(officials), language),
                    description="\n".join(lines),
                    footer=page.footer,
                )
            )
        )
    return Answer(tuple(pages), origin=Origin("officials"), language=language)
