"""Every question of a period as CSV, one row each, for a spreadsheet or a script."""

from __future__ import annotations

import csv
from datetime import datetime
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.storage.database import Database
from bot.storage.schema import Question, Vote

COLUMNS = (
    "asked_at",
    "guild_id",
    "via",
    "language",
    "answered",
    "question",
    "quotes",
    "documents",
    "helpful_votes",
    "not_helpful_votes",
    "comments",
)
DOCUMENTS_LISTED = 3  # the first page's documents, as most readers saw them
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """User text made safe for a spreadsheet: one that would start a formula is quoted."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


async def export_csv(database: Database, since: datetime, out: TextIO) -> int:
    """Write the questions asked from `since` on to `out`; the number of rows written."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = 0
    async with database.transaction() as session:
        questions = (
            await session.scalars(
                select(Question)
                .where(Question.asked_at >= since)
                .order_by(Question.asked_at, Question.id)
                .options(selectinload(Question.quotes))
            )
        ).all()
        message_ids = [q.message_id for q in questions if q.message_id is not None]
        votes: dict[int, list[Vote]] = {}
        for start in range(0, len(message_ids), 500):  # bounded IN lists
            chunk = message_ids[start : start + 500]
            for vote in await session.scalars(select(Vote).where(Vote.message_id.in_(chunk))):
                votes.setdefault(vote.message_id, []).append(vote)
    for question in questions:
        cast = votes.get(question.message_id or -1, [])
        documents = dict.fromkeys(q.document_id for q in question.quotes[:DOCUMENTS_LISTED])
        writer.writerow(
            (
                question.asked_at.isoformat(timespec="seconds") + "Z",
                question.guild_id or "",
                question.via,
                question.language,
                int(question.answered),
                cell(question.text or ""),
                question.quote_count,
                "; ".join(documents),
                sum(v.helpful for v in cast),
                sum(not v.helpful for v in cast),
                cell(" | ".join(v.comment for v in cast if v.comment)),
            )
        )
        rows += 1
    return rows
