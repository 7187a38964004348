"""What /timeline answers: a topic's quotes in date order, oldest first, one line each (date,
short source linked to the sentence, the sentence that matched), paged; undated ones last."""

from __future__ import annotations

from collections.abc import Sequence

from bot import texts
from bot.answer_parts import inline, paged, short_date
from bot.cards import DESCRIPTION_LIMIT, EMPTY_COLOUR, Answer, Card, Origin, QuoteShown, fit_card
from bot.citations import Cited, full_citation, quote_url, short_source
from bot.markdown import clip, discord_len, link
from bot.question_shown import question_footer, question_title
from retrieval.models import Timeline, TimelineEntry

LINES_PER_PAGE = 8
SENTENCE_LENGTH = 220


def timeline_answer(topic: str, timeline: Timeline, language: str | None = None) -> Answer:
    """The timeline of `topic` as pages of lines (lingnan's own words in `language`); a short
    private answer when the corpus has nothing on it."""
    entries = [*timeline.entries, *timeline.undated]
    if not entries:
        sentence = texts.timeline_nothing_sentence(clip(inline(topic), 200), language)
        card = Card(texts.TIMELINE_NOTHING_TITLE(language), sentence, colour=EMPTY_COLOUR)
        return Answer((fit_card(card),), ephemeral=True, found=False, language=language)
    heading = "-# " + texts.TIMELINE_HEADING(language)
    footer = texts.ANSWER_FOOTER(language)
    pages: list[Card] = []
    for page in paged(entries, LINES_PER_PAGE, "lines", language):
        room = DESCRIPTION_LIMIT - discord_len(heading) - 1
        body = _lines(page.items, room, language)
        pages.append(
            fit_card(
                Card(
                    title=question_title(topic),
                    description=f"{heading}\n{body}",
                    footer=question_footer(f"{page.footer} · {footer}", topic),
                    citation="\n".join(
                        full_citation(n, _cited(entry), language)
                        for n, entry in enumerate(page.items, start=page.first)
                    ),
                )
            )
        )
    shown = tuple(
        QuoteShown(
            e.result.document.id, e.result.document.title, e.result.passage_id, e.result.paragraph
        )
        for e in entries
    )
    return Answer(tuple(pages), origin=Origin("timeline", topic), quotes=shown, language=language)


def _lines(entries: Sequence[TimelineEntry], room: int, language: str | None = None) -> str:
    """One line per entry; the sources linked to their sentences while the page has room."""
    for linked in (True, False):
        lines = [timeline_line(entry, linked=linked, language=language) for entry in entries]
        body = "\n".join(lines)
        if discord_len(body) <= room:
            return body
    return clip(body, room)


def timeline_line(entry: TimelineEntry, *, linked: bool = True, language: str | None = None) -> str:
    """ "**16 Jan 2025** · [Lingnan on the Cloud](…) — the sentence, clipped"."""
    document = entry.result.document
    date = short_date(entry.date, language)
    source = short_source(document.source, language)
    if linked:
        source = link(source, quote_url(document, entry.sentence))
    return f"**{date}** \u00b7 {source} \u2014 {clip(inline(entry.sentence), SENTENCE_LENGTH)}"


def _cited(entry: TimelineEntry) -> Cited:
    result = entry.result
    return Cited(
        document=result.document, text=entry.sentence, paragraph=result.paragraph, page=result.page
    )
