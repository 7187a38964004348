"""What /ask and mentions answer: the best quotes, each with one short citation line, a note line
under them (corrections, other spellings, synonyms, translations), or a short private nothing-found.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot import texts
from bot.answer_filters import filters_token
from bot.answer_parts import example_lines, inline, paged
from bot.cards import (
    DESCRIPTION_LIMIT,
    EMPTY_COLOUR,
    Answer,
    Card,
    Origin,
    QuoteShown,
    fit_card,
)
from bot.citations import Cited, citation_line, full_citation, quote_url
from bot.cogs.filter_answers import filtered_nothing_answer, filters_line
from bot.command_mentions import CommandMentions
from bot.examples import Example
from bot.figures import figure_rules
from bot.markdown import clip, discord_len
from bot.page_source import PageSource
from bot.question_shown import question_footer, question_title
from bot.quote_facts import QuoteFacts
from bot.quotes import bold_terms, quote_block
from retrieval.languages import detect_language
from retrieval.models import Expansion, SearchResponse, SearchResult
from retrieval.search import corrected_question

MAX_ANSWER_PAGES = 5
NOTHING_FOUND_EXAMPLES = 3
QUOTE_SEPARATOR = "\n\n"


def ask_answer(
    question: str,
    response: SearchResponse,
    *,
    per_page: int,
    commands: CommandMentions,
    facts: QuoteFacts,
    examples: Sequence[Example] = (),
    language: str | None = None,
) -> Answer:
    """The best quotes for `question`, `per_page` to a page, or the short nothing-found answer;
    lingnan's own words in `language` (default: the question's)."""
    language = language or detect_language(question)
    if not response.results and response.filters is not None:
        return filtered_nothing_answer(question, response, language)
    if not response.results:
        return nothing_found_answer(question, examples, commands, language)
    results = response.results[: per_page * MAX_ANSWER_PAGES]
    title = question_title(question)
    # The filters first: what the quotes were chosen from, then how the question was read.
    notes = "\n".join(
        line
        for line in (filters_line(response, language), notes_line(question, response, language))
        if line
    )
    room = DESCRIPTION_LIMIT - (discord_len(notes) + len(QUOTE_SEPARATOR) if notes else 0)
    figures = figure_rules() if figure_rules().asks_for_figure(question) else None
    pages = paged(results, per_page, "quotes", language)

    def card(number: int) -> Card:
        page = pages[number]
        cited = [_cited(result, facts) for result in page.items]
        bold = [
            bold_terms(
                result.matched_terms,
                facts.common,
                figures.figures_in(result.text) if figures else (),
            )
            for result in page.items
        ]
        body = _quotes(cited, bold, page.first, room, language)
        first = cited[0]
        return fit_card(
            Card(
                title=title,
                description=body + (QUOTE_SEPARATOR + notes if notes else ""),
                footer=question_footer(
                    f"{page.footer} · {texts.ANSWER_FOOTER(language)}", question
                ),
                citation="\n".join(
                    full_citation(n, c, language) for n, c in enumerate(cited, start=page.first)
                ),
                source_url=quote_url(first.document, first.text),
            )
        )

    shown = tuple(
        QuoteShown(r.document.id, r.document.title, r.passage_id, r.paragraph) for r in results
    )
    origin = Origin("ask", question, filters_token(response.filters))
    # Each page's card is formatted when read: Discord shows one (see `bot.page_source`).
    cards = PageSource(len(pages), card)
    return Answer(cards, origin=origin, quotes=shown, language=language)


def _cited(result: SearchResult, facts: QuoteFacts) -> Cited:
    return Cited(
        document=result.document,
        text=result.text,
        paragraph=result.paragraph,
        page=result.page,
        speaker=facts.speakers.of(result.document.id, result.start, result.end),
        also_in=result.also_in,
        also_published=result.also_published,
    )


def _quotes(
    cited: Sequence[Cited],
    bold: Sequence[Sequence[str]],
    first_number: int,
    room: int,
    language: str | None = None,
) -> str:
    share = (room - len(QUOTE_SEPARATOR) * (len(cited) - 1)) // max(len(cited), 1)
    blocks: list[str] = []
    for number, (quote, words) in enumerate(zip(cited, bold, strict=True), start=first_number):
        line = citation_line(number, quote, share // 2, language)
        block = quote_block(quote.text, words, share - discord_len(line) - 1)
        blocks.append(f"{block}\n{line}")
    return QUOTE_SEPARATOR.join(blocks)


def notes_line(question: str, response: SearchResponse, language: str | None = None) -> str:
    """One subtext line saying how the question was read: the corrected question, other
    spellings of names, synonyms and translations the quotes matched; in the asker's language
    (English when it is none of those the labels are written in). Empty when there is none."""
    language = language or detect_language(question)
    read_as, same, through, also = (
        texts.NOTE_READ_AS(language),
        texts.NOTE_SAME_MEANING(language),
        texts.NOTE_FOUND_THROUGH(language),
        texts.NOTE_ALSO_SEARCHED(language),
    )
    parts: list[str] = []
    if response.corrections:
        # Exactly the question that was searched (the library searches this one).
        corrected = corrected_question(question, response.corrections)
        parts.append(f"{read_as} \u201c{clip(inline(corrected), 200)}\u201d")
    names = "; ".join(
        " / ".join(clip(inline(word), 40) for word in e.added[:2])
        + f" (\u201c{clip(inline(e.original), 40)}\u201d)"
        for e in response.expansions[:3]
        if e.added
    )
    if names:
        parts.append(f"{also}: {names}")
    synonyms = _expansions(response.synonyms, "=")
    if synonyms:
        parts.append(f"{same}: {synonyms}")
    translations = _expansions(response.translations, "\u2192")
    if translations:
        parts.append(f"{through}: {translations}")
    return "-# " + " \u00b7 ".join(parts) if parts else ""


def _expansions(expansions: Sequence[Expansion], joiner: str) -> str:
    shown = [
        f"\u201c{clip(inline(e.original), 40)}\u201d {joiner} "
        + " / ".join(clip(inline(word), 40) for word in e.added[:2])
        for e in expansions[:3]
        if e.added
    ]
    return "; ".join(shown)


def nothing_found_answer(
    question: str,
    examples: Sequence[Example],
    commands: CommandMentions,
    language: str | None = None,
) -> Answer:
    """One sentence and three example questions, for the asker only; without `examples`
    (a public reply), the sentence and where to find them."""
    first_language = language or detect_language(question)
    shown = example_lines(examples, commands, NOTHING_FOUND_EXAMPLES, first_language)
    asked = clip(inline(question), 200)
    lines = [texts.nothing_found_sentence(asked, examples=bool(shown), language=first_language)]
    if shown:
        lines.append(shown)
        lines.append("-# " + texts.more_hint(commands, first_language))
    else:
        hints = texts.examples_hint(commands, first_language)
        lines.append("-# " + hints + " " + texts.more_hint(commands, first_language))
    card = Card(texts.NOTHING_FOUND_TITLE(first_language), "\n".join(lines), colour=EMPTY_COLOUR)
    return Answer((fit_card(card),), ephemeral=True, found=False)


def empty_question_answer(
    examples: Sequence[Example], commands: CommandMentions, language: str | None = None
) -> Answer:
    """A mention or /ask with no question in it: how to ask, and three examples."""
    lines = [texts.empty_question_sentence(commands, language)]
    shown = example_lines(examples, commands, NOTHING_FOUND_EXAMPLES, language)
    if shown:
        lines.append(shown)
    card = Card(texts.EMPTY_QUESTION_TITLE(language), "\n".join(lines), colour=EMPTY_COLOUR)
    return Answer((fit_card(card),), ephemeral=True, found=False, language=language)
