"""What /stats shows: one private card of the period's figures and coverage gaps."""

from __future__ import annotations

from bot import records_texts as texts
from bot.answer_parts import inline
from bot.cards import FIELD_VALUE_LIMIT, Answer, Card, Field, fit_card
from bot.markdown import clip
from bot.stats.report import StatsReport

DAYS_SHOWN = 14  # the most recent days; the command line and CSV have them all
EXAMPLE_LENGTH = 90


def _lines(lines: list[str], empty: str) -> str:
    """Lines up to a field's limit, whole lines only."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > FIELD_VALUE_LIMIT:
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept) or empty


def stats_answer(
    report: StatsReport, days: int, *, texts_kept: bool, language: str | None = None
) -> Answer:
    """The period's figures as a private card, lingnan's words in `language`."""
    per_day = [
        texts.day_line(d.day, d.questions, d.answered, language)
        for d in report.per_day[-DAYS_SHOWN:]
    ]
    cited = [f"{c.answers} \u00d7 {clip(inline(c.title), 80)}" for c in report.cited]
    gaps = [
        texts.gap_line(
            inline(", ".join(g.words)), g.count, clip(inline(g.example), EXAMPLE_LENGTH), language
        )
        for g in report.gaps
    ]
    if report.gap_questions and not gaps:
        if texts_kept:
            gaps = [texts.NO_GAPS(language)]
        else:
            gaps = [texts.gaps_without_text(report.gap_questions, language)]
    fields = (
        Field(texts.QUESTIONS_HEADING(language), _lines(per_day, texts.NO_QUESTIONS(language))),
        Field(
            texts.ANSWERED_HEADING(language),
            texts.share_line(report.answered, report.questions, texts.NO_QUESTIONS_SHARE, language),
            inline=True,
        ),
        Field(
            texts.HELPFUL_HEADING(language),
            texts.share_line(report.helpful, report.votes, texts.NO_VOTES_SHARE, language),
            inline=True,
        ),
        Field(texts.CITED_HEADING(language), _lines(cited, texts.NO_CITATIONS(language))),
        Field(
            f"{texts.GAPS_HEADING(language)}: {report.gap_questions}",
            _lines(gaps, texts.NO_GAPS(language)),
        ),
    )
    card = Card(title=texts.stats_title(days, language), fields=fields)
    return Answer((fit_card(card),), ephemeral=True)
