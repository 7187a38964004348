"""What /official and /officials answer: an official's titles, documents and statements; the
directory of everyone the documents name."""

from __future__ import annotations

from collections.abc import Sequence

from bot import texts
from bot.answer_parts import inline, iso_date, lines_within, paged, plural
from bot.cards import EMPTY_COLOUR, FIELD_VALUE_LIMIT, Answer, Card, Field, Origin, fit_card
from bot.citations import Cited, citation_line, full_citation, quote_url
from bot.command_mentions import CommandMentions
from bot.markdown import clip, discord_len, link
from bot.quotes import quote_block
from retrieval.models import DocumentInfo, Official, OfficialLookup, Statement

OFFICIALS_PER_PAGE = 15
STATEMENTS_PER_PAGE = 3


def official_answer(query: str, lookup: OfficialLookup, commands: CommandMentions) -> Answer:
    """An official's titles, documents and statements, or the closest names."""
    official = lookup.official
    if official is None:
        return _unknown_official(query, lookup.suggestions, commands)
    documents = {doc.id: doc for doc in official.documents}
    title = clip(inline(official.name), 200) or "?"
    head_fields = _official_head_fields(official, documents)
    intro = _official_intro(official)
    statements_pages = paged(official.statements, STATEMENTS_PER_PAGE, "statements")
    if not statements_pages:
        no_statements = Field("Statements", texts.NO_STATEMENTS)
        card = Card(title, intro, fields=(*head_fields, no_statements), footer="no statements")
        return Answer((fit_card(card),), origin=Origin("official", official.name))
    pages: list[Card] = []
    for page in statements_pages:
        fields = list(head_fields) if page.first == 1 else []
        cited = [_cited(statement, documents) for statement in page.items]
        pairs = zip(page.items, cited, strict=True)
        for number, (statement, quote) in enumerate(pairs, start=page.first):
            fields.append(_statement_field(number, statement, quote))
        known = [c for c in cited if c is not None]
        pages.append(
            fit_card(
                Card(
                    title=title,
                    description=intro,
                    fields=tuple(fields),
                    footer=page.footer,
                    citation="\n".join(
                        full_citation(n, c)
                        for n, c in enumerate(cited, start=page.first)
                        if c is not None
                    )
                    or None,
                    source_url=quote_url(known[0].document, known[0].text) if known else None,
                )
            )
        )
    return Answer(tuple(pages), origin=Origin("official", official.name))


def _cited(statement: Statement, documents: dict[str, DocumentInfo]) -> Cited | None:
    document = documents.get(statement.document)
    if document is None:
        return None
    return Cited(document=document, text=statement.text, paragraph=statement.paragraph)


def _official_intro(official: Official) -> str:
    lines: list[str] = []
    if official.main_title:
        lines.append(f"**{clip(inline(official.main_title), 200)}**")
    aliases = [a for a in official.aliases if a != official.name]
    if aliases:
        lines.append("Also written: " + " · ".join(clip(inline(a), 100) for a in aliases[:10]))
    spoken = sum(1 for s in official.statements if s.kind == "transcript")
    reported = len(official.statements) - spoken
    quoted = f"{plural(reported, 'statement')} reported"
    if spoken:
        quoted += f" · {plural(spoken, 'sentence')} from the transcript of their speech"
    lines.append(f"Named in {plural(len(official.documents), 'document')} · {quoted}")
    return "\n".join(lines)


def _official_head_fields(official: Official, documents: dict[str, DocumentInfo]) -> list[Field]:
    fields: list[Field] = []
    if official.titles:
        lines = []
        for item in official.titles:
            document = documents.get(item.document)
            source = f"{inline(document.source)}, " if document else ""
            lines.append(f"• {inline(item.title)} \u2014 {source}{iso_date(item.date)}")
        fields.append(Field("Titles", lines_within(lines, FIELD_VALUE_LIMIT)))
    if official.documents:
        lines = [
            "• " + link(clip(inline(d.title), 120), d.url) + f" \u2014 {inline(d.source)}, "
            f"{iso_date(d.date)}"
            for d in official.documents
        ]
        fields.append(Field("Documents", lines_within(lines, FIELD_VALUE_LIMIT)))
    return fields


def _statement_field(number: int, statement: Statement, cited: Cited | None) -> Field:
    if cited is not None:
        cite = citation_line(None, cited, 400)
        name = f"Statement {number}"
        if statement.kind == "transcript":
            name += " \u00b7 from the speech transcript"
    else:
        cite = f"-# {inline(statement.document)} · {iso_date(statement.date)}"
        name = f"Statement {number}"
    quote = quote_block(statement.text, [], FIELD_VALUE_LIMIT - discord_len(cite) - 3)
    return Field(name, f"{quote}\n{cite}")


def _unknown_official(query: str, suggestions: Sequence[str], commands: CommandMentions) -> Answer:
    shown = clip(inline(query), 100)
    if suggestions:
        names = "\n".join(f"• {clip(inline(name), 100)}" for name in suggestions[:10])
        description = f"{texts.did_you_mean(shown)}\n{names}"
    else:
        description = texts.no_such_official(shown)
    description += "\n-# " + texts.officials_list_hint(commands)
    card = Card(title=texts.OFFICIAL_NOT_FOUND_TITLE, description=description, colour=EMPTY_COLOUR)
    return Answer((fit_card(card),), found=False)


def officials_answer(officials: Sequence[Official], commands: CommandMentions) -> Answer:
    """The directory, paged: each name with their main title and how often they are named."""
    if not officials:
        card = Card("Officials", texts.NO_OFFICIALS, colour=EMPTY_COLOUR)
        return Answer((fit_card(card),), found=False)
    pages: list[Card] = []
    for page in paged(officials, OFFICIALS_PER_PAGE, "officials"):
        lines = []
        for official in page.items:
            line = f"**{clip(inline(official.name), 100)}**"
            if official.main_title:
                line += f" \u2014 {clip(inline(official.main_title), 160)}"
            line += f" ({plural(len(official.documents), 'document')})"
            lines.append(line)
        lines.append("-# " + texts.officials_footer_hint(commands))
        pages.append(
            fit_card(
                Card(
                    title=f"Officials in the corpus ({len(officials)})",
                    description="\n".join(lines),
                    footer=page.footer,
                )
            )
        )
    return Answer(tuple(pages), origin=Origin("officials"))
