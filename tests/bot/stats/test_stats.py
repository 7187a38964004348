"""Coverage-gap grouping, the report's figures, CSV and the command line, on SQLite."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.cards import Answer, Card, Origin, QuoteShown
from bot.stats.__main__ import main
from bot.stats.export import cell, export_csv
from bot.stats.gaps import group_gaps
from bot.stats.report import build_report
from bot.storage.database import Database, sqlite_url
from bot.storage.recorder import Recorder
from retrieval.tokenize import Tokenizer

NOW = datetime(2025, 5, 20, 12, 0)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def test_gaps_group_questions_by_shared_words(tokenizer: Tokenizer) -> None:
    """Questions sharing a word (in any inflection) form one group, largest first."""
    questions = [
        "football match results",
        "Who won the football matches?",
        "football stadium",
        "weather in Paris",
    ]
    gaps = group_gaps(questions, tokenizer)
    assert gaps[0].words[0] == "football" and gaps[0].count == 3
    assert gaps[0].example in questions[:3]
    assert [g.count for g in gaps[1:]] == [1]


async def scripted_day(path: Path) -> Database:
    database = await Database.open(sqlite_url(path))
    recorder = Recorder(database, salt=b"s", keep_days=90, clock=lambda: NOW)
    recorder.writer.start()
    quote = QuoteShown("doc-a", "Report A", 1, 1)
    for number, (question, found) in enumerate(
        [("robots", True), ("tariff football", False), ("football scores", False)], start=1
    ):
        answer = Answer((Card("t"),), found=found, origin=Origin("ask", question))
        if found:
            answer = Answer((Card("t"),), origin=Origin("ask", question), quotes=(quote,))
        recorder.question(
            guild_id=1, via="ask", question=question, answer=answer, message_id=number
        )
    recorder.vote(message_id=1, user_id=5, helpful=False, page=0)
    recorder.vote(message_id=1, user_id=6, helpful=False, page=0)
    await recorder.writer.close()
    return database


async def test_report_counts_a_scripted_day(tmp_path: Path, tokenizer: Tokenizer) -> None:
    """Figures per day, answered and helpful shares, cited documents and the gap groups."""
    database = await scripted_day(tmp_path / "day.db")
    try:
        report = await build_report(database, NOW - timedelta(days=1), tokenizer)
    finally:
        await database.close()
    assert [(d.day, d.questions, d.answered) for d in report.per_day] == [("2025-05-20", 3, 1)]
    assert (report.votes, report.helpful) == (2, 0)
    assert [(c.document_id, c.answers) for c in report.cited] == [("doc-a", 1)]
    assert report.gap_questions == 3  # two unanswered, one voted not helpful
    assert report.gaps[0].words[0] == "football" and report.gaps[0].count == 2


async def test_csv_quotes_what_a_spreadsheet_would_run(tmp_path: Path) -> None:
    """One row per question; text that would start a formula is quoted."""
    database = await scripted_day(tmp_path / "csv.db")
    out = io.StringIO()
    try:
        assert await export_csv(database, NOW - timedelta(days=1), out) == 3
    finally:
        await database.close()
    assert out.getvalue().splitlines()[1].split(",")[5] == "robots"
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"


async def test_command_line_prints_json(tmp_path: Path) -> None:
    """`python -m bot.stats --json --database URL --since DATE` prints the report."""
    path = tmp_path / "cli.db"
    database = await scripted_day(path)
    await database.close()
    out = io.StringIO()
    url = sqlite_url(path).render_as_string()
    # The command line runs its own event loop: give it a thread of its own.
    status = await asyncio.to_thread(
        main, ["--json", "--database", url, "--since", "2025-05-01"], out
    )
    assert status == 0
    report = json.loads(out.getvalue())
    assert report["questions"] == 3 and report["gap_questions"] == 3


def test_command_line_refuses_a_bad_since(capsys: pytest.CaptureFixture[str]) -> None:
    """A --since that is neither a date nor days is one line and exit 2."""
    with pytest.raises(SystemExit) as exited:
        main(["--since", "yesterday"])
    assert exited.value.code == 2
    assert "--since" in capsys.readouterr().err
