"""The figures of a period, read from the database: questions per day, the share answered and
the share voted helpful, the most-cited documents and the coverage gaps."""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select

from bot.stats.gaps import Gap, TokenSource, group_gaps
from bot.storage.database import Database
from bot.storage.schema import Question, ShownQuote, Vote

TOP_DOCUMENTS = 5
TOP_GAPS = 10
GAP_QUESTIONS_READ = 2_000  # the most recent ones; enough to see the groups, bounded in time


@dataclass(frozen=True)
class DayCount:
    day: str  # YYYY-MM-DD, UTC
    questions: int
    answered: int


@dataclass(frozen=True)
class CitedDocument:
    document_id: str
    title: str
    answers: int  # answers that quoted it


@dataclass(frozen=True)
class StatsReport:
    since: str
    questions: int
    answered: int
    votes: int
    helpful: int
    per_day: list[DayCount]
    cited: list[CitedDocument]
    gap_questions: int  # unanswered, or voted not helpful more than helpful
    gaps: list[Gap] = field(default_factory=list)
    gaps_without_text: int = 0  # gap questions whose text is not (or no longer) kept

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _votes_by_message(since: datetime) -> Any:
    return (
        select(
            Vote.message_id.label("message_id"),
            func.sum(case((Vote.helpful, 1), else_=0)).label("helpful"),
            func.sum(case((Vote.helpful, 0), else_=1)).label("unhelpful"),
        )
        .group_by(Vote.message_id)
        .subquery()
    )


async def build_report(
    database: Database, since: datetime, tokenizer: TokenSource | None
) -> StatsReport:
    """The report of every question asked from `since` (naive UTC) on; gaps are grouped only
    with a `tokenizer` (without one they are counted)."""
    in_period = Question.asked_at >= since
    async with database.transaction() as session:
        days = (
            await session.execute(
                select(
                    Question.day,
                    func.count(),
                    func.sum(case((Question.answered, 1), else_=0)),
                )
                .where(in_period)
                .group_by(Question.day)
                .order_by(Question.day)
            )
        ).all()
        votes, helpful = (
            await session.execute(
                select(func.count(), func.sum(case((Vote.helpful, 1), else_=0))).where(
                    Vote.voted_at >= since
                )
            )
        ).one()
        answers = func.count(func.distinct(ShownQuote.question_id))
        cited = (
            await session.execute(
                select(ShownQuote.document_id, func.max(ShownQuote.document_title), answers)
                .join(Question, Question.id == ShownQuote.question_id)
                .where(in_period)
                .group_by(ShownQuote.document_id)
                .order_by(answers.desc(), ShownQuote.document_id)
                .limit(TOP_DOCUMENTS)
            )
        ).all()
        tally = _votes_by_message(since)
        is_gap = (Question.answered.is_(False)) | (
            func.coalesce(tally.c.unhelpful, 0) > func.coalesce(tally.c.helpful, 0)
        )
        gap_rows = (
            await session.execute(
                select(Question.text)
                .outerjoin(tally, tally.c.message_id == Question.message_id)
                .where(in_period, is_gap)
                .order_by(Question.asked_at.desc(), Question.id.desc())
                .limit(GAP_QUESTIONS_READ)
            )
        ).all()
        gap_count = await session.scalar(
            select(func.count())
            .select_from(Question)
            .outerjoin(tally, tally.c.message_id == Question.message_id)
            .where(in_period, is_gap)
        )
    texts = [row[0] for row in gap_rows if row[0]]
    return StatsReport(
        since=since.date().isoformat(),
        questions=sum(row[1] for row in days),
        answered=sum(int(row[2] or 0) for row in days),
        votes=int(votes or 0),
        helpful=int(helpful or 0),
        per_day=[DayCount(row[0].isoformat(), row[1], int(row[2] or 0)) for row in days],
        cited=[CitedDocument(row[0], row[1], row[2]) for row in cited],
        gap_questions=int(gap_count or 0),
        # Tokenizing is CPU work: off the event loop.
        gaps=await asyncio.to_thread(group_gaps, texts, tokenizer, TOP_GAPS) if tokenizer else [],
        gaps_without_text=len(gap_rows) - len(texts),
    )
